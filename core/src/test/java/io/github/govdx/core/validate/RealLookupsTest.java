package io.github.govdx.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.codes.CodeEntry;
import io.github.govdx.core.codes.CodeTable;
import io.github.govdx.core.codes.CodeTableRegistry;
import io.github.govdx.core.element.DataElementCatalogue;
import io.github.govdx.core.element.DataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default lookups against govdx's real code tables and identifier checks. */
class RealLookupsTest {

  private static RecordValidator one(FieldSpec f) {
    return RecordValidator.builder(ResourceSchema.builder("t").field(f).build()).build();
  }

  @ParameterizedTest
  @CsvSource({
    // GB 11643-1999 Annex examples: 11010519491231002X (female, 朝阳区), 440524188001010014 (male)
    "gb11643,c18,11010519491231002X,true",
    "gb11643,c18,440524188001010014,true",
    "gb11643,c18,110105194912310021,false",
    "gb32100,an18,91350100M000100Y43,true",
    "gb32100,an18,91350100M000100Y44,false",
    "mobile,n11,13800138000,true",
    "mobile,n11,10800138000,false",
    "postal,n6,100020,true"
  })
  void identifierKeywords_realChecks(String key, String format, String value, boolean valid) {
    RecordValidator v =
        one(FieldSpec.value("x", "标识", DataType.CHARACTER).format(format).identifier(key).build());
    ValidationReport r = v.validate("{\"x\":\"" + value + "\"}");
    assertThat(r.isValid()).as(r.violations().toString()).isEqualTo(valid);
    if (!valid) {
      assertThat(r.violations())
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.code()).isEqualTo(CoreErrorCode.RECORD_IDENTIFIER_INVALID);
                assertThat(x.rule()).startsWith("x-govdx-identifier:" + key + "/");
                assertThat(x.messageEn()).doesNotContain(value);
              });
    }
  }

  @Test
  void identifierKeyword_gb11714_realCheck() {
    RecordValidator v =
        one(
            FieldSpec.fromElement(
                    "x", DataElementCatalogue.defaultCatalogue().get("organization_code"))
                .build());
    // GB 11714-1997 example: D2143569-X (written without the hyphen here).
    assertThat(v.validate("{\"x\":\"D2143569X\"}").isValid()).isTrue();
    assertThat(v.validate("{\"x\":\"D21435690\"}").violations())
        .extracting(Violation::code)
        .containsExactly(CoreErrorCode.RECORD_IDENTIFIER_INVALID);
  }

  @Test
  void codeTables_realTables() {
    DataElementCatalogue c = DataElementCatalogue.defaultCatalogue();
    ResourceSchema s =
        ResourceSchema.builder("码表")
            .field(FieldSpec.fromElement("xb", c.get("sex_code")).build())
            .field(FieldSpec.fromElement("mz", c.get("ethnicity_code")).build())
            .field(FieldSpec.fromElement("zjlx", c.get("id_document_type")).build())
            .field(FieldSpec.fromElement("gj", c.get("nationality_code")).build())
            .field(
                FieldSpec.fromElement("qh", c.get("division_code"))
                    .codeTable("GB/T 2260", "2020-12")
                    .build())
            .build();
    RecordValidator v = RecordValidator.builder(s).build();
    assertThat(
            v.validate(
                    "{\"xb\":\"9\",\"mz\":\"56\",\"zjlx\":\"111\",\"gj\":\"CN\",\"qh\":\"110105\"}")
                .isValid())
        .isTrue();
    assertThat(
            v.validate(
                    "{\"xb\":\"3\",\"mz\":\"57\",\"zjlx\":\"999\",\"gj\":\"XX\",\"qh\":\"110199\"}")
                .violations())
        .extracting(Violation::pointer, Violation::code)
        .containsExactlyInAnyOrder(
            tuple("/xb", CoreErrorCode.RECORD_CODE_NOT_IN_TABLE),
            tuple("/mz", CoreErrorCode.RECORD_CODE_NOT_IN_TABLE),
            tuple("/zjlx", CoreErrorCode.RECORD_CODE_NOT_IN_TABLE),
            tuple("/gj", CoreErrorCode.RECORD_CODE_NOT_IN_TABLE),
            tuple("/qh", CoreErrorCode.RECORD_CODE_NOT_IN_TABLE));
  }

  @Test
  void codeTables_editionChosenPerItem_withAUserLoadedEdition() {
    CodeTable newer =
        CodeTable.builder("GB/T 2260", "2099-01")
            .nameZh("行政区划代码（测试用新版）")
            .source("test")
            .add(CodeEntry.of("110105", "朝阳区"))
            .build();
    CodeTableRegistry registry = CodeTableRegistry.builder().addTable(newer).build();
    FieldSpec.Builder old =
        FieldSpec.value("a", "旧版区划", DataType.CHARACTER)
            .format("n6")
            .codeTable("GB/T 2260", "2020-12");
    FieldSpec.Builder neu =
        FieldSpec.value("b", "新版区划", DataType.CHARACTER)
            .format("n6")
            .codeTable("GB/T 2260", "2099-01");
    RecordValidator v =
        RecordValidator.builder(
                ResourceSchema.builder("版本").field(old.build()).field(neu.build()).build())
            .codeTables(CodeTableLookup.from(registry))
            .build();
    // 110101 (东城区) is in the 2020-12 snapshot but not in the test edition.
    assertThat(v.validate("{\"a\":\"110101\",\"b\":\"110105\"}").isValid()).isTrue();
    assertThat(v.validate("{\"a\":\"110101\",\"b\":\"110101\"}").violations())
        .extracting(Violation::pointer, Violation::rule)
        .containsExactly(tuple("/b", "x-govdx-codeTable:GB/T 2260@2099-01"));
    assertThatThrownBy(
            () ->
                one(
                    FieldSpec.value("a", "区划", DataType.CHARACTER)
                        .codeTable("GB/T 2260", "1980")
                        .build()))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.code()).isEqualTo("GDX-1413"));
  }
}
