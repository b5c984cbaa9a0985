package io.github.govdx.client;

import java.util.Objects;

/**
 * One entry of an error body's {@code details}: where a query or record is invalid, never the offending
 * value ({@code docs/protocol.md} section 3). Immutable and thread-safe.
 *
 * @param pointer a JSON Pointer (RFC 6901) into the payload, e.g. {@code /records/3/sfzh}
 * @param rule the name of the rule that failed, e.g. {@code gb11643.checkDigit}
 * @param code the govdx code of the rule, e.g. {@code GDX-1103}, or empty text when none was given
 */
public record ErrorDetail(String pointer, String rule, String code) {

  /**
   * Creates a detail.
   *
   * @throws NullPointerException if any argument is null
   */
  public ErrorDetail {
    Objects.requireNonNull(pointer, "pointer == null");
    Objects.requireNonNull(rule, "rule == null");
    Objects.requireNonNull(code, "code == null");
  }
}
