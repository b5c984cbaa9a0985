package io.github.govdx.core.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grammar and examples from GB/T 39046-2020 §5.3 Table 3 (STANDARDS.md §1.3). */
class RepresentationFormatTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "an18|an18|18|18",
        "AN..20|an..20|0|20",
        "an3..8|an3..8|3|8",
        "c18|c18|18|18",
        "a..30|a..30|0|30",
        "n6|n6|6|6",
        "..ul|..ul|0|-1",
        "an..ul|an..ul|0|-1",
        "n..17,2|n..17,2|0|17",
        "N..16,2|n..16,2|0|16",
        "an5(aannn)|an5(aannn)|5|5",
        "AN5(AANNN)|an5(aannn)|5|5"
      })
  void parse_standardExamples_canonicalAndLengths(String text, String canonical, int min, int max) {
    RepresentationFormat f = RepresentationFormat.parse(text);
    assertThat(f.text()).isEqualTo(canonical);
    assertThat(f.minLength()).isEqualTo(min);
    if (max < 0) {
      assertThat(f.maxLength()).isEmpty();
    } else {
      assertThat(f.maxLength()).hasValue(max);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "YYYYMMDD|YYYYMMDD|8",
        "yyyymmdd|YYYYMMDD|8",
        "YYYYMMDDhhmmss|YYYYMMDDhhmmss|14",
        "YYYYMMDDThhmmss|YYYYMMDDThhmmss|15",
        "yyyymmddthhmmss|YYYYMMDDThhmmss|15",
        "YYYY-MM-DD|YYYY-MM-DD|10",
        "YYYY-MM-DD hh:mm:ss|YYYY-MM-DD hh:mm:ss|19",
        "YYYYMM|YYYYMM|6",
        "hhmmss|hhmmss|6",
        "n8 YYYYMMDD|YYYYMMDD|8"
      })
  void parse_datePatterns_caseInsensitive(String text, String canonical, int width) {
    RepresentationFormat f = RepresentationFormat.parse(text);
    assertThat(f.isDateTime()).isTrue();
    assertThat(f.text()).isEqualTo(canonical);
    assertThat(f.maxLength()).hasValue(width);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|0",
        "x18|0",
        "an|2",
        "an..|4",
        "an..0|4",
        "an0|0",
        "an8..3|5",
        "an..18,2|6",
        "n..16,16|6",
        "n..ul,2|5",
        "an5(aanxn)|7",
        "an4(aannn)|3",
        "an..5(aannn)|5",
        "an5(aannn|9",
        "n18x|3",
        "YYYYMMDDT|9",
        "YYYYhh|4",
        "YYYYMMDDhhmmssX|14",
        "n9 YYYYMMDD|0",
        "an999999999999|2"
      })
  void parse_malformed_throwsWithPosition(String text, int position) {
    assertThatThrownBy(() -> RepresentationFormat.parse(text))
        .isInstanceOfSatisfying(
            RepresentationFormatException.class,
            e -> {
              assertThat(e.code()).isEqualTo("GDX-1201");
              assertThat(e.position()).isEqualTo(position);
              assertThat(e.format()).isEqualTo(text);
              assertThat(e.getMessage()).startsWith("GDX-1201: ").contains("position " + position);
            });
  }

  @Test
  void check_fixedLength_boundaries() {
    RepresentationFormat f = RepresentationFormat.parse("an18");
    assertThat(f.check("A".repeat(18))).isEmpty();
    assertThat(f.check("A".repeat(17)))
        .get()
        .extracting(FormatMismatch::kind)
        .isEqualTo(FormatMismatch.Kind.LENGTH);
    assertThat(f.check("A".repeat(19)))
        .get()
        .extracting(FormatMismatch::kind)
        .isEqualTo(FormatMismatch.Kind.LENGTH);
  }

  @Test
  void check_rangeLength_boundariesCountCodePoints() {
    RepresentationFormat f = RepresentationFormat.parse("an3..8");
    assertThat(f.check("ab")).isPresent();
    assertThat(f.check("abc")).isEmpty();
    assertThat(f.check("abcdefgh")).isEmpty();
    assertThat(f.check("abcdefghi")).isPresent();
    // 𠀀 (U+20000) is one character but two UTF-16 units.
    assertThat(RepresentationFormat.parse("a..2").check("𠀀𠀀")).isEmpty();
    assertThat(RepresentationFormat.parse("a..2").check("𠀀𠀀𠀀")).isPresent();
    assertThat(RepresentationFormat.parse("..ul").check("x".repeat(100_000))).isEmpty();
  }

  @Test
  void check_characterClasses() {
    assertThat(RepresentationFormat.parse("n6").check("110105")).isEmpty();
    assertThat(RepresentationFormat.parse("n6").check("11010A"))
        .get()
        .extracting(FormatMismatch::kind)
        .isEqualTo(FormatMismatch.Kind.CHARACTERS);
    assertThat(RepresentationFormat.parse("a..30").check("张三")).isEmpty();
    assertThat(RepresentationFormat.parse("a..30").check("买买提·艾力")).isEmpty();
    assertThat(RepresentationFormat.parse("a..30").check("张3")).isPresent();
    assertThat(RepresentationFormat.parse("a..30").check("张\u0001")).isPresent();
    assertThat(RepresentationFormat.parse("an..20").check("关于A1的咨询？")).isEmpty();
  }

  @Test
  void check_positionalPattern() {
    RepresentationFormat f = RepresentationFormat.parse("an5(aannn)");
    assertThat(f.check("AB123")).isEmpty();
    assertThat(f.check("A1123"))
        .get()
        .satisfies(m -> assertThat(m.messageEn()).contains("character 2"));
    assertThat(f.check("ABC12"))
        .get()
        .satisfies(m -> assertThat(m.messageEn()).contains("character 3"));
    assertThat(f.check("AB12"))
        .get()
        .extracting(FormatMismatch::kind)
        .isEqualTo(FormatMismatch.Kind.LENGTH);
  }

  @ParameterizedTest
  @CsvSource({
    "20240229,true", "20230229,false", "20000229,true", "19000229,false", "20231231,true",
        "20231301,false",
    "20230001,false", "20230100,false", "20230431,false", "20230430,true", "00000101,false",
        "2023022,false",
    "2023-02-28,false"
  })
  void check_calendarDates(String value, boolean valid) {
    assertThat(RepresentationFormat.parse("YYYYMMDD").check(value).isEmpty()).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({
    "hhmmss,235959,true",
    "hhmmss,246000,false",
    "hhmmss,240000,false",
    "hhmmss,236000,false",
    "hhmmss,235960,false",
    "hhmmss,000000,true",
    "YYYYMMDDhhmmss,20240229235959,true",
    "YYYYMMDDhhmmss,20230229120000,false",
    "YYYYMMDDThhmmss,20240229T120000,true",
    "YYYYMMDDThhmmss,20240229120000,false",
    "YYYYMMDDThhmmss,20240229t120000,false",
    "YYYY-MM-DD hh:mm:ss,2024-02-29 23:59:59,true",
    "YYYY-MM-DD hh:mm:ss,2024-02-29 24:00:00,false"
  })
  void check_times(String format, String value, boolean valid) {
    assertThat(RepresentationFormat.parse(format).check(value).isEmpty()).isEqualTo(valid);
  }

  @Test
  void checkCalendar_reportsDateKind_andSkipsWrongShape() {
    RepresentationFormat f = RepresentationFormat.parse("YYYYMMDD");
    assertThat(f.checkCalendar("20230229"))
        .get()
        .extracting(FormatMismatch::kind)
        .isEqualTo(FormatMismatch.Kind.DATE);
    assertThat(f.checkCalendar("2023022X")).isEmpty();
    assertThat(f.check("2023022X"))
        .get()
        .extracting(FormatMismatch::kind)
        .isEqualTo(FormatMismatch.Kind.CHARACTERS);
  }

  @Test
  void checkCalendar_rangeErrorCountsOnlyWhenTheWholeValueHasTheShape() {
    RepresentationFormat f = RepresentationFormat.parse("YYYYMMDDhhmmss");
    // month 13 comes before the non-digit: still a shape problem, not a calendar one
    assertThat(f.checkCalendar("2023130100000X")).isEmpty();
    assertThat(f.checkCalendar("20231301000000"))
        .get()
        .extracting(FormatMismatch::messageEn)
        .asString()
        .contains("month out of range");
    assertThat(f.checkCalendar("20240229235960"))
        .get()
        .extracting(FormatMismatch::messageEn)
        .asString()
        .contains("second out of range");
    assertThat(f.checkCalendar("2024022923595")).isEmpty();
    RepresentationFormat t = RepresentationFormat.parse("YYYY-MM-DDThh:mm:ss");
    assertThat(t.checkCalendar("2024-02-29T24:00:00"))
        .get()
        .extracting(FormatMismatch::messageZh)
        .asString()
        .contains("时");
    assertThat(t.checkCalendar("2024-02-29 23:00:00")).isEmpty();
    assertThat(t.checkCalendar("2024-02-29T23:00:00")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "12345678901234.56,true",
    "123456789012345.6,false",
    "1.234,false",
    "1.230,true",
    "-99.99,true",
    "0,true",
    "0.00,true",
    "99999999999999,true",
    "100000000000000,false"
  })
  void checkNumber_decimals(String value, boolean valid) {
    RepresentationFormat f = RepresentationFormat.parse("n..16,2");
    assertThat(f.checkNumber(new BigDecimal(value)).isEmpty()).isEqualTo(valid);
    assertThat(f.check(value).isEmpty()).isEqualTo(valid);
  }

  @Test
  void checkNumberDouble_agreesWithBigDecimal_onGeneratedValues() {
    java.util.Random random = new java.util.Random(42);
    String[] formats = {"n..16,2", "n..3", "n..10,4", "n..18,2", "n..20,10"};
    for (String fmt : formats) {
      RepresentationFormat f = RepresentationFormat.parse(fmt);
      for (int i = 0; i < 20_000; i++) {
        double d =
            switch (i % 4) {
              case 0 -> Math.round(random.nextGaussian() * 1e6) / 100.0;
              case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(18));
              case 2 -> Math.round(random.nextDouble() * 1e5) / 1e3;
              default -> random.nextInt(2000) - 1000;
            };
        assertThat(f.checkNumber(d).isPresent())
            .as(fmt + " " + d)
            .isEqualTo(f.checkNumber(BigDecimal.valueOf(d)).isPresent());
      }
    }
    assertThat(RepresentationFormat.parse("n..16,2").checkNumber(0.29)).isEmpty();
    assertThat(RepresentationFormat.parse("n..16,2").checkNumber(1.234)).isPresent();
    assertThat(RepresentationFormat.parse("n..16,2").checkNumber(Double.NaN)).isPresent();
  }

  @Test
  void checkNumber_integerFormat_rejectsDecimalsAndExtraDigits() {
    RepresentationFormat f = RepresentationFormat.parse("n..3");
    assertThat(f.checkNumber(new BigDecimal("999"))).isEmpty();
    assertThat(f.checkNumber(new BigDecimal("1000"))).isPresent();
    assertThat(f.checkNumber(new BigDecimal("1.5"))).isPresent();
    assertThat(f.checkNumber(new BigDecimal("2.0"))).isEmpty();
    assertThat(RepresentationFormat.parse("an..3").checkNumber(new BigDecimal("12345"))).isEmpty();
  }

  @Test
  void check_decimalText_rejectsNonNumbers() {
    RepresentationFormat f = RepresentationFormat.parse("n..16,2");
    for (String bad : new String[] {"", "-", "1.", ".5", "1e3", "1.2.3", "+1", "１２"}) {
      assertThat(f.check(bad))
          .as(bad)
          .get()
          .extracting(FormatMismatch::kind)
          .isEqualTo(FormatMismatch.Kind.CHARACTERS);
    }
  }

  @Test
  void shapeRegex_agreesWithCheck_onGeneratedValues() {
    String[] formats = {"n6", "a..30", "an5(aannn)", "YYYYMMDD", "YYYYMMDDThhmmss", "n..16,2"};
    String[] values = {
      "110105",
      "11010A",
      "张三",
      "张3",
      "AB123",
      "A1123",
      "20240229",
      "2024022",
      "20240229T120000",
      "20240229120000",
      "12.5",
      "1x",
      "-3"
    };
    for (String fmt : formats) {
      RepresentationFormat f = RepresentationFormat.parse(fmt);
      Pattern p = Pattern.compile(f.shapeRegex().orElseThrow());
      for (String v : values) {
        boolean shapeOk = p.matcher(v).find();
        if (f.check(v).map(m -> m.kind() == FormatMismatch.Kind.LENGTH).orElse(false)) {
          continue;
        }
        boolean charactersOk =
            f.check(v).map(m -> m.kind() != FormatMismatch.Kind.CHARACTERS).orElse(true);
        assertThat(shapeOk).as(fmt + " " + v).isEqualTo(charactersOk);
      }
    }
  }

  @Test
  void equality_byCanonicalText() {
    assertThat(RepresentationFormat.parse("AN..20"))
        .isEqualTo(RepresentationFormat.parse("an..20"))
        .hasSameHashCodeAs(RepresentationFormat.parse("an..20"));
    assertThat(RepresentationFormat.parse("an..20"))
        .isNotEqualTo(RepresentationFormat.parse("an..21"));
    assertThat(RepresentationFormat.parse("n..16,2").scale()).hasValue(2);
    assertThat(RepresentationFormat.parse("n..16").scale()).isEmpty();
  }
}
