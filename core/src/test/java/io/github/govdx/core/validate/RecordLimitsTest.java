package io.github.govdx.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordLimitsTest {

  private static final String VALID = "{\"gmsfhm\":\"11010519491231002X\",\"xm\":\"张三\"}";

  private final RecordValidator validator = Fixtures.validator(Fixtures.person());

  private static InputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertCode(Runnable r, String code) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(GovdxException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void deepNesting_10000_refusedWithoutStackOverflow() {
    String deep = "{\"dz\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    assertCode(() -> validator.validate(deep), "GDX-1411");
    assertCode(() -> validator.validate(deep.getBytes(StandardCharsets.UTF_8)), "GDX-1411");
    assertThatThrownBy(() -> validator.validate(deep)).hasMessageContaining("nesting depth");
  }

  @Test
  void hugeString_refusedBeyondLimit_andLongButAllowedStringIsJustALengthViolation() {
    String huge = "{\"xm\":\"" + "x".repeat(1_000_001) + "\"}";
    assertCode(() -> validator.validate(huge), "GDX-1411");
    ValidationReport r =
        validator.validate("{\"gmsfhm\":\"" + "1".repeat(900_000) + "\",\"xm\":\"张三\"}");
    assertThat(r.violations())
        .extracting(Violation::pointer, Violation::code)
        .containsExactly(tuple("/gmsfhm", CoreErrorCode.RECORD_LENGTH_OUT_OF_RANGE));
  }

  @Test
  void hugeNumber_refused() {
    assertCode(() -> validator.validate("{\"je\":" + "9".repeat(5_000) + "}"), "GDX-1411");
    // A short literal with a huge exponent costs no memory: it is just too many digits for n..16,2.
    assertThat(
            validator
                .validate("{\"gmsfhm\":\"11010519491231002X\",\"xm\":\"张三\",\"je\":1e999999999}")
                .violations())
        .extracting(Violation::code)
        .containsExactly(CoreErrorCode.RECORD_NUMBER_PRECISION);
  }

  @Test
  void documentSize_refusedBeforeParsing() {
    RecordValidator small =
        RecordValidator.builder(Fixtures.person())
            .codeTables(Fixtures.TABLES)
            .identifiers(Fixtures.IDS)
            .limits(ValidationLimits.defaults().withMaxDocumentBytes(100))
            .build();
    String big = "{\"xm\":\"" + "张".repeat(200) + "\"}";
    assertCode(() -> small.validate(big), "GDX-1411");
    assertCode(() -> small.validate(in(big)), "GDX-1411");
    assertThat(small.validate(VALID).isValid()).isTrue();
  }

  @Test
  void malformedInput_1412_withoutEchoingContent() {
    assertThatThrownBy(() -> validator.validate("{\"xm\":\"张三-secret\""))
        .isInstanceOfSatisfying(
            GovdxException.class,
            e -> {
              assertThat(e.code()).isEqualTo("GDX-1412");
              assertThat(e.getMessage()).doesNotContain("secret");
            });
    assertCode(() -> validator.validate("{\"xm\":\"a\",\"xm\":\"b\"}"), "GDX-1412");
    assertCode(() -> validator.validate(""), "GDX-1412");
    assertCode(() -> validator.validate("{} {}"), "GDX-1412");
  }

  @Test
  void ndjson_reportsByRecordIndex_andSurvivesBadLines() {
    String longLine = "{\"xm\":\"" + "x".repeat(2_000) + "\"}";
    String deep = "[".repeat(10_000);
    String ndjson =
        VALID
            + "\n"
            + "\n" // blank: skipped, not counted
            + "{\"gmsfhm\":\"11010519491231002X\",\"xm\":\"张3\"}\r\n" // 1: pattern
            + "{not json\n" // 2: malformed
            + longLine
            + "\n" // 3: over the line limit
            + deep
            + "\n" // 4: too deep
            + VALID; // 5: no trailing newline
    RecordValidator v =
        RecordValidator.builder(Fixtures.person())
            .codeTables(Fixtures.TABLES)
            .identifiers(Fixtures.IDS)
            .limits(ValidationLimits.defaults().withMaxRecordBytes(1_000))
            .build();
    List<Violation> sink = new ArrayList<>();
    ValidationReport r = v.validateNdjson(in(ndjson), sink::add);
    assertThat(r.recordsChecked()).isEqualTo(6);
    assertThat(r.invalidRecords()).isEqualTo(4);
    assertThat(r.violations())
        .extracting(Violation::recordIndex, Violation::pointer, Violation::code)
        .containsExactly(
            tuple(1L, "/xm", CoreErrorCode.RECORD_FORMAT_MISMATCH),
            tuple(2L, "", CoreErrorCode.RECORD_MALFORMED),
            tuple(3L, "", CoreErrorCode.RECORD_LIMIT_EXCEEDED),
            tuple(4L, "", CoreErrorCode.RECORD_LIMIT_EXCEEDED));
    assertThat(sink).isEqualTo(r.violations());
  }

  @Test
  void ndjson_reportIsCapped_andCountsDropped() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      sb.append("{\"xm\":\"1\"}\n"); // 2 violations each: gmsfhm missing, xm pattern
    }
    RecordValidator v =
        RecordValidator.builder(Fixtures.person())
            .codeTables(Fixtures.TABLES)
            .identifiers(Fixtures.IDS)
            .maxReportedViolations(10)
            .build();
    List<Violation> sink = new ArrayList<>();
    ValidationReport r = v.validateNdjson(in(sb.toString()), sink::add);
    assertThat(r.violations()).hasSize(10);
    assertThat(r.droppedViolations()).isEqualTo(990);
    assertThat(r.recordsChecked()).isEqualTo(500);
    assertThat(r.invalidRecords()).isEqualTo(500);
    assertThat(sink).hasSize(1000);
    assertThat(r.violations().get(9).recordIndex()).isEqualTo(4);
    assertThat(r.isValid()).isFalse();
  }

  @Test
  void array_validatedElementByElement_withIndices() {
    ValidationReport r =
        validator.validateArray(in("[" + VALID + ",{\"xm\":\"张三\"}," + VALID + "]"));
    assertThat(r.recordsChecked()).isEqualTo(3);
    assertThat(r.violations())
        .extracting(Violation::recordIndex, Violation::pointer, Violation::code)
        .containsExactly(tuple(1L, "/gmsfhm", CoreErrorCode.RECORD_REQUIRED_MISSING));
    assertThat(validator.validateArray(in("[]")).recordsChecked()).isZero();
    assertCode(() -> validator.validateArray(in(VALID)), "GDX-1412");
    assertCode(() -> validator.validateArray(in("[" + VALID + "] x")), "GDX-1412");
    assertCode(() -> validator.validateArray(in("[" + "[".repeat(10_000))), "GDX-1411");
    assertCode(() -> validator.validateArray(in("[" + VALID + ",")), "GDX-1412");
  }

  @Test
  void limits_rejectNonPositiveValues() {
    assertThatThrownBy(() -> ValidationLimits.defaults().withMaxNestingDepth(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ValidationLimits.defaults().maxNestingDepth()).isEqualTo(32);
  }
}
