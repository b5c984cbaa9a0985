package io.github.govdx.core.ident;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.codes.CodeEntry;
import io.github.govdx.core.codes.CodeTable;
import io.github.govdx.core.codes.CodeTableRegistry;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A unified social credit code (统一社会信用代码) per GB 32100-2015 with Amendment No. 1 (2016): position 1
 * registration department (登记管理部门代码, Table 1), 2 organisation category (机构类别代码, Table 2), 3-8
 * registration authority's region (GB/T 2260), 9-17 the subject's organisation code (GB 11714, with its own
 * check character), 18 the check character (GB/T 17710 MOD 31).
 *
 * <p>Characters are digits and upper-case letters except I, O, Z, S and V (values 0-30). C18 = 31 − MOD(Σ C_i
 * × W_i, 31) with W_i = 3^(i−1) mod 31; 31 is written {@code 0}. Rules, in order: not empty
 * ({@code GDX-1114}), length 18 ({@code GDX-1101}), characters ({@code GDX-1102}), department code in table
 * {@code GB 32100-DEPT} ({@code GDX-1107}), category code defined for that department in
 * {@code GB 32100-CATEGORY} ({@code GDX-1108}), region six digits of a known GB/T 2260 province or the national
 * level {@code 100000} ({@code GDX-1113}), embedded organisation code ({@code GDX-1109}), check character
 * ({@code GDX-1106}).
 *
 * <pre>{@code
 * UnifiedSocialCreditCode c = UnifiedSocialCreditCode.parse("91350100M000100Y43");
 * c.category().nameZh();   // 企业
 * }</pre>
 *
 * <p>Immutable and thread-safe; equal when the codes are equal.
 */
public final class UnifiedSocialCreditCode {

  static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  private static final int[] VALUE = new int[128];

  static {
    java.util.Arrays.fill(VALUE, -1);
    for (int i = 0; i < CHARS.length(); i++) {
      VALUE[CHARS.charAt(i)] = i;
    }
  }

  private final String code;

  private UnifiedSocialCreditCode(String code) {
    this.code = code;
  }

  /** The two GB 32100 tables, read on first use of a name (never by a check). */
  private static final class Tables {
    static final CodeTable DEPT = CodeTableRegistry.defaultRegistry().require("GB 32100-DEPT");
    static final CodeTable CATEGORY =
        CodeTableRegistry.defaultRegistry().require("GB 32100-CATEGORY");
  }

  /**
   * The same two tables as lookup arrays (from {@link CompactCodes}): analyse runs per record in validation, and a
   * substring plus a hash per position costs more than the rest of the check (every character is already known to
   * be &lt; 128 here).
   */
  private static final class Lookup {
    static final boolean[] DEPT_OK = CompactCodes.departments();
    static final boolean[] CATEGORY_OK = CompactCodes.categories();
  }

  /**
   * Checks a code. Never throws on bad input.
   *
   * @param value the 18-character code
   * @return the result
   * @throws NullPointerException if {@code value} is null
   */
  public static CheckResult check(String value) {
    Objects.requireNonNull(value, "value == null");
    Object r = analyse(value);
    return r instanceof CheckResult ? (CheckResult) r : CheckResult.valid();
  }

  /**
   * Parses a code.
   *
   * @param value the 18-character code
   * @return the view
   * @throws GovdxException with the failed rule's {@code GDX-11xx} code
   * @throws NullPointerException if {@code value} is null
   */
  public static UnifiedSocialCreditCode parse(String value) {
    Objects.requireNonNull(value, "value == null");
    Object r = analyse(value);
    if (r instanceof CheckResult) {
      ((CheckResult) r).orThrow();
    }
    return (UnifiedSocialCreditCode) r;
  }

  private static Object analyse(String v) {
    if (v.isBlank()) {
      return CheckResult.invalid(CoreErrorCode.IDENT_EMPTY, "empty", "the value is empty");
    }
    if (v.length() != 18) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_LENGTH,
          "length",
          "a unified social credit code has 18 characters, found " + v.length());
    }
    for (int i = 0; i < 18; i++) {
      if (value(v.charAt(i)) < 0) {
        return CheckResult.invalid(
            CoreErrorCode.IDENT_CHARSET,
            "charset",
            "position "
                + (i + 1)
                + " must be a digit or an upper-case letter other than I, O, Z, S, V");
      }
    }
    if (!Lookup.DEPT_OK[v.charAt(0)]) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_DEPT_CODE,
          "dept-code",
          "position 1 is not a registration department code of GB 32100 Table 1");
    }
    if (!Lookup.CATEGORY_OK[v.charAt(0) * 128 + v.charAt(1)]) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_CATEGORY_CODE,
          "category-code",
          "position 2 is not an organisation category of registration department " + v.charAt(0));
    }
    if (!allDigits(v, 2, 8)
        || !(v.startsWith("100000", 2) || Regions.knownProvince(v.charAt(2), v.charAt(3)))) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_REGION_UNKNOWN,
          "region",
          "positions 3-8 are not a GB/T 2260 code of a known province nor 100000");
    }
    CheckResult org = OrganizationCode.problemAt(v, 8);
    if (org != null) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_EMBEDDED_ORG_CODE,
          "embedded-org-code",
          "positions 9-17 fail GB 11714 (" + org.rule() + ": " + org.reason() + ")");
    }
    if (v.charAt(17) != checkCharacter(v)) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_CHECK_DIGIT,
          "check-digit",
          "the 18th character does not match the GB 32100 MOD 31 check character");
    }
    return new UnifiedSocialCreditCode(v);
  }

  private static int value(char c) {
    return c < 128 ? VALUE[c] : -1;
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Computes the MOD 31 check character of the first 17 characters (all from the GB 32100 set).
   *
   * @param first17 at least 17 characters
   * @return the check character
   */
  static char checkCharacter(CharSequence first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += value(first17.charAt(i)) * WEIGHTS[i];
    }
    return CHARS.charAt((31 - sum % 31) % 31);
  }

  /**
   * The code, 18 characters.
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * The registration department (position 1) from table {@code GB 32100-DEPT}, e.g. 9 工商.
   *
   * @return the department entry
   */
  public CodeEntry registrationDepartment() {
    return Tables.DEPT.lookup(code.substring(0, 1)).orElseThrow();
  }

  /**
   * The organisation category (positions 1-2) from table {@code GB 32100-CATEGORY}, e.g. 91 企业.
   *
   * @return the category entry
   */
  public CodeEntry category() {
    return Tables.CATEGORY.lookup(code.substring(0, 2)).orElseThrow();
  }

  /**
   * The registration authority's region code (positions 3-8, GB/T 2260).
   *
   * @return the 6-digit region code
   */
  public String regionCode() {
    return code.substring(2, 8);
  }

  /**
   * The region from the newest built-in GB/T 2260 edition that has the code.
   *
   * @return the region, empty if not in a built-in edition (e.g. {@code 100000}, or a withdrawn code)
   */
  public Optional<CodeEntry> region() {
    return Regions.lookup(regionCode());
  }

  /**
   * The embedded organisation code (positions 9-17).
   *
   * @return the organisation code
   */
  public OrganizationCode organizationCode() {
    return OrganizationCode.parse(code.substring(8, 17));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return this == o
        || (o instanceof UnifiedSocialCreditCode
            && code.equals(((UnifiedSocialCreditCode) o).code));
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  /** Returns the code (an organisation's credit code is public registration data, not personal data). */
  @Override
  public String toString() {
    return code;
  }
}
