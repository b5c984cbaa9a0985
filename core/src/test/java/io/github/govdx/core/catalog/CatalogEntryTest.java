package io.github.govdx.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.element.DataElementCatalogue;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogEntryTest {

  static CatalogEntry sample() {
    return CatalogEntry.builder()
        .classification(new ResourceClassification("基础信息资源目录", "人口", "", ""))
        .name("人口基本信息")
        .resourceCode("110001/000001")
        .provider("某市公安局")
        .providerCode("11320500014160477X")
        .summary("户籍人口的基本信息")
        .format(new ResourceFormat(FormatCategory.DATABASE, "mysql"))
        .addItem(
            CatalogItem.builder()
                .name("公民身份号码")
                .field("gmsfhm")
                .dataType(ItemDataType.CHARACTER)
                .dataElement("citizen_id_number")
                .required(true)
                .sensitivity(SensitivityLevel.L4)
                .build())
        .addItem(
            CatalogItem.builder()
                .name("性别")
                .field("xb")
                .dataType(ItemDataType.CHARACTER)
                .dataElement("sex_code")
                .sensitivity(SensitivityLevel.L2)
                .build())
        .addItem(
            CatalogItem.builder()
                .name("出生日期")
                .field("csrq")
                .dataType(ItemDataType.DATE)
                .format("YYYYMMDD")
                .sensitivity(SensitivityLevel.L3)
                .build())
        .sharing(
            new SharingAttributes(
                ShareType.CONDITIONAL,
                "仅限政务服务办理使用",
                "",
                ShareMethodCategory.PLATFORM,
                ShareMethodType.INTERFACE))
        .open(new OpenAttributes(false, ""))
        .updateCycle(UpdateCycle.DAILY)
        .publishDate(LocalDate.of(2024, 2, 29))
        .addRelatedCode(ResourceCode.parse("110001/000002"))
        .build();
  }

  @Test
  void json_roundTrip_preservesEverything() {
    CatalogEntry e = sample();
    String json = CatalogEntries.toJson(e);
    assertThat(json)
        .contains(
            "\"resourceCode\" : \"110001/000001\"",
            "\"updateCycle\" : \"2\"",
            "\"publishDate\" : \"2024-02-29\"",
            "\"sensitivity\" : \"L4\"",
            "\"type\" : \"2\"");
    CatalogEntry back = CatalogEntries.fromJson(json);
    assertThat(back).isEqualTo(e).hasSameHashCodeAs(e);
    assertThat(CatalogEntries.toJson(back)).isEqualTo(json);
  }

  @Test
  void check_sample_isClean() {
    assertThat(CatalogEntries.check(sample())).isEmpty();
    assertThat(CatalogEntries.requireValid(sample())).isEqualTo(sample());
  }

  @Test
  void check_conditionalWithoutConditions_1302() {
    CatalogEntry e =
        sample().toBuilder()
            .sharing(
                new SharingAttributes(
                    ShareType.CONDITIONAL,
                    " ",
                    "",
                    ShareMethodCategory.PLATFORM,
                    ShareMethodType.INTERFACE))
            .build();
    assertThat(CatalogEntries.check(e))
        .extracting(CatalogProblem::code, CatalogProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                CoreErrorCode.CATALOG_SHARE_CONDITIONS_MISSING, "sharing.conditions"));
    assertThatThrownBy(() -> CatalogEntries.requireValid(e))
        .isInstanceOfSatisfying(
            GovdxException.class, x -> assertThat(x.code()).isEqualTo("GDX-1302"));
  }

  @Test
  void check_notSharedWithoutLegalBasis_1303_andWithBasisClean() {
    CatalogEntry e =
        sample().toBuilder()
            .sharing(
                new SharingAttributes(
                    ShareType.NOT_SHARED,
                    "",
                    "",
                    ShareMethodCategory.PLATFORM,
                    ShareMethodType.INTERFACE))
            .build();
    assertThat(CatalogEntries.check(e))
        .extracting(CatalogProblem::code)
        .containsExactly(CoreErrorCode.CATALOG_LEGAL_BASIS_MISSING);
    CatalogEntry ok =
        sample().toBuilder()
            .sharing(
                new SharingAttributes(
                    ShareType.NOT_SHARED,
                    "",
                    "《中华人民共和国保守国家秘密法》",
                    ShareMethodCategory.PLATFORM,
                    ShareMethodType.INTERFACE))
            .build();
    assertThat(CatalogEntries.check(ok)).isEmpty();
  }

  @Test
  void check_missingCoreMetadata_1301() {
    CatalogEntry e = sample().toBuilder().name("").provider("").summary("").build();
    assertThat(CatalogEntries.check(e))
        .extracting(CatalogProblem::field)
        .containsExactly("name", "provider", "summary");
    assertThat(CatalogEntries.check(e))
        .extracting(CatalogProblem::code)
        .containsOnly(CoreErrorCode.CATALOG_ENTRY_INCOMPLETE);
  }

  @Test
  void check_itemProblems() {
    CatalogItem dup =
        CatalogItem.builder()
            .name("性别")
            .field("xb2")
            .dataType(ItemDataType.CHARACTER)
            .sensitivity(SensitivityLevel.L1)
            .build();
    CatalogItem badFormat =
        CatalogItem.builder()
            .name("坏格式")
            .dataType(ItemDataType.CHARACTER)
            .format("an..")
            .sensitivity(SensitivityLevel.L1)
            .build();
    CatalogItem wrongType =
        CatalogItem.builder()
            .name("日期")
            .dataType(ItemDataType.DATE)
            .format("an8")
            .sensitivity(SensitivityLevel.L1)
            .build();
    CatalogItem unknown =
        CatalogItem.builder()
            .name("未知")
            .dataType(ItemDataType.CHARACTER)
            .dataElement("nope")
            .codeTable("GB/T 9999")
            .identifier("zz")
            .sensitivity(SensitivityLevel.L1)
            .build();
    CatalogEntry e =
        sample().toBuilder()
            .addItem(dup)
            .addItem(badFormat)
            .addItem(wrongType)
            .addItem(unknown)
            .build();
    List<CatalogProblem> p =
        CatalogEntries.check(
            e,
            id -> id.startsWith("GB/T 22"),
            k -> k.equals("gb11643"),
            DataElementCatalogue.defaultCatalogue());
    assertThat(p)
        .extracting(x -> x.code().code() + " " + x.field())
        .containsExactly(
            "GDX-1307 items[3].name",
            "GDX-1201 items[4].format",
            "GDX-1309 items[5].format",
            "GDX-1306 items[6].dataElement",
            "GDX-1306 items[6].codeTable",
            "GDX-1306 items[6].identifier");
  }

  @Test
  void check_defaultReferences_useTheRealRegistryAndChecks() {
    CatalogItem known =
        CatalogItem.builder()
            .name("民族")
            .dataType(ItemDataType.CHARACTER)
            .codeTable("GB/T 3304")
            .identifier("gb32100")
            .sensitivity(SensitivityLevel.L1)
            .build();
    CatalogItem unknown =
        CatalogItem.builder()
            .name("未知")
            .dataType(ItemDataType.CHARACTER)
            .codeTable("GB/T 9999")
            .identifier("gb99999")
            .sensitivity(SensitivityLevel.L1)
            .build();
    assertThat(CatalogEntries.check(sample().toBuilder().addItem(known).build())).isEmpty();
    assertThat(CatalogEntries.check(sample().toBuilder().addItem(unknown).build()))
        .extracting(x -> x.code().code() + " " + x.field())
        .containsExactly("GDX-1306 items[3].codeTable", "GDX-1306 items[3].identifier");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "110001",
        "/1",
        "1/",
        "12/1",
        "1234/1",
        "11000A/1",
        "110001/1/2",
        "110001/1234567890123",
        "123456789012345678901/1"
      })
  void resourceCode_malformed_1304(String text) {
    assertThatThrownBy(() -> ResourceCode.parse(text))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.code()).isEqualTo("GDX-1304"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1/1", "110/000001", "110001/1", "11000101/000000000001"})
  void resourceCode_wellFormed(String text) {
    assertThat(ResourceCode.parse(text).toString()).isEqualTo(text);
  }

  @Test
  void fromJsonStream_invalidUtf32_isMalformed_notAnIoFailure() {
    // four bytes that start like UTF-32BE "{" and then a code point beyond U+10FFFF
    byte[] bytes = {0, 0, 0, '{', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    assertThatThrownBy(() -> CatalogEntries.fromJson(new java.io.ByteArrayInputStream(bytes)))
        .isInstanceOfSatisfying(
            GovdxException.class,
            e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.CATALOG_ENTRY_MALFORMED));
  }

  @Test
  void fromJson_unknownCode_1305_badResourceCode_1304_missing_1308() {
    String json = CatalogEntries.toJson(sample());
    assertThatThrownBy(
            () ->
                CatalogEntries.fromJson(
                    json.replace("\"updateCycle\" : \"2\"", "\"updateCycle\" : \"9\"")))
        .isInstanceOfSatisfying(
            GovdxException.class,
            e -> {
              assertThat(e.code()).isEqualTo("GDX-1305");
              assertThat(e.getMessage()).contains("updateCycle");
            });
    assertThatThrownBy(
            () -> CatalogEntries.fromJson(json.replace("110001/000001", "110001-000001")))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.code()).isEqualTo("GDX-1304"));
    assertThatThrownBy(
            () -> CatalogEntries.fromJson(json.replace("\"updateCycle\"", "\"updateCycleX\"")))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.code()).isEqualTo("GDX-1308"));
    assertThatThrownBy(() -> CatalogEntries.fromJson("{\"name\":\"x\"}"))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.code()).isEqualTo("GDX-1308"));
    assertThatThrownBy(() -> CatalogEntries.fromJson("{"))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.code()).isEqualTo("GDX-1308"));
    assertThatThrownBy(() -> CatalogEntries.fromJson(json.replace("2024-02-29", "2023-02-29")))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.code()).isEqualTo("GDX-1308"));
  }

  @Test
  void builders_nameMissingFields() {
    assertThatThrownBy(() -> CatalogEntry.builder().name("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("classification");
    assertThatThrownBy(
            () -> CatalogItem.builder().name("x").dataType(ItemDataType.CHARACTER).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sensitivity");
    assertThat(ShareType.fromCode("有条件共享")).isEqualTo(ShareType.CONDITIONAL);
    assertThat(UpdateCycle.fromCode("5")).isEqualTo(UpdateCycle.QUARTERLY);
    assertThat(ItemDataType.fromCode("T").nameZh()).isEqualTo("日期时间型");
  }

  @ParameterizedTest
  @CsvSource({
    "C, CHARACTER",
    "M, CHARACTER",
    "N, NUMBER",
    "Y, NUMBER",
    "B, NUMBER",
    "I, NUMBER",
    "F, NUMBER",
    "D, DATE",
    "T, DATETIME",
    "L, BOOLEAN",
    "G, BINARY"
  })
  void itemDataType_valueType_followsTheCatalogGuideLetters(String letter, String type) {
    assertThat(ItemDataType.fromCode(letter).valueType())
        .isEqualTo(io.github.govdx.core.element.DataType.valueOf(type));
  }
}
