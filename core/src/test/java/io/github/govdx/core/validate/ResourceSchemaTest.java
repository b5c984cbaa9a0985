package io.github.govdx.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.catalog.CatalogEntry;
import io.github.govdx.core.catalog.CatalogItem;
import io.github.govdx.core.catalog.FormatCategory;
import io.github.govdx.core.catalog.ItemDataType;
import io.github.govdx.core.catalog.OpenAttributes;
import io.github.govdx.core.catalog.ResourceClassification;
import io.github.govdx.core.catalog.ResourceFormat;
import io.github.govdx.core.catalog.SensitivityLevel;
import io.github.govdx.core.catalog.ShareMethodCategory;
import io.github.govdx.core.catalog.ShareMethodType;
import io.github.govdx.core.catalog.ShareType;
import io.github.govdx.core.catalog.SharingAttributes;
import io.github.govdx.core.catalog.UpdateCycle;
import io.github.govdx.core.element.DataType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResourceSchemaTest {

  static CatalogEntry entry(CatalogItem... items) {
    CatalogEntry.Builder b =
        CatalogEntry.builder()
            .classification(new ResourceClassification("基础信息资源目录", "人口", "", ""))
            .name("人口基本信息")
            .resourceCode("110001/000001")
            .provider("某市公安局")
            .providerCode("11320500014160477X")
            .summary("摘要")
            .format(new ResourceFormat(FormatCategory.DATABASE, "mysql"))
            .sharing(
                new SharingAttributes(
                    ShareType.UNCONDITIONAL,
                    "",
                    "",
                    ShareMethodCategory.PLATFORM,
                    ShareMethodType.INTERFACE))
            .open(new OpenAttributes(false, ""))
            .updateCycle(UpdateCycle.REAL_TIME)
            .publishDate(LocalDate.of(2024, 1, 1));
    for (CatalogItem i : items) {
      b.addItem(i);
    }
    return b.build();
  }

  @Test
  void fromCatalogEntry_takesElementDefaults_andItemOverrides() {
    CatalogEntry e =
        entry(
            CatalogItem.builder()
                .name("公民身份号码")
                .field("gmsfhm")
                .dataType(ItemDataType.CHARACTER)
                .dataElement("citizen_id_number")
                .required(true)
                .sensitivity(SensitivityLevel.L4)
                .build(),
            CatalogItem.builder()
                .name("性别")
                .field("xb")
                .dataType(ItemDataType.CHARACTER)
                .dataElement("sex_code")
                .sensitivity(SensitivityLevel.L2)
                .build(),
            CatalogItem.builder()
                .name("出生日期")
                .field("csrq")
                .dataType(ItemDataType.DATE)
                .sensitivity(SensitivityLevel.L3)
                .build(),
            CatalogItem.builder()
                .name("登记时间")
                .field("djsj")
                .dataType(ItemDataType.DATETIME)
                .sensitivity(SensitivityLevel.L1)
                .build(),
            CatalogItem.builder()
                .name("人数")
                .field("rs")
                .dataType(ItemDataType.INTEGER)
                .sensitivity(SensitivityLevel.L1)
                .build(),
            CatalogItem.builder()
                .name("备注")
                .dataType(ItemDataType.MEMO)
                .format("..ul")
                .sensitivity(SensitivityLevel.L1)
                .build(),
            CatalogItem.builder()
                .name("行政区划")
                .field("qh")
                .dataType(ItemDataType.CHARACTER)
                .dataElement("division_code")
                .codeTableEdition("2020-12")
                .codeTable("GB/T 2260")
                .sensitivity(SensitivityLevel.L1)
                .build());
    ResourceSchema s = ResourceSchema.fromCatalogEntry(e);
    assertThat(s.id()).isEqualTo("110001/000001");
    assertThat(s.name()).isEqualTo("人口基本信息");
    assertThat(s.fields())
        .extracting(
            FieldSpec::key,
            FieldSpec::nameZh,
            f -> f.dataType().orElseThrow(),
            f -> f.format().map(Object::toString).orElse(""),
            f -> f.codeTable().orElse(""),
            FieldSpec::required)
        .containsExactly(
            tuple("gmsfhm", "公民身份号码", DataType.CHARACTER, "c18", "", true),
            tuple("xb", "性别", DataType.CHARACTER, "n1", "GB/T 2261.1", false),
            tuple("csrq", "出生日期", DataType.DATE, "YYYYMMDD", "", false),
            tuple("djsj", "登记时间", DataType.DATETIME, "YYYYMMDDhhmmss", "", false),
            tuple("rs", "人数", DataType.NUMBER, "n..18", "", false),
            tuple("备注", "备注", DataType.CHARACTER, "..ul", "", false),
            tuple("qh", "行政区划", DataType.CHARACTER, "n6", "GB/T 2260", false));
    assertThat(s.fields().get(0).identifier()).contains("gb11643");
    assertThat(s.fields().get(0).sensitivity()).contains(SensitivityLevel.L4);
    assertThat(s.fields().get(6).codeTableEdition()).isEqualTo("2020-12");
    RecordValidator v = Fixtures.validator(s);
    assertThat(v.jsonSchema().at("/properties/gmsfhm/x-govdx-sensitivity").asText())
        .isEqualTo("L4");
    assertThat(
            v.validate(
                    "{\"gmsfhm\":\"11010519491231002X\",\"rs\":3,\"备注\":\"x\",\"qh\":\"110105\"}")
                .isValid())
        .isTrue();
    assertThat(v.validate("{\"gmsfhm\":\"11010519491231002X\",\"csrq\":\"19491301\"}").violations())
        .extracting(Violation::pointer, Violation::code)
        .containsExactly(tuple("/csrq", CoreErrorCode.RECORD_DATE_INVALID));
  }

  @Test
  void fromCatalogEntry_unknownElementOrBadFormat_1413() {
    CatalogEntry unknown =
        entry(
            CatalogItem.builder()
                .name("x")
                .dataType(ItemDataType.CHARACTER)
                .dataElement("nope")
                .sensitivity(SensitivityLevel.L1)
                .build());
    assertThatThrownBy(() -> ResourceSchema.fromCatalogEntry(unknown))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.code()).isEqualTo("GDX-1413"));
    CatalogEntry badFormat =
        entry(
            CatalogItem.builder()
                .name("x")
                .dataType(ItemDataType.CHARACTER)
                .format("zz")
                .sensitivity(SensitivityLevel.L1)
                .build());
    assertThatThrownBy(() -> ResourceSchema.fromCatalogEntry(badFormat))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.code()).isEqualTo("GDX-1413"));
  }

  @Test
  void builders_rejectDuplicateKeysAndMisuse() {
    FieldSpec a = FieldSpec.value("a", "甲", DataType.BOOLEAN).build();
    assertThatThrownBy(() -> ResourceSchema.builder("x").field(a).field(a).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FieldSpec.value("a", "甲", DataType.BOOLEAN).field(a))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FieldSpec.array("a", "甲", a).size(3, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FieldSpec.object("o", "对象").field(a).field(a).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
