package io.github.govdx.core.ident;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An organisation code (全国组织机构代码) per GB 11714-1997: an 8-character body of digits and upper-case
 * letters and a check character ({@code 0-9} or {@code X}), displayed as {@code XXXXXXXX-X}; the hyphen is
 * optional on input.
 *
 * <p>Check (clause 5): C9 = 11 − MOD(Σ C_i × W_i, 11) with W = 3 7 9 10 5 8 4 2 and character values 0-9,
 * A=10 … Z=35; 10 is written {@code X}, 11 is written {@code 0}. Rules, in order: not empty ({@code GDX-1114}),
 * length 9 (10 with the hyphen, {@code GDX-1101}), characters ({@code GDX-1102}), check character
 * ({@code GDX-1106}), not in the range {@code PDY00001}–{@code PDY99999} reserved for internal use
 * ({@code GDX-1110}). Because letters take values up to 35, a letter substituted by a character whose value
 * differs by a multiple of 11 (e.g. {@code 0} ↔ {@code B}) is not detected by the MOD 11 check itself.
 *
 * <p>Immutable and thread-safe; equal when the 9-character codes are equal.
 */
public final class OrganizationCode {

  private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  private final String code;

  private OrganizationCode(String code) {
    this.code = code;
  }

  /**
   * Checks a code ({@code D2143569-X} or {@code D2143569X}). Never throws on bad input.
   *
   * @param value the code
   * @return the result
   * @throws NullPointerException if {@code value} is null
   */
  public static CheckResult check(String value) {
    Objects.requireNonNull(value, "value == null");
    Object r = analyse(value);
    return r instanceof CheckResult ? (CheckResult) r : CheckResult.valid();
  }

  /**
   * Parses a code ({@code D2143569-X} or {@code D2143569X}).
   *
   * @param value the code
   * @return the view
   * @throws GovdxException with the failed rule's {@code GDX-11xx} code
   * @throws NullPointerException if {@code value} is null
   */
  public static OrganizationCode parse(String value) {
    Objects.requireNonNull(value, "value == null");
    Object r = analyse(value);
    if (r instanceof CheckResult) {
      ((CheckResult) r).orThrow();
    }
    return (OrganizationCode) r;
  }

  private static Object analyse(String v) {
    if (v.isBlank()) {
      return CheckResult.invalid(CoreErrorCode.IDENT_EMPTY, "empty", "the value is empty");
    }
    String c = v;
    if (v.length() == 10 && v.charAt(8) == '-') {
      c = v.substring(0, 8) + v.charAt(9);
    }
    if (c.length() != 9) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_LENGTH,
          "length",
          "an organisation code has 9 characters (10 with the hyphen), found " + v.length());
    }
    CheckResult problem = problemAt(c, 0);
    return problem != null ? problem : new OrganizationCode(c);
  }

  /**
   * The rules after the length, applied to the nine characters of {@code s} at {@code from} (no hyphen):
   * also used for the code embedded in a unified social credit code, without cutting it out.
   *
   * @param s the text
   * @param from where the nine characters start
   * @return the first rule failed, or {@code null} if the code is valid
   */
  static @Nullable CheckResult problemAt(String s, int from) {
    for (int i = 0; i < 8; i++) {
      if (value(s.charAt(from + i)) < 0) {
        return CheckResult.invalid(
            CoreErrorCode.IDENT_CHARSET,
            "charset",
            "body position " + (i + 1) + " must be a digit or an upper-case letter");
      }
    }
    char last = s.charAt(from + 8);
    if (!((last >= '0' && last <= '9') || last == 'X')) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_CHARSET,
          "charset",
          "the check character must be a digit or upper-case X");
    }
    if (last != checkCharacter(s, from)) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_CHECK_DIGIT,
          "check-digit",
          "the check character does not match GB 11714 MOD 11");
    }
    if (s.startsWith("PDY", from)
        && !s.startsWith("00000", from + 3)
        && digits(s, from + 3, from + 8)) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_RESERVED_RANGE,
          "reserved-range",
          "PDY00001-PDY99999 is reserved for internal use and not valid for exchange");
    }
    return null;
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int value(char ch) {
    if (ch >= '0' && ch <= '9') {
      return ch - '0';
    }
    if (ch >= 'A' && ch <= 'Z') {
      return ch - 'A' + 10;
    }
    return -1;
  }

  /**
   * Computes the check character of the first 8 characters (digits or upper-case letters).
   *
   * @param body at least 8 characters
   * @return {@code 0-9} or {@code X}
   */
  static char checkCharacter(CharSequence body) {
    return checkCharacter(body, 0);
  }

  /** The check character of the eight characters of {@code body} at {@code from}. */
  private static char checkCharacter(CharSequence body, int from) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += value(body.charAt(from + i)) * WEIGHTS[i];
    }
    int c = 11 - sum % 11;
    return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
  }

  /**
   * The code without hyphen, 9 characters.
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * The display form {@code XXXXXXXX-X}.
   *
   * @return the code with hyphen
   */
  public String displayForm() {
    return code.substring(0, 8) + "-" + code.charAt(8);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return this == o || (o instanceof OrganizationCode && code.equals(((OrganizationCode) o).code));
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  /** Returns the display form (an organisation code is not personal data). */
  @Override
  public String toString() {
    return displayForm();
  }
}
