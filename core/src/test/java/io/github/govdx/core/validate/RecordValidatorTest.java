package io.github.govdx.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.element.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordValidatorTest {

  private static final String VALID =
      "{\"gmsfhm\":\"11010519491231002X\",\"xm\":\"张三\",\"xb\":\"2\","
          + "\"csrq\":\"19491231\",\"je\":12.5,\"dz\":{\"qh\":\"110105\"},\"lxfs\":[{\"dh\":\"010-12345678\"}]}";

  private final RecordValidator validator = Fixtures.validator(Fixtures.person());

  @Test
  void validate_validRecord_isClean() {
    ValidationReport r = validator.validate(VALID);
    assertThat(r.violations()).isEmpty();
    assertThat(r.isValid()).isTrue();
    assertThat(r.recordsChecked()).isEqualTo(1);
    assertThat(r.invalidRecords()).isZero();
  }

  @Test
  void validate_everyKindOfViolation_exactPointersCodesAndNames() {
    String bad =
        "{\"gmsfhm\":\"110105194912300000\",\"xm\":\"张3\",\"xb\":\"5\",\"csrq\":\"20230229\","
            + "\"je\":12.345,\"dz\":{\"qh\":\"12345\"},\"lxfs\":[{\"dh\":\"1234567890123456789\"},{\"x\":1}],\"zz\":1}";
    ValidationReport r = validator.validate(bad);
    assertThat(r.violations())
        .extracting(Violation::pointer, Violation::itemName, Violation::code, Violation::rule)
        .containsExactlyInAnyOrder(
            tuple(
                "/gmsfhm",
                "公民身份号码",
                CoreErrorCode.RECORD_IDENTIFIER_INVALID,
                "x-govdx-identifier:gb11643/checkDigit"),
            tuple("/xm", "姓名", CoreErrorCode.RECORD_FORMAT_MISMATCH, "pattern"),
            tuple(
                "/xb",
                "性别",
                CoreErrorCode.RECORD_CODE_NOT_IN_TABLE,
                "x-govdx-codeTable:GB/T 2261.1"),
            tuple("/csrq", "出生日期", CoreErrorCode.RECORD_DATE_INVALID, "x-govdx-format:YYYYMMDD"),
            tuple("/je", "金额", CoreErrorCode.RECORD_NUMBER_PRECISION, "x-govdx-format:n..16,2"),
            tuple("/dz/qh", "行政区划代码", CoreErrorCode.RECORD_LENGTH_OUT_OF_RANGE, "minLength"),
            tuple("/lxfs/0/dh", "联系电话", CoreErrorCode.RECORD_LENGTH_OUT_OF_RANGE, "maxLength"),
            tuple("/lxfs/1/x", "", CoreErrorCode.RECORD_UNKNOWN_ITEM, "additionalProperties"),
            tuple("/zz", "", CoreErrorCode.RECORD_UNKNOWN_ITEM, "additionalProperties"));
    assertThat(r.invalidRecords()).isEqualTo(1);
    assertThat(r.violations())
        .allSatisfy(
            v -> {
              assertThat(v.messageEn()).isNotBlank();
              assertThat(v.messageZh()).isNotBlank().matches(".*\\p{IsHan}.*");
              assertThat(v.severity()).isEqualTo(Severity.ERROR);
              assertThat(v.recordIndex()).isZero();
              // No message repeats a value from the record (values may be personal data).
              assertThat(v.messageEn() + v.messageZh())
                  .doesNotContain("110105194912300000", "张3", "20230229", "1234567890123456789");
            });
    Violation date =
        r.violations().stream().filter(v -> v.pointer().equals("/csrq")).findFirst().orElseThrow();
    assertThat(date.messageZh()).contains("不是有效的日期");
  }

  @Test
  void validate_reportsStructuralViolationsFirst_thenGovdxChecksInSchemaOrder() {
    String bad = "{\"gmsfhm\":\"110105194912300000\",\"xb\":\"5\",\"csrq\":\"20230229\",\"zz\":1}";
    assertThat(validator.validate(bad).violations())
        .extracting(Violation::pointer, Violation::code)
        .containsExactly(
            tuple("/xm", CoreErrorCode.RECORD_REQUIRED_MISSING),
            tuple("/zz", CoreErrorCode.RECORD_UNKNOWN_ITEM),
            tuple("/gmsfhm", CoreErrorCode.RECORD_IDENTIFIER_INVALID),
            tuple("/xb", CoreErrorCode.RECORD_CODE_NOT_IN_TABLE),
            tuple("/csrq", CoreErrorCode.RECORD_DATE_INVALID));
  }

  @Test
  void failFast_structuralViolationWinsOverGovdxChecks_andGovdxStopsAtItsFirst() {
    RecordValidator ff =
        RecordValidator.builder(Fixtures.person())
            .codeTables(Fixtures.TABLES)
            .identifiers(Fixtures.IDS)
            .mode(ValidationMode.FAIL_FAST)
            .build();
    assertThat(ff.validate("{\"gmsfhm\":\"110105194912300000\",\"xb\":\"5\"}").violations())
        .extracting(Violation::pointer)
        .containsExactly("/xm");
    assertThat(
            ff.validate("{\"gmsfhm\":\"110105194912300000\",\"xm\":\"张三\",\"xb\":\"5\"}")
                .violations())
        .extracting(Violation::pointer)
        .containsExactly("/gmsfhm");
  }

  @Test
  void validate_requiredMissing_pointsWhereTheItemShouldBe() {
    ValidationReport r = validator.validate("{\"dz\":{}}");
    assertThat(r.violations())
        .extracting(Violation::pointer, Violation::itemName, Violation::code)
        .containsExactlyInAnyOrder(
            tuple("/gmsfhm", "公民身份号码", CoreErrorCode.RECORD_REQUIRED_MISSING),
            tuple("/xm", "姓名", CoreErrorCode.RECORD_REQUIRED_MISSING),
            tuple("/dz/qh", "行政区划代码", CoreErrorCode.RECORD_REQUIRED_MISSING));
    assertThat(r.violations().get(0).messageZh()).startsWith("缺少必填项");
  }

  @Test
  void validate_wrongTypes_1402() {
    ValidationReport r =
        validator.validate(
            "{\"gmsfhm\":110105194912310020,\"xm\":\"张三\",\"je\":\"12\","
                + "\"dz\":[],\"lxfs\":{}}");
    assertThat(r.violations())
        .extracting(Violation::pointer, Violation::code)
        .containsExactlyInAnyOrder(
            tuple("/gmsfhm", CoreErrorCode.RECORD_TYPE_MISMATCH),
            tuple("/je", CoreErrorCode.RECORD_TYPE_MISMATCH),
            tuple("/dz", CoreErrorCode.RECORD_TYPE_MISMATCH),
            tuple("/lxfs", CoreErrorCode.RECORD_TYPE_MISMATCH));
    assertThat(r.violations())
        .filteredOn(v -> v.pointer().equals("/je"))
        .first()
        .satisfies(v -> assertThat(v.messageEn()).isEqualTo("must be a JSON number"));
  }

  @Test
  void validate_arrayTooLong_1410() {
    String four = "[{},{},{},{}]";
    ValidationReport r = validator.validate(VALID.replace("[{\"dh\":\"010-12345678\"}]", four));
    assertThat(r.violations())
        .extracting(Violation::pointer, Violation::code, Violation::rule)
        .containsExactly(tuple("/lxfs", CoreErrorCode.RECORD_CONSTRAINT_VIOLATED, "maxItems"));
    assertThat(r.violations().get(0).messageEn()).isEqualTo("must have at most 3 elements");
  }

  @ParameterizedTest
  @CsvSource({"2020-12,320583,true", "2023,320583,false", "2023,110105,true", "'',320583,true"})
  void codeTable_membershipPerEdition(String edition, String code, boolean valid) {
    ResourceSchema s =
        ResourceSchema.builder("区划")
            .field(
                FieldSpec.value("qh", "行政区划代码", DataType.CHARACTER)
                    .format("n6")
                    .codeTable("GB/T 2260", edition)
                    .build())
            .build();
    ValidationReport r = Fixtures.validator(s).validate("{\"qh\":\"" + code + "\"}");
    assertThat(r.isValid()).isEqualTo(valid);
    if (!valid) {
      assertThat(r.violations())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.code()).isEqualTo(CoreErrorCode.RECORD_CODE_NOT_IN_TABLE);
                assertThat(v.rule()).isEqualTo("x-govdx-codeTable:GB/T 2260@" + edition);
                assertThat(v.messageEn()).contains("GB/T 2260 (" + edition + ")");
              });
    }
  }

  @Test
  void build_unknownTableOrIdentifier_1413() {
    ResourceSchema table =
        ResourceSchema.builder("x")
            .field(FieldSpec.value("a", "甲", DataType.CHARACTER).codeTable("GB/T 9999").build())
            .build();
    assertThatThrownBy(() -> Fixtures.validator(table))
        .isInstanceOfSatisfying(
            GovdxException.class,
            e -> {
              assertThat(e.code()).isEqualTo("GDX-1413");
              assertThat(e.getMessage()).contains("GB/T 9999");
            });
    ResourceSchema edition =
        ResourceSchema.builder("x")
            .field(
                FieldSpec.value("a", "甲", DataType.CHARACTER)
                    .codeTable("GB/T 2260", "1999")
                    .build())
            .build();
    assertThatThrownBy(() -> Fixtures.validator(edition))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.getMessage()).contains("edition '1999'"));
    ResourceSchema id =
        ResourceSchema.builder("x")
            .field(FieldSpec.value("a", "甲", DataType.CHARACTER).identifier("nope").build())
            .build();
    assertThatThrownBy(
            () -> RecordValidator.builder(id).identifiers(k -> java.util.Optional.empty()).build())
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.code()).isEqualTo("GDX-1413"));
  }

  @Test
  void identifier_skippedWhenLengthAlreadyWrong_noDoubleReport() {
    ValidationReport r =
        validator.validate(VALID.replace("11010519491231002X", "1101051949123100000"));
    assertThat(r.violations())
        .extracting(Violation::code)
        .containsExactly(CoreErrorCode.RECORD_LENGTH_OUT_OF_RANGE);
  }

  @Test
  void failFast_stopsAtFirstViolation() {
    RecordValidator ff =
        RecordValidator.builder(Fixtures.person())
            .codeTables(Fixtures.TABLES)
            .identifiers(Fixtures.IDS)
            .mode(ValidationMode.FAIL_FAST)
            .build();
    ValidationReport r = ff.validate("{\"xm\":\"1\",\"xb\":\"x\",\"csrq\":\"20230229\"}");
    assertThat(r.violations()).hasSize(1);
    assertThat(r.invalidRecords()).isEqualTo(1);
    assertThat(
            validator
                .validate("{\"xm\":\"1\",\"xb\":\"x\",\"csrq\":\"20230229\"}")
                .violations()
                .size())
        .isGreaterThan(1);
  }

  @Test
  void nestedArraysOfObjectsOfArrays_exactPointers() {
    FieldSpec code =
        FieldSpec.value("", "证件类型", DataType.CHARACTER)
            .format("n1")
            .codeTable("GB/T 2261.1")
            .build();
    ResourceSchema s =
        ResourceSchema.builder("嵌套")
            .field(
                FieldSpec.array(
                        "jt",
                        "家庭成员",
                        FieldSpec.object("", "成员")
                            .field(FieldSpec.array("zj", "证件", code).build())
                            .field(FieldSpec.value("a/b~c", "特殊键", DataType.BOOLEAN).build())
                            .build())
                    .build())
            .build();
    ValidationReport r =
        Fixtures.validator(s)
            .validate("{\"jt\":[{\"zj\":[\"1\",\"2\"]},{\"zj\":[\"1\",\"7\"],\"a/b~c\":\"yes\"}]}");
    assertThat(r.violations())
        .extracting(Violation::pointer, Violation::itemName, Violation::code)
        .containsExactlyInAnyOrder(
            tuple("/jt/1/zj/1", "证件类型", CoreErrorCode.RECORD_CODE_NOT_IN_TABLE),
            tuple("/jt/1/a~1b~0c", "特殊键", CoreErrorCode.RECORD_TYPE_MISMATCH));
  }

  @Test
  void dateTimeAndPatternFormats_inRecords() {
    ResourceSchema s =
        ResourceSchema.builder("时间")
            .field(
                FieldSpec.value("t", "处理时间", DataType.DATETIME).format("YYYYMMDDThhmmss").build())
            .field(FieldSpec.value("h", "时刻", DataType.CHARACTER).format("hhmmss").build())
            .field(FieldSpec.value("p", "车牌样式", DataType.CHARACTER).format("an5(aannn)").build())
            .build();
    RecordValidator v = Fixtures.validator(s);
    assertThat(v.validate("{\"t\":\"20240229T235959\",\"h\":\"235959\",\"p\":\"AB123\"}").isValid())
        .isTrue();
    assertThat(
            v.validate("{\"t\":\"20240229235959\",\"h\":\"246000\",\"p\":\"A1123\"}").violations())
        .extracting(Violation::pointer, Violation::code)
        .containsExactlyInAnyOrder(
            tuple("/t", CoreErrorCode.RECORD_FORMAT_MISMATCH),
            tuple("/h", CoreErrorCode.RECORD_DATE_INVALID),
            tuple("/p", CoreErrorCode.RECORD_FORMAT_MISMATCH));
  }

  @Test
  void numbers_integerAndDecimalStrings() {
    ResourceSchema s =
        ResourceSchema.builder("数")
            .field(FieldSpec.value("d", "超期天数", DataType.NUMBER).format("n..3").build())
            .field(FieldSpec.value("je", "金额文本", DataType.CHARACTER).format("n..16,2").build())
            .build();
    RecordValidator v = Fixtures.validator(s);
    assertThat(v.validate("{\"d\":999,\"je\":\"-12.50\"}").isValid()).isTrue();
    assertThat(v.validate("{\"d\":1000,\"je\":\"1.234\"}").violations())
        .extracting(Violation::pointer, Violation::code)
        .containsExactlyInAnyOrder(
            tuple("/d", CoreErrorCode.RECORD_NUMBER_PRECISION),
            tuple("/je", CoreErrorCode.RECORD_NUMBER_PRECISION));
    assertThat(v.validate("{\"d\":1.5,\"je\":\"12x\"}").violations())
        .extracting(Violation::pointer, Violation::code)
        .containsExactlyInAnyOrder(
            tuple("/d", CoreErrorCode.RECORD_TYPE_MISMATCH),
            tuple("/je", CoreErrorCode.RECORD_FORMAT_MISMATCH));
  }

  @Test
  void jsonFormat_email_asserted() {
    ResourceSchema s =
        ResourceSchema.builder("邮箱")
            .field(
                FieldSpec.value("e", "电子邮箱", DataType.CHARACTER)
                    .format("an..100")
                    .jsonFormat("email")
                    .build())
            .build();
    RecordValidator v = Fixtures.validator(s);
    assertThat(v.validate("{\"e\":\"a@example.org\"}").isValid()).isTrue();
    assertThat(v.validate("{\"e\":\"not-an-address\"}").violations())
        .extracting(Violation::rule, Violation::code)
        .containsExactly(tuple("format", CoreErrorCode.RECORD_CONSTRAINT_VIOLATED));
    assertThat(v.validate("{\"e\":\"not-an-address\"}").violations().get(0).messageEn())
        .isEqualTo("is not a valid email value");
  }

  @Test
  void allowUnknownItems_acceptsExtraItems() {
    ResourceSchema open =
        ResourceSchema.builder("开放")
            .allowUnknownItems(true)
            .field(FieldSpec.value("a", "甲", DataType.BOOLEAN).build())
            .build();
    assertThat(Fixtures.validator(open).validate("{\"a\":true,\"b\":1}").isValid()).isTrue();
  }

  @Test
  void jsonSchema_exportIsStandard2020_12_andEnforcesStructureWithoutGovdxKeywords() {
    JsonNode schema = validator.jsonSchema();
    assertThat(schema.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.at("/properties/csrq/pattern").asText())
        .isEqualTo("^[0-9]{4}[0-9]{2}[0-9]{2}$");
    assertThat(schema.at("/properties/dz/properties/qh/x-govdx-codeTable/edition").asText())
        .isEqualTo("2020-12");
    assertThat(schema.at("/properties/gmsfhm/x-govdx-identifier").asText()).isEqualTo("gb11643");
    assertThat(schema.at("/required").toString()).isEqualTo("[\"gmsfhm\",\"xm\"]");
    assertThat(validator.jsonSchemaText()).contains("\"x-govdx-format\" : \"n..16,2\"");
    // Another stack that ignores x-govdx-* keywords: plain networknt on the exported text.
    com.networknt.schema.Schema plain =
        com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
            .getSchema(validator.jsonSchemaText(), com.networknt.schema.InputFormat.JSON);
    List<com.networknt.schema.Error> errors =
        plain.validate(
            "{\"gmsfhm\":\"1\",\"xm\":\"张三\",\"csrq\":\"2023022X\"}",
            com.networknt.schema.InputFormat.JSON);
    assertThat(errors)
        .extracting(com.networknt.schema.Error::getKeyword)
        .containsExactlyInAnyOrder("minLength", "pattern");
    // ...while calendar validity needs the govdx keyword.
    assertThat(
            plain.validate(
                "{\"gmsfhm\":\"11010519491231002X\",\"xm\":\"张三\",\"csrq\":\"20230229\"}",
                com.networknt.schema.InputFormat.JSON))
        .isEmpty();
  }

  @Test
  void validator_isReusableAcrossThreads() throws Exception {
    List<java.util.concurrent.Callable<Integer>> jobs = new java.util.ArrayList<>();
    for (int t = 0; t < 4; t++) {
      jobs.add(
          () -> {
            int bad = 0;
            for (int i = 0; i < 200; i++) {
              bad +=
                  validator
                      .validate(i % 2 == 0 ? VALID : VALID.replace("\"2\"", "\"7\""))
                      .violations()
                      .size();
            }
            return bad;
          });
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      for (java.util.concurrent.Future<Integer> f : pool.invokeAll(jobs)) {
        assertThat(f.get()).isEqualTo(100);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Found by fuzzing (RecordValidatorJazzerTest, corpus file crash-utf32-code-point-above-10ffff): leading zero
   * bytes make Jackson read UTF-32, and a "code point" above U+10FFFF then threw an UncheckedIOException instead of
   * the malformed-record code.
   */
  @Test
  void validate_bytesInUtf32WithCodePointAboveUnicode_isMalformedRecord() {
    byte[] utf32 = {0, 0, 0, '{', 0, 0x5a, 0x31, 0x5c};
    RecordValidator v = Fixtures.validator(Fixtures.person());

    assertThatThrownBy(() -> v.validate(utf32))
        .isInstanceOfSatisfying(
            GovdxException.class,
            e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.RECORD_MALFORMED))
        .hasMessage("GDX-1412: not well-formed JSON (invalid character encoding)");
    assertThatThrownBy(() -> v.validateArray(new java.io.ByteArrayInputStream(utf32)))
        .isInstanceOfSatisfying(
            GovdxException.class,
            e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.RECORD_MALFORMED));
    // NDJSON goes on after a bad line: the line is reported, the next one validated
    byte[] ndjson = new byte[utf32.length + 40];
    System.arraycopy(utf32, 0, ndjson, 0, utf32.length);
    byte[] next =
        "\n{\"gmsfhm\":\"11010519491231002X\",\"xm\":\"张三\"}\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ndjson = java.util.Arrays.copyOf(ndjson, utf32.length + next.length);
    System.arraycopy(next, 0, ndjson, utf32.length, next.length);
    ValidationReport r = v.validateNdjson(new java.io.ByteArrayInputStream(ndjson));
    assertThat(r.violations())
        .extracting(Violation::code)
        .containsExactly(CoreErrorCode.RECORD_MALFORMED);
  }

  /**
   * Found by fuzzing (RecordValidatorJazzerTest, corpus files crash-number-*): a JSON number whose exponent BigDecimal
   * cannot hold threw a NumberFormatException out of validate, validateArray and validateNdjson.
   */
  @Test
  void validate_numberWithExponentBeyondBigDecimal_isOverALimit() {
    RecordValidator v = Fixtures.validator(Fixtures.person());

    assertThatThrownBy(() -> v.validate("{\"je\":1e4002220400}"))
        .isInstanceOfSatisfying(
            GovdxException.class,
            e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.RECORD_LIMIT_EXCEEDED))
        .hasMessageContaining("exponent");
    assertThatThrownBy(
            () ->
                v.validateArray(
                    new java.io.ByteArrayInputStream(
                        "[{\"je\":51114E090511262004}]"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(
            GovdxException.class,
            e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.RECORD_LIMIT_EXCEEDED));
    ValidationReport r =
        v.validateNdjson(
            new java.io.ByteArrayInputStream(
                "{\"je\":1e4002220400}\n{\"gmsfhm\":\"11010519491231002X\",\"xm\":\"张三\"}\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(r.violations())
        .extracting(Violation::code)
        .containsExactly(CoreErrorCode.RECORD_LIMIT_EXCEEDED);
  }
}
