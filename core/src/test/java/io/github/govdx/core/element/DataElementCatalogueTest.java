package io.github.govdx.core.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.GovdxException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataElementCatalogueTest {

  @Test
  void defaultCatalogue_hasTheCommonElements_withProvenance() {
    DataElementCatalogue c = DataElementCatalogue.defaultCatalogue();
    assertThat(c.elements()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(c.provenance()).contains("GB/T 39046");
    assertThat(c.elements()).allSatisfy(e -> assertThat(e.source()).isNotBlank());
    DataElement id = c.get("citizen_id_number");
    assertThat(id.nameZh()).isEqualTo("公民身份号码");
    assertThat(id.identifier()).isEqualTo("GMSFHM");
    assertThat(id.format().text()).isEqualTo("c18");
    assertThat(id.identifierCheck()).contains("gb11643");
    assertThat(c.get("sex_code").codeTable()).contains("GB/T 2261.1");
    assertThat(c.get("birth_date").dataType()).isEqualTo(DataType.DATE);
    assertThat(c.get("amount").format().scale()).hasValue(2);
    assertThat(c.get("handling_time").format().text()).isEqualTo("YYYYMMDDThhmmss");
    for (String id2 :
        new String[] {
          "name",
          "ethnicity_code",
          "address",
          "division_code",
          "uscc",
          "organization_name",
          "phone_number",
          "email",
          "id_document_type",
          "id_document_number"
        }) {
      assertThat(c.find(id2)).as(id2).isPresent();
    }
  }

  @Test
  void get_unknown_throws1203() {
    assertThatThrownBy(() -> DataElementCatalogue.defaultCatalogue().get("nope"))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.code()).isEqualTo("GDX-1203"));
  }

  @Test
  void load_rejectsMalformedAndInconsistentCatalogues() {
    assertThatThrownBy(() -> load("{\"elements\":"))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.code()).isEqualTo("GDX-1204"));
    assertThatThrownBy(
            () ->
                load(
                    "{\"elements\":[{\"id\":\"x\",\"nameZh\":\"x\",\"dataType\":\"DATE\",\"format\":\"an8\"}]}"))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.code()).isEqualTo("GDX-1202"));
    assertThatThrownBy(
            () ->
                load(
                    "{\"elements\":[{\"id\":\"x\",\"nameZh\":\"x\",\"dataType\":\"CHARACTER\",\"format\":\"q1\"}]}"))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.code()).isEqualTo("GDX-1201"));
    String one = "{\"id\":\"x\",\"nameZh\":\"x\",\"dataType\":\"CHARACTER\",\"format\":\"an1\"}";
    assertThatThrownBy(() -> load("{\"elements\":[" + one + "," + one + "]}"))
        .isInstanceOfSatisfying(
            GovdxException.class, e -> assertThat(e.getMessage()).contains("duplicate"));
  }

  @Test
  void dataElement_builder_requiresFields_andChecksTypeAgainstFormat() {
    assertThatThrownBy(
            () ->
                DataElement.builder()
                    .nameZh("x")
                    .dataType(DataType.CHARACTER)
                    .format("an1")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(
            () ->
                DataElement.builder()
                    .id("x")
                    .nameZh("x")
                    .dataType(DataType.DATETIME)
                    .format("YYYYMMDD")
                    .build())
        .isInstanceOf(GovdxException.class);
    assertThatThrownBy(
            () ->
                DataElement.builder()
                    .id("x")
                    .nameZh("x")
                    .dataType(DataType.NUMBER)
                    .format("an..3")
                    .build())
        .isInstanceOf(GovdxException.class);
    DataElement e =
        DataElement.builder()
            .id("x")
            .nameZh("性别")
            .dataType(DataType.CHARACTER)
            .format("n1")
            .codeTable("GB/T 2261.1")
            .build();
    assertThat(e.toBuilder().build()).isEqualTo(e).hasSameHashCodeAs(e);
    assertThat(e.toBuilder().version("2").build()).isNotEqualTo(e);
    assertThat(DataType.parse("日期型")).isEqualTo(DataType.DATE);
    assertThat(DataType.parse("boolean")).isEqualTo(DataType.BOOLEAN);
  }

  private static DataElementCatalogue load(String json) {
    return DataElementCatalogue.load(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
