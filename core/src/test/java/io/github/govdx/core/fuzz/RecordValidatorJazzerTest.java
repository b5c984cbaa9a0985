package io.github.govdx.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.govdx.core.element.DataType;
import io.github.govdx.core.validate.FieldSpec;
import io.github.govdx.core.validate.RecordValidator;
import io.github.govdx.core.validate.ResourceSchema;
import io.github.govdx.core.validate.ValidationMode;
import io.github.govdx.core.validate.ValidationReport;
import io.github.govdx.core.validate.Violation;
import java.io.ByteArrayInputStream;

/**
 * Coverage-guided fuzzing of record validation: arbitrary bytes as one record, as an NDJSON stream and as a JSON
 * array, against a schema with nested objects, arrays, the real national code tables (GB/T 2261.1, GB/T 2260) and
 * identifier checks (GB 11643). A report is data: validation either returns one (whose violations carry
 * {@code GDX-14nn} codes) or refuses input that is not JSON or is over a limit ({@code GDX-1411}/{@code GDX-1412}).
 */
class RecordValidatorJazzerTest {

  private static final ResourceSchema PERSON =
      ResourceSchema.builder("人口基本信息")
          .id("110001/000001")
          .field(
              FieldSpec.value("gmsfhm", "公民身份号码", DataType.CHARACTER)
                  .format("c18")
                  .identifier("gb11643")
                  .required()
                  .build())
          .field(FieldSpec.value("xm", "姓名", DataType.CHARACTER).format("a..30").required().build())
          .field(
              FieldSpec.value("xb", "性别", DataType.CHARACTER)
                  .format("n1")
                  .codeTable("GB/T 2261.1")
                  .build())
          .field(FieldSpec.value("csrq", "出生日期", DataType.DATE).format("YYYYMMDD").build())
          .field(FieldSpec.value("je", "金额", DataType.NUMBER).format("n..16,2").build())
          .field(
              FieldSpec.object("dz", "地址")
                  .field(
                      FieldSpec.value("qh", "行政区划代码", DataType.CHARACTER)
                          .format("n6")
                          .codeTable("GB/T 2260")
                          .required()
                          .build())
                  .build())
          .field(
              FieldSpec.array(
                      "lxfs",
                      "联系方式",
                      FieldSpec.object("", "联系方式条目")
                          .field(
                              FieldSpec.value("dh", "联系电话", DataType.CHARACTER)
                                  .format("an..18")
                                  .build())
                          .build())
                  .size(0, 3)
                  .build())
          .build();

  private static final RecordValidator ALL = RecordValidator.builder(PERSON).build();
  private static final RecordValidator FIRST =
      RecordValidator.builder(PERSON).mode(ValidationMode.FAIL_FAST).build();

  @FuzzTest
  void validate(byte[] record) {
    FuzzContract.handledOrRefused(
        () -> {
          ValidationReport all = check(ALL.validate(record));
          ValidationReport first = check(FIRST.validate(record));
          if (all.isValid() != first.isValid()) {
            throw new AssertionError("fail-fast and collect-all disagree: " + all + " / " + first);
          }
        });
  }

  @FuzzTest
  void validateStreams(byte[] records) {
    FuzzContract.handledOrRefused(
        () -> check(ALL.validateNdjson(new ByteArrayInputStream(records))));
    FuzzContract.handledOrRefused(
        () -> check(ALL.validateArray(new ByteArrayInputStream(records))));
  }

  private static ValidationReport check(ValidationReport report) {
    for (Violation v : report.violations()) {
      if (!v.code().code().startsWith("GDX-14")) {
        throw new AssertionError("a violation without a validation code: " + v);
      }
      // the bilingual messages are part of the report's contract
      v.toString();
    }
    return report;
  }
}
