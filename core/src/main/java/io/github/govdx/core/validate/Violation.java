package io.github.govdx.core.validate;

import io.github.govdx.core.CoreErrorCode;
import java.util.Objects;

/**
 * One rule a record breaks.
 *
 * <p>{@code pointer} is the RFC 6901 JSON Pointer of the value inside the record (for a missing required
 * item, the pointer where it should be; {@code ""} is the record itself). {@code recordIndex} is the
 * zero-based index of the record in an array or NDJSON stream (0 for a single record). Messages never
 * repeat the offending value (it may be personal data). Immutable and thread-safe.
 *
 * @param recordIndex the zero-based record index
 * @param pointer the JSON Pointer inside the record
 * @param itemName the item's Chinese name from the schema; empty when the item is not in the schema
 * @param rule the rule, e.g. {@code maxLength}, {@code x-govdx-identifier:gb11643/checkDigit}
 * @param code the stable code ({@code GDX-14xx})
 * @param messageEn the message in English
 * @param messageZh the message in Chinese
 * @param severity the severity
 */
public record Violation(
    long recordIndex,
    String pointer,
    String itemName,
    String rule,
    CoreErrorCode code,
    String messageEn,
    String messageZh,
    Severity severity) {

  /**
   * Creates a violation.
   *
   * @param recordIndex the record index
   * @param pointer the pointer
   * @param itemName the item name
   * @param rule the rule
   * @param code the code
   * @param messageEn the English message
   * @param messageZh the Chinese message
   * @param severity the severity
   * @throws NullPointerException if an argument is null
   */
  public Violation {
    Objects.requireNonNull(pointer, "pointer == null");
    Objects.requireNonNull(itemName, "itemName == null");
    Objects.requireNonNull(rule, "rule == null");
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(messageEn, "messageEn == null");
    Objects.requireNonNull(messageZh, "messageZh == null");
    Objects.requireNonNull(severity, "severity == null");
  }

  /**
   * The code as text, e.g. {@code GDX-1403}.
   *
   * @return the code text
   */
  public String codeText() {
    return code.code();
  }

  @Override
  public String toString() {
    return "#"
        + recordIndex
        + " "
        + (pointer.isEmpty() ? "/" : pointer)
        + " ["
        + itemName
        + "] "
        + code.code()
        + " "
        + rule
        + ": "
        + messageEn;
  }
}
