package io.github.govdx.core.element;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A parsed representation format (表示格式) of a data element, per GB/T 39046-2020 §5.3 Table 3 (the
 * GB/T 19488 / GB/T 18142 convention).
 *
 * <p>Grammar (case-insensitive, so {@code AN..20} equals {@code an..20}):
 * <pre>
 *   format   = text | datetime | "n" length SP datetime      ; "n8 YYYYMMDD" is accepted too
 *   text     = [class] [min] [".." (max | "ul")] ["," scale] ["(" pattern ")"]
 *   class    = "a" | "n" | "an" | "c"
 *   datetime = "YYYY" ["-"? "MM" ["-"? "DD"]] [("T" | " ")? "hh" [":"? "mm" [":"? "ss"]]] | "hh" ...
 * </pre>
 * Examples: {@code an18} (exactly 18), {@code an..18} (at most 18), {@code an3..8} (3 to 8), {@code ..ul}
 * (unlimited text), {@code n..16,2} (at most 16 digits, 2 of them decimals), {@code an5(aannn)} (5
 * characters: 2 letters, then 3 digits), {@code YYYYMMDD}, {@code YYYYMMDDhhmmss}, {@code YYYYMMDDThhmmss}.
 *
 * <p>Character classes, as govdx checks them: {@code n} = ASCII digits 0-9 (with decimals: an optional
 * leading {@code -} and one decimal point); {@code a} = alphabetic text, which the government standards
 * also use for Chinese text (姓名 {@code a..30}): any character except ASCII digits and control
 * characters; {@code an} and {@code c} = any text (GB/T 39046 uses {@code an} for titles and free text),
 * only the length is checked. Inside a pattern, {@code a} is one letter of any script and {@code n} one
 * digit. Lengths count Unicode code points, as JSON Schema {@code maxLength} does.
 *
 * <p>Immutable and thread-safe; equal when the canonical text is equal.
 */
public final class RepresentationFormat {

  /** The character class of a text format. */
  public enum CharClass {
    /** {@code a}: alphabetic text (no ASCII digits). */
    A,
    /** {@code n}: ASCII digits. */
    N,
    /** {@code an}: any text. */
    AN,
    /** {@code c}: any characters (GA/T 543). */
    C
  }

  private static final int MAX_LENGTH_VALUE = 100_000_000;

  private final String canonical;
  private final @Nullable CharClass charClass;
  private final int minLength;
  private final int maxLength; // -1 = unlimited
  private final int scale; // -1 = no decimal part defined
  private final @Nullable String pattern; // per-position "a"/"n"
  private final List<DateField> dateFields; // empty unless date/time
  private final DateField[] dateFieldArray; // the same, for the per-value loops

  /** One element of a date/time pattern: a field or a literal separator. */
  private enum DateField {
    YEAR(4),
    MONTH(2),
    DAY(2),
    HOUR(2),
    MINUTE(2),
    SECOND(2),
    LIT_T(1),
    LIT_SPACE(1),
    LIT_DASH(1),
    LIT_COLON(1);

    final int width;

    DateField(int width) {
      this.width = width;
    }

    boolean literal() {
      return ordinal() >= LIT_T.ordinal();
    }

    char literalChar() {
      switch (this) {
        case LIT_T:
          return 'T';
        case LIT_SPACE:
          return ' ';
        case LIT_DASH:
          return '-';
        default:
          return ':';
      }
    }
  }

  private RepresentationFormat(
      String canonical,
      @Nullable CharClass charClass,
      int minLength,
      int maxLength,
      int scale,
      @Nullable String pattern,
      List<DateField> dateFields) {
    this.canonical = canonical;
    this.charClass = charClass;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.scale = scale;
    this.pattern = pattern;
    this.dateFields = dateFields;
    this.dateFieldArray = dateFields.toArray(new DateField[0]);
  }

  /**
   * Parses a representation format.
   *
   * @param text the format, e.g. {@code "an..18"}, {@code "N..16,2"}, {@code "YYYYMMDD"}
   * @return the parsed format
   * @throws RepresentationFormatException {@code GDX-1201} with the position of the first problem
   * @throws NullPointerException if {@code text} is null
   */
  public static RepresentationFormat parse(String text) {
    Objects.requireNonNull(text, "text == null");
    String t = text.trim();
    if (t.isEmpty()) {
      throw new RepresentationFormatException(text, 0, "empty format");
    }
    int space = t.indexOf(' ');
    char first = Character.toLowerCase(t.charAt(0));
    if (first == 'y' || first == 'h') {
      return parseDateTime(text, t, 0);
    }
    if (space > 0 && space + 1 < t.length()) {
      char after = Character.toLowerCase(t.charAt(space + 1));
      if (after == 'y' || after == 'h') {
        // "n8 YYYYMMDD": the text part must be n with exactly the date's length.
        RepresentationFormat date = parseDateTime(text, t.substring(space + 1), space + 1);
        RepresentationFormat head = parseText(text, t.substring(0, space));
        if (head.charClass != CharClass.N
            || head.minLength != head.maxLength
            || head.maxLength != date.maxLength) {
          throw new RepresentationFormatException(
              text, 0, "text part must be n" + date.maxLength + " to match the date pattern");
        }
        return date;
      }
    }
    return parseText(text, t);
  }

  private static RepresentationFormat parseText(String original, String t) {
    TextCursor c = new TextCursor(original, t);
    CharClass cls = c.charClass();
    Integer min = c.number();
    boolean range = c.skip("..");
    boolean unlimited = range && c.skip("ul");
    Integer max = null;
    if (range && !unlimited) {
      max = c.number();
      if (max == null) {
        throw c.error("expected a maximum length or 'ul' after '..'");
      }
    }
    if (!range && min == null) {
      throw c.error("expected a length after the character class");
    }
    int scale = c.decimals(cls, unlimited);
    String pattern = c.pattern(range, min);
    c.end();
    int minLength = min == null ? 0 : min;
    int maxLength = !range ? minLength : unlimited ? -1 : max;
    checkLengths(original, c.lower, range, unlimited, minLength, maxLength, scale);
    StringBuilder canon = new StringBuilder();
    if (cls != null) {
      canon.append(cls.name().toLowerCase(Locale.ROOT));
    }
    if (!range) {
      canon.append(minLength);
    } else {
      if (minLength > 0) {
        canon.append(minLength);
      }
      canon.append("..").append(unlimited ? "ul" : String.valueOf(maxLength));
    }
    if (scale >= 0) {
      canon.append(',').append(scale);
    }
    if (pattern != null) {
      canon.append('(').append(pattern).append(')');
    }
    return new RepresentationFormat(
        canon.toString(), cls, minLength, maxLength, scale, pattern, List.of());
  }

  /** The lengths and decimals of a text format, each against the others. */
  private static void checkLengths(
      String original,
      String s,
      boolean range,
      boolean unlimited,
      int minLength,
      int maxLength,
      int scale) {
    if (!range && minLength == 0) {
      throw new RepresentationFormatException(original, 0, "fixed length must be at least 1");
    }
    if (range && !unlimited && maxLength == 0) {
      throw new RepresentationFormatException(
          original, s.indexOf("..") + 2, "maximum length must be at least 1");
    }
    if (range && !unlimited && minLength > maxLength) {
      throw new RepresentationFormatException(
          original,
          s.indexOf("..") + 2,
          "maximum length " + maxLength + " is below the minimum " + minLength);
    }
    if (scale >= 0 && scale >= maxLength) {
      throw new RepresentationFormatException(
          original,
          s.indexOf(',') + 1,
          "decimals " + scale + " must be fewer than the digits " + maxLength);
    }
  }

  /** Reads a text format ({@code an..20}, {@code n10,2}, {@code an6(aannnn)}) left to right. */
  private static final class TextCursor {
    final String original;
    final String text;
    final String lower;
    int i;

    TextCursor(String original, String text) {
      this.original = original;
      this.text = text;
      this.lower = text.toLowerCase(Locale.ROOT);
    }

    RepresentationFormatException error(String message) {
      return new RepresentationFormatException(original, i, message);
    }

    boolean skip(String token) {
      if (lower.startsWith(token, i)) {
        i += token.length();
        return true;
      }
      return false;
    }

    @Nullable Integer number() {
      int[] pos = {i};
      Integer n = readNumber(original, lower, pos);
      i = pos[0];
      return n;
    }

    /** The character class, or {@code null} for a bare {@code ..max}. */
    @Nullable CharClass charClass() {
      if (skip("an")) {
        return CharClass.AN;
      }
      if (skip("a")) {
        return CharClass.A;
      }
      if (skip("n")) {
        return CharClass.N;
      }
      if (skip("c")) {
        return CharClass.C;
      }
      if (!lower.startsWith("..")) {
        throw error("expected a character class (a, n, an, c), '..' or a date pattern");
      }
      return null;
    }

    /** {@code ,q}: the number of decimals, or -1 without. */
    int decimals(@Nullable CharClass cls, boolean unlimited) {
      if (i >= lower.length() || lower.charAt(i) != ',') {
        return -1;
      }
      if (cls != CharClass.N) {
        throw error("decimals (',q') are only allowed with class n");
      }
      if (unlimited) {
        throw error("decimals need a maximum length, not 'ul'");
      }
      i++;
      Integer q = number();
      if (q == null) {
        throw error("expected the number of decimals after ','");
      }
      return q;
    }

    /** {@code (aannnn)}: the positions' classes, or {@code null} without. */
    @Nullable String pattern(boolean range, @Nullable Integer min) {
      if (i >= lower.length() || lower.charAt(i) != '(') {
        return null;
      }
      int close = lower.indexOf(')', i);
      if (close < 0) {
        throw new RepresentationFormatException(
            original, lower.length(), "missing ')' closing the pattern");
      }
      String pattern = lower.substring(i + 1, close);
      for (int k = 0; k < pattern.length(); k++) {
        char c = pattern.charAt(k);
        if (c != 'a' && c != 'n') {
          throw new RepresentationFormatException(
              original, i + 1 + k, "pattern positions must be 'a' or 'n'");
        }
      }
      if (pattern.isEmpty()) {
        throw new RepresentationFormatException(original, i + 1, "empty pattern");
      }
      if (range || min == null || min != pattern.length()) {
        throw error(
            "a pattern needs a fixed length equal to its own length (" + pattern.length() + ")");
      }
      i = close + 1;
      return pattern;
    }

    void end() {
      if (i != lower.length()) {
        throw error("unexpected character '" + text.charAt(i) + "'");
      }
    }
  }

  private static @Nullable Integer readNumber(String original, String s, int[] pos) {
    int i = pos[0];
    int start = i;
    long v = 0;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      v = v * 10 + (s.charAt(i) - '0');
      if (v > MAX_LENGTH_VALUE) {
        throw new RepresentationFormatException(
            original, start, "length is larger than " + MAX_LENGTH_VALUE);
      }
      i++;
    }
    pos[0] = i;
    return i == start ? null : (int) v;
  }

  private static RepresentationFormat parseDateTime(String original, String t, int offset) {
    String s = t.toLowerCase(Locale.ROOT);
    List<DateField> fields = new ArrayList<>();
    int i = 0;
    boolean date = false;
    if (s.startsWith("yyyy")) {
      date = true;
      fields.add(DateField.YEAR);
      i = 4;
      int save = i;
      if (s.startsWith("-", i)) {
        i++;
      }
      if (s.startsWith("mm", i)) {
        if (i > save) {
          fields.add(DateField.LIT_DASH);
        }
        fields.add(DateField.MONTH);
        i += 2;
        int save2 = i;
        if (s.startsWith("-", i)) {
          i++;
        }
        if (s.startsWith("dd", i)) {
          if (i > save2) {
            fields.add(DateField.LIT_DASH);
          }
          fields.add(DateField.DAY);
          i += 2;
        } else {
          i = save2;
        }
      } else {
        i = save;
      }
    }
    boolean time = false;
    if (i < s.length()) {
      if (date && (s.charAt(i) == 't' || s.charAt(i) == ' ')) {
        if (!fields.contains(DateField.DAY)) {
          throw new RepresentationFormatException(
              original, offset + i, "a time needs a full date (YYYYMMDD) before it");
        }
        fields.add(s.charAt(i) == 't' ? DateField.LIT_T : DateField.LIT_SPACE);
        i++;
        if (!s.startsWith("hh", i)) {
          throw new RepresentationFormatException(
              original, offset + i, "expected 'hh' after the date/time separator");
        }
      }
      if (s.startsWith("hh", i)) {
        if (date && !fields.contains(DateField.DAY)) {
          throw new RepresentationFormatException(
              original, offset + i, "a time needs a full date (YYYYMMDD) before it");
        }
        time = true;
        fields.add(DateField.HOUR);
        i += 2;
        int save = i;
        if (s.startsWith(":", i)) {
          i++;
        }
        if (s.startsWith("mm", i)) {
          if (i > save) {
            fields.add(DateField.LIT_COLON);
          }
          fields.add(DateField.MINUTE);
          i += 2;
          int save2 = i;
          if (s.startsWith(":", i)) {
            i++;
          }
          if (s.startsWith("ss", i)) {
            if (i > save2) {
              fields.add(DateField.LIT_COLON);
            }
            fields.add(DateField.SECOND);
            i += 2;
          } else {
            i = save2;
          }
        } else {
          i = save;
        }
      }
    }
    if (!date && !time) {
      throw new RepresentationFormatException(original, offset, "expected 'YYYY' or 'hh'");
    }
    if (i != s.length()) {
      throw new RepresentationFormatException(
          original, offset + i, "unexpected '" + t.charAt(i) + "' in date pattern");
    }
    StringBuilder canon = new StringBuilder();
    int width = 0;
    for (DateField f : fields) {
      width += f.width;
      switch (f) {
        case YEAR:
          canon.append("YYYY");
          break;
        case MONTH:
          canon.append("MM");
          break;
        case DAY:
          canon.append("DD");
          break;
        case HOUR:
          canon.append("hh");
          break;
        case MINUTE:
          canon.append("mm");
          break;
        case SECOND:
          canon.append("ss");
          break;
        default:
          canon.append(f.literalChar());
      }
    }
    return new RepresentationFormat(
        canon.toString(), null, width, width, -1, null, Collections.unmodifiableList(fields));
  }

  /**
   * The canonical text of this format: lower-case class, e.g. {@code an..18}, {@code n..16,2},
   * {@code YYYYMMDDThhmmss}.
   *
   * @return the canonical text
   */
  public String text() {
    return canonical;
  }

  /**
   * Whether this is a date and/or time pattern such as {@code YYYYMMDD}.
   *
   * @return {@code true} for date/time patterns
   */
  public boolean isDateTime() {
    return !dateFields.isEmpty();
  }

  /**
   * Whether this date/time pattern includes a time of day ({@code hh}).
   *
   * @return {@code true} if the pattern has an hour field
   */
  public boolean hasTime() {
    return dateFields.contains(DateField.HOUR);
  }

  /**
   * Whether this is a decimal format {@code n..p,q}.
   *
   * @return {@code true} if a number of decimals is defined
   */
  public boolean isDecimal() {
    return scale >= 0;
  }

  /**
   * The character class, absent for date/time patterns and for a bare {@code ..ul}.
   *
   * @return the class, or empty
   */
  public Optional<CharClass> charClass() {
    return Optional.ofNullable(charClass);
  }

  /**
   * The minimum length in characters (0 when none is given).
   *
   * @return the minimum length
   */
  public int minLength() {
    return minLength;
  }

  /**
   * The maximum length in characters (for decimals: digits), empty for {@code ..ul}.
   *
   * @return the maximum length, or empty when unlimited
   */
  public OptionalInt maxLength() {
    return maxLength < 0 ? OptionalInt.empty() : OptionalInt.of(maxLength);
  }

  /**
   * The number of decimals {@code q} of {@code n..p,q}, empty when not a decimal format.
   *
   * @return the number of decimals, or empty
   */
  public OptionalInt scale() {
    return scale < 0 ? OptionalInt.empty() : OptionalInt.of(scale);
  }

  /**
   * The per-position pattern of {@code an5(aannn)}, lower case, e.g. {@code "aannn"}.
   *
   * @return the pattern, or empty
   */
  public Optional<String> pattern() {
    return Optional.ofNullable(pattern);
  }

  /**
   * A regular expression (valid in both ECMA-262 with the {@code u} flag and {@code java.util.regex})
   * for the shape of text values, as emitted into the JSON Schema {@code pattern} keyword: the character
   * class, the positional pattern or the date layout. Length is not part of it (see {@link #minLength()}).
   *
   * @return the regular expression, or empty when any characters are allowed ({@code an}, {@code c})
   */
  public Optional<String> shapeRegex() {
    if (isDateTime()) {
      StringBuilder sb = new StringBuilder("^");
      for (DateField f : dateFields) {
        if (f.literal()) {
          sb.append(
              f == DateField.LIT_T
                  ? "T"
                  : f == DateField.LIT_SPACE ? " " : String.valueOf(f.literalChar()));
        } else {
          sb.append("[0-9]{").append(f.width).append('}');
        }
      }
      return Optional.of(sb.append('$').toString());
    }
    if (pattern != null) {
      StringBuilder sb = new StringBuilder("^");
      int k = 0;
      while (k < pattern.length()) {
        char c = pattern.charAt(k);
        int run = 1;
        while (k + run < pattern.length() && pattern.charAt(k + run) == c) {
          run++;
        }
        sb.append(c == 'a' ? "\\p{L}" : "[0-9]");
        if (run > 1) {
          sb.append('{').append(run).append('}');
        }
        k += run;
      }
      return Optional.of(sb.append('$').toString());
    }
    if (charClass == CharClass.N) {
      return Optional.of(scale >= 0 ? "^-?[0-9]+(\\.[0-9]+)?$" : "^[0-9]*$");
    }
    if (charClass == CharClass.A) {
      return Optional.of("^[^0-9\\u0000-\\u001F\\u007F]*$");
    }
    return Optional.empty();
  }

  /**
   * Checks a text value against this format: characters, length, and for dates the calendar.
   *
   * @param value the value
   * @return the first mismatch found, or empty if the value matches
   * @throws NullPointerException if {@code value} is null
   */
  public Optional<FormatMismatch> check(String value) {
    Objects.requireNonNull(value, "value == null");
    if (isDateTime()) {
      Optional<FormatMismatch> shape = checkDateShape(value);
      return shape.isPresent() ? shape : checkCalendar(value);
    }
    if (scale >= 0) {
      if (!isDecimalText(value)) {
        return Optional.of(
            new FormatMismatch(
                FormatMismatch.Kind.CHARACTERS,
                "must be a decimal number (digits, optional '-' and '.') per format " + canonical,
                "须为十进制数字（格式 " + canonical + "）"));
      }
      return checkNumber(new BigDecimal(value));
    }
    int length = value.codePointCount(0, value.length());
    if (length < minLength || (maxLength >= 0 && length > maxLength)) {
      return Optional.of(lengthMismatch());
    }
    return checkCharacters(value);
  }

  /**
   * Checks a number against a numeric format: at most {@code p - q} integer digits and {@code q}
   * decimals for {@code n..p,q}; at most {@code p} digits and no decimals for {@code n..p} / {@code np}.
   * Trailing zeros after the decimal point are not counted.
   *
   * @param value the number
   * @return the mismatch, or empty if the number fits (always empty for non-{@code n} formats)
   * @throws NullPointerException if {@code value} is null
   */
  public Optional<FormatMismatch> checkNumber(BigDecimal value) {
    Objects.requireNonNull(value, "value == null");
    if (charClass != CharClass.N || isDateTime() || maxLength < 0) {
      return Optional.empty();
    }
    int q = Math.max(scale, 0);
    BigDecimal v = value.stripTrailingZeros();
    int decimals = Math.max(v.scale(), 0);
    int integerDigits = Math.max(v.precision() - v.scale(), 0);
    if (v.signum() == 0) {
      integerDigits = 0;
      decimals = 0;
    }
    if (decimals > q || integerDigits > maxLength - q) {
      return Optional.of(
          new FormatMismatch(
              FormatMismatch.Kind.PRECISION,
              "must have at most "
                  + (maxLength - q)
                  + " integer digits and "
                  + q
                  + " decimals (format "
                  + canonical
                  + ")",
              "整数部分至多 " + (maxLength - q) + " 位，小数至多 " + q + " 位（格式 " + canonical + "）"));
    }
    return Optional.empty();
  }

  /**
   * Checks a binary floating-point number as {@link #checkNumber(BigDecimal)} does for its shortest decimal
   * form ({@link Double#toString(double)}), without converting it to text when the format is small enough
   * for doubles to be exact (at most 15 integer digits and 8 decimals).
   *
   * @param value the number
   * @return the mismatch, or empty if the number fits
   */
  public Optional<FormatMismatch> checkNumber(double value) {
    if (charClass != CharClass.N || isDateTime() || maxLength < 0) {
      return Optional.empty();
    }
    int q = Math.max(scale, 0);
    if (Double.isFinite(value) && maxLength - q <= 15 && q <= 8) {
      double unit = POWERS[q];
      double scaled = value * unit;
      boolean decimalsFit = Math.rint(scaled) / unit == value;
      boolean integerFits = Math.abs(value) < POWERS[maxLength - q];
      if (decimalsFit && integerFits) {
        return Optional.empty();
      }
    }
    if (!Double.isFinite(value)) {
      return checkNumber(BigDecimal.TEN.pow(maxLength + 1));
    }
    return checkNumber(BigDecimal.valueOf(value));
  }

  private static final double[] POWERS = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  /**
   * Checks only the calendar validity of a value that already has this date pattern's shape: month
   * 01-12, a day that exists in that month and year (so 20230229 fails and 20240229 passes), hour 00-23,
   * minute and second 00-59. Returns empty for values of the wrong shape (the shape is the
   * {@link #shapeRegex()} rule's job) and for non-date formats.
   *
   * @param value the value
   * @return the mismatch, or empty
   * @throws NullPointerException if {@code value} is null
   */
  public Optional<FormatMismatch> checkCalendar(String value) {
    Objects.requireNonNull(value, "value == null");
    if (!isDateTime() || value.length() != maxLength) {
      return Optional.empty();
    }
    // one pass over the value: shape (digits and literals) and ranges together; a range error
    // counts only
    // if the whole value has the shape
    DateField bad = null;
    int year = -1;
    int month = -1;
    int i = 0;
    for (DateField f : dateFieldArray) {
      if (f.literal()) {
        if (value.charAt(i) != f.literalChar()) {
          return Optional.empty();
        }
        i += f.width;
        continue;
      }
      int v = 0;
      for (int k = 0; k < f.width; k++) {
        char c = value.charAt(i + k);
        if (c < '0' || c > '9') {
          return Optional.empty();
        }
        v = v * 10 + (c - '0');
      }
      i += f.width;
      if (bad != null) {
        continue;
      }
      boolean ok;
      switch (f) {
        case YEAR:
          year = v;
          ok = v >= 1;
          break;
        case MONTH:
          month = v;
          ok = v >= 1 && v <= 12;
          break;
        case DAY:
          ok = v >= 1 && month >= 1 && month <= 12 && v <= daysIn(year, month);
          break;
        case HOUR:
          ok = v <= 23;
          break;
        default:
          ok = v <= 59;
      }
      if (!ok) {
        bad = f;
      }
    }
    if (bad == null) {
      return Optional.empty();
    }
    boolean date = bad.ordinal() <= DateField.DAY.ordinal();
    return Optional.of(
        new FormatMismatch(
            FormatMismatch.Kind.DATE,
            "is not a valid "
                + (date ? "calendar date" : "time of day")
                + " ("
                + bad.name().toLowerCase(Locale.ROOT)
                + " out of range, format "
                + canonical
                + ")",
            (date ? "不是有效的日期" : "不是有效的时间") + "（" + fieldZh(bad) + "超出范围，格式 " + canonical + "）"));
  }

  private static String fieldZh(DateField f) {
    switch (f) {
      case YEAR:
        return "年";
      case MONTH:
        return "月";
      case DAY:
        return "日";
      case HOUR:
        return "时";
      case MINUTE:
        return "分";
      default:
        return "秒";
    }
  }

  private static int daysIn(int year, int month) {
    switch (month) {
      case 2:
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  private Optional<FormatMismatch> checkDateShape(String value) {
    boolean ok = value.length() == maxLength;
    int i = 0;
    for (int f = 0; ok && f < dateFields.size(); f++) {
      DateField field = dateFields.get(f);
      if (field.literal()) {
        ok = value.charAt(i) == field.literalChar();
      } else {
        for (int k = 0; ok && k < field.width; k++) {
          char c = value.charAt(i + k);
          ok = c >= '0' && c <= '9';
        }
      }
      i += field.width;
    }
    if (ok) {
      return Optional.empty();
    }
    return Optional.of(
        new FormatMismatch(
            FormatMismatch.Kind.CHARACTERS,
            "must have the layout " + canonical,
            "须符合格式 " + canonical));
  }

  private static boolean isDecimalText(String v) {
    int i = v.startsWith("-") ? 1 : 0;
    int digits = 0;
    boolean point = false;
    for (; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point && digits > 0 && i + 1 < v.length()) {
        point = true;
      } else {
        return false;
      }
    }
    return digits > 0;
  }

  private FormatMismatch lengthMismatch() {
    String range =
        maxLength < 0
            ? "at least " + minLength
            : minLength == maxLength ? "exactly " + maxLength : minLength + " to " + maxLength;
    String rangeZh =
        maxLength < 0
            ? "至少 " + minLength
            : minLength == maxLength ? maxLength + " " : minLength + " 至 " + maxLength + " ";
    return new FormatMismatch(
        FormatMismatch.Kind.LENGTH,
        "must be " + range + " characters long (format " + canonical + ")",
        "长度须为" + rangeZh + "个字符（格式 " + canonical + "）");
  }

  private Optional<FormatMismatch> checkCharacters(String value) {
    if (pattern != null) {
      int k = 0;
      for (int i = 0; i < value.length(); ) {
        int cp = value.codePointAt(i);
        boolean ok = pattern.charAt(k) == 'a' ? Character.isLetter(cp) : cp >= '0' && cp <= '9';
        if (!ok) {
          return Optional.of(
              new FormatMismatch(
                  FormatMismatch.Kind.CHARACTERS,
                  "character "
                      + (k + 1)
                      + " must be a "
                      + (pattern.charAt(k) == 'a' ? "letter" : "digit")
                      + " (format "
                      + canonical
                      + ")",
                  "第 "
                      + (k + 1)
                      + " 个字符须为"
                      + (pattern.charAt(k) == 'a' ? "字母" : "数字")
                      + "（格式 "
                      + canonical
                      + "）"));
        }
        i += Character.charCount(cp);
        k++;
      }
      return Optional.empty();
    }
    if (charClass == CharClass.N) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < '0' || c > '9') {
          return Optional.of(
              new FormatMismatch(
                  FormatMismatch.Kind.CHARACTERS,
                  "must contain digits only (format " + canonical + ")",
                  "只能包含数字（格式 " + canonical + "）"));
        }
      }
    } else if (charClass == CharClass.A) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if ((c >= '0' && c <= '9') || c < 0x20 || c == 0x7F) {
          return Optional.of(
              new FormatMismatch(
                  FormatMismatch.Kind.CHARACTERS,
                  "must not contain digits or control characters (format " + canonical + ")",
                  "不能包含数字或控制字符（格式 " + canonical + "）"));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RepresentationFormat
        && ((RepresentationFormat) o).canonical.equals(canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  /**
   * The canonical text, as {@link #text()}.
   *
   * @return the canonical text
   */
  @Override
  public String toString() {
    return canonical;
  }
}
