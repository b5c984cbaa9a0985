package io.github.govdx.core.ident;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.codes.CodeEntry;
import io.github.govdx.core.mask.MaskingPolicy;
import io.github.govdx.core.mask.PiiKind;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A citizen ID number (公民身份号码) per GB 11643-1999: 6-digit address code (GB/T 2260), 8-digit birth date
 * (YYYYMMDD), 3-digit sequence code (odd = male, even = female) and an ISO 7064 MOD 11-2 check character
 * ({@code 0-9} or {@code X}), clause 4 and Annex A. Legacy 15-digit numbers (6 address, 6 birth date
 * {@code YYMMDD} in the 1900s, 3 sequence, no check character) are recognised and converted with
 * {@link #toEighteen()}.
 *
 * <p>Rules, in order, each with its code: not empty ({@code GDX-1114}), length 18 or 15 ({@code GDX-1101}),
 * characters: digits, {@code X} only as the 18th ({@code GDX-1102}), province (the first two digits) known to
 * GB/T 2260 ({@code GDX-1105}), birth date a real date not before 1800-01-01 ({@code GDX-1103}) and not after
 * today in China ({@code GDX-1104}), check character ({@code GDX-1106}). A full address code that was later
 * withdrawn from GB/T 2260 is <em>not</em> an error: numbers are issued for life.
 *
 * <pre>{@code
 * CitizenIdNumber id = CitizenIdNumber.parse("11010519491231002X");
 * id.sex();        // FEMALE
 * id.birthDate();  // 1949-12-31
 * }</pre>
 *
 * <p>Immutable and thread-safe; equal when the numbers are equal. {@link #toString()} is masked.
 */
public final class CitizenIdNumber {

  /** The sex encoded by the sequence code (GB 11643-1999 clause 4.3): odd male, even female. */
  public enum Sex {
    /** Odd sequence code; GB/T 2261.1 code {@code 1}. */
    MALE("1"),
    /** Even sequence code; GB/T 2261.1 code {@code 2}. */
    FEMALE("2");

    private final String code;

    Sex(String code) {
      this.code = code;
    }

    /**
     * The GB/T 2261.1-2003 code of this sex.
     *
     * @return {@code "1"} or {@code "2"}
     */
    public String gbt2261Code() {
      return code;
    }
  }

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);

  private final String value;
  private final LocalDate birthDate;

  private CitizenIdNumber(String value, LocalDate birthDate) {
    this.value = value;
    this.birthDate = birthDate;
  }

  /**
   * Checks a number against today's date in China. Never throws on bad input.
   *
   * @param value the number, 18 or 15 characters
   * @return the result
   * @throws NullPointerException if {@code value} is null
   */
  public static CheckResult check(String value) {
    return check(value, Clock.systemUTC());
  }

  /**
   * Checks a number; "future" birth dates are judged by {@code clock} in China's time zone. Never throws on
   * bad input.
   *
   * @param value the number, 18 or 15 characters
   * @param clock the clock giving today
   * @return the result
   * @throws NullPointerException if an argument is null
   */
  public static CheckResult check(String value, Clock clock) {
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(clock, "clock == null");
    Object r = analyse(value, clock);
    return r instanceof CheckResult ? (CheckResult) r : CheckResult.valid();
  }

  /**
   * Parses a number, checked against today's date in China.
   *
   * @param value the number, 18 or 15 characters
   * @return the view
   * @throws GovdxException with the failed rule's {@code GDX-11xx} code
   * @throws NullPointerException if {@code value} is null
   */
  public static CitizenIdNumber parse(String value) {
    return parse(value, Clock.systemUTC());
  }

  /**
   * Parses a number, judging "future" birth dates by {@code clock}.
   *
   * @param value the number, 18 or 15 characters
   * @param clock the clock giving today
   * @return the view
   * @throws GovdxException with the failed rule's {@code GDX-11xx} code
   * @throws NullPointerException if an argument is null
   */
  public static CitizenIdNumber parse(String value, Clock clock) {
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(clock, "clock == null");
    Object r = analyse(value, clock);
    if (r instanceof CheckResult) {
      ((CheckResult) r).orThrow();
    }
    return (CitizenIdNumber) r;
  }

  /** Returns a failed CheckResult or the parsed number. */
  private static Object analyse(String v, Clock clock) {
    if (v.isBlank()) {
      return CheckResult.invalid(CoreErrorCode.IDENT_EMPTY, "empty", "the value is empty");
    }
    int len = v.length();
    if (len != 18 && len != 15) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_LENGTH,
          "length",
          "a citizen ID number has 18 characters (legacy: 15), found " + len);
    }
    for (int i = 0; i < len; i++) {
      char c = v.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c == 'X' && i == 17);
      if (!ok) {
        return CheckResult.invalid(
            CoreErrorCode.IDENT_CHARSET,
            "charset",
            "position "
                + (i + 1)
                + (i == 17 ? " must be a digit or upper-case X" : " must be a digit"));
      }
    }
    if (!Regions.knownProvince(v.charAt(0), v.charAt(1))) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_PROVINCE_UNKNOWN,
          "province",
          "the first two digits of the address code name no GB/T 2260 province");
    }
    LocalDate birth = birthDate(v);
    if (birth == null || birth.isBefore(EARLIEST)) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_BIRTH_DATE_INVALID,
          "birth-date",
          "the birth date is not a real calendar date on or after 1800-01-01");
    }
    if (dateKey(birth) > todayInChina(clock)) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_BIRTH_DATE_FUTURE,
          "birth-date-future",
          "the birth date lies in the future");
    }
    if (len == 18 && v.charAt(17) != checkCharacter(v)) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_CHECK_DIGIT,
          "check-digit",
          "the 18th character does not match the ISO 7064 MOD 11-2 check character");
    }
    return new CitizenIdNumber(v, birth);
  }

  /** The birth date of an 18- or 15-character number whose characters are already known to be digits. */
  private static @Nullable LocalDate birthDate(String v) {
    int year;
    int at;
    if (v.length() == 18) {
      year = digits(v, 6, 4);
      at = 10;
    } else {
      year = 1900 + digits(v, 6, 2);
      at = 8;
    }
    int month = digits(v, at, 2);
    int day = digits(v, at + 2, 2);
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String v, int from, int count) {
    int n = 0;
    for (int i = from; i < from + count; i++) {
      n = n * 10 + (v.charAt(i) - '0');
    }
    return n;
  }

  private static int dateKey(LocalDate d) {
    return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
  }

  /**
   * Today's date in China as {@code yyyymmdd}. The day's bounds are cached so that a check costs one
   * {@link Clock#millis()} call instead of a time-zone conversion; any clock (fixed ones in tests too) is
   * honoured because a reading outside the cached day recomputes it.
   */
  private static int todayInChina(Clock clock) {
    long now = clock.millis();
    Today t = today;
    if (t == null || now < t.fromMillis || now >= t.toMillis) {
      LocalDate d = LocalDate.ofInstant(Instant.ofEpochMilli(now), CHINA);
      t =
          new Today(
              d.atStartOfDay(CHINA).toInstant().toEpochMilli(),
              d.plusDays(1).atStartOfDay(CHINA).toInstant().toEpochMilli(),
              dateKey(d));
      today = t;
    }
    return t.key;
  }

  /** One day in China: {@code [fromMillis, toMillis)} and its {@code yyyymmdd} key. Immutable. */
  private static final class Today {
    final long fromMillis;
    final long toMillis;
    final int key;

    Today(long fromMillis, long toMillis, int key) {
      this.fromMillis = fromMillis;
      this.toMillis = toMillis;
      this.key = key;
    }
  }

  private static volatile @Nullable Today today;

  /**
   * Computes the GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 digits.
   *
   * @param first17 at least 17 characters whose first 17 are digits
   * @return the check character, {@code 0-9} or {@code X}
   */
  static char checkCharacter(CharSequence first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /**
   * The number as given: 18 characters, or 15 for a legacy number.
   *
   * @return the number (personal data: mask before logging)
   */
  public String value() {
    return value;
  }

  /**
   * Whether this is a legacy 15-digit number.
   *
   * @return {@code true} for 15 digits
   */
  public boolean isLegacy() {
    return value.length() == 15;
  }

  /**
   * The 18-character form: this number if it has 18 characters, else the legacy number with the century
   * {@code 19} inserted before the birth year and the MOD 11-2 check character appended (GB 11643-1999 clause
   * 5 / Annex A).
   *
   * @return the 18-character number
   */
  public CitizenIdNumber toEighteen() {
    if (!isLegacy()) {
      return this;
    }
    String body = value.substring(0, 6) + "19" + value.substring(6);
    return new CitizenIdNumber(body + checkCharacter(body), birthDate);
  }

  /**
   * The address code (GB/T 2260 county code at the time of issue).
   *
   * @return the 6-digit address code
   */
  public String addressCode() {
    return value.substring(0, 6);
  }

  /**
   * The birth date.
   *
   * @return the birth date
   */
  public LocalDate birthDate() {
    return birthDate;
  }

  /**
   * The sex from the sequence code's parity.
   *
   * @return the sex
   */
  public Sex sex() {
    int digit = value.charAt(isLegacy() ? 14 : 16) - '0';
    return digit % 2 == 1 ? Sex.MALE : Sex.FEMALE;
  }

  /**
   * The region of the address code, from the newest built-in GB/T 2260 edition that has it.
   *
   * @return the region, empty if the code is not (or no longer) in a built-in edition
   */
  public Optional<CodeEntry> region() {
    return Regions.lookup(addressCode());
  }

  /**
   * The province of the address code.
   *
   * @return the province entry, empty if not in a built-in GB/T 2260 edition
   */
  public Optional<CodeEntry> province() {
    return Regions.lookup(value.substring(0, 2) + "0000");
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return this == o || (o instanceof CitizenIdNumber && value.equals(((CitizenIdNumber) o).value));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns the number masked with {@link MaskingPolicy#defaultPolicy()}. */
  @Override
  public String toString() {
    return "CitizenIdNumber{" + MaskingPolicy.defaultPolicy().mask(PiiKind.ID_NUMBER, value) + "}";
  }
}
