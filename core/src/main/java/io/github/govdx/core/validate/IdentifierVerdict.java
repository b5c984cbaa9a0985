package io.github.govdx.core.validate;

import java.util.Objects;

/**
 * The result of an {@link IdentifierCheck}: valid, or the rule that failed and why (without echoing the
 * value, which may be personal data).
 *
 * <p>Immutable and thread-safe.
 *
 * @param valid whether the value passed
 * @param rule the failed rule, e.g. {@code checkDigit}; empty when valid
 * @param reason why it failed, in English; empty when valid
 */
public record IdentifierVerdict(boolean valid, String rule, String reason) {

  private static final IdentifierVerdict OK = new IdentifierVerdict(true, "", "");

  /**
   * Creates a verdict.
   *
   * @param valid whether valid
   * @param rule the failed rule
   * @param reason the reason
   * @throws NullPointerException if {@code rule} or {@code reason} is null
   */
  public IdentifierVerdict {
    Objects.requireNonNull(rule, "rule == null");
    Objects.requireNonNull(reason, "reason == null");
  }

  /**
   * The passing verdict.
   *
   * @return a valid verdict
   */
  public static IdentifierVerdict ok() {
    return OK;
  }

  /**
   * A failing verdict.
   *
   * @param rule the failed rule
   * @param reason why, in English
   * @return an invalid verdict
   */
  public static IdentifierVerdict invalid(String rule, String reason) {
    return new IdentifierVerdict(false, rule, reason);
  }
}
