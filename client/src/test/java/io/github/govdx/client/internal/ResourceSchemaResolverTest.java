package io.github.govdx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.Fixtures;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.core.element.DataType;
import io.github.govdx.core.validate.FieldSpec;
import io.github.govdx.core.validate.RecordValidator;
import io.github.govdx.core.validate.ResourceSchema;
import io.github.govdx.core.validate.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which validation a catalog detail gives (docs/protocol.md section 6.2 → docs/validation.md). */
class ResourceSchemaResolverTest {

  private static ResourceDetail detail(String itemsAndSchema) {
    return Json.resourceDetail(
        ((Fixtures.DETAIL_HEAD + itemsAndSchema + "}").getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode record(String json) {
    return Json.parseObject(json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> rules(ResourceSchemaResolver.Resolution r, String record) {
    assertThat(r).isInstanceOf(ResourceSchemaResolver.Core.class);
    return ((ResourceSchemaResolver.Core) r)
        .validator().validate(record(record)).violations().stream()
            .map(v -> v.pointer() + " " + v.rule() + " " + v.codeText())
            .toList();
  }

  /** A nested resource schema with every kind of item, as a provider's govdx-core would export it. */
  private static ResourceSchema nested() {
    return ResourceSchema.builder("企业登记")
        .id("110002/000007")
        .field(
            FieldSpec.value("tyshxydm", "统一社会信用代码", DataType.CHARACTER)
                .format("an18")
                .identifier("gb32100")
                .required()
                .build())
        .field(FieldSpec.value("clrq", "成立日期", DataType.DATE).format("YYYYMMDD").build())
        .field(FieldSpec.value("zczb", "注册资本", DataType.NUMBER).format("n..16,2").build())
        .field(FieldSpec.value("djsj", "登记时间", DataType.DATETIME).format("YYYYMMDDhhmmss").build())
        .field(FieldSpec.value("yx", "有效", DataType.BOOLEAN).build())
        .field(
            FieldSpec.object("dz", "住所")
                .field(
                    FieldSpec.value("qh", "行政区划代码", DataType.CHARACTER)
                        .format("n6")
                        .codeTable("GB/T 2260", "2020-12")
                        .required()
                        .build())
                .build())
        .field(
            FieldSpec.array(
                    "lxdh",
                    "联系电话",
                    FieldSpec.value("lxdh", "联系电话", DataType.CHARACTER)
                        .format("n11")
                        .identifier("mobile")
                        .build())
                .size(1, 3)
                .build())
        .build();
  }

  @Test
  void resolve_exportedSchema_recoversCoreValidationFromTheSchema() {
    ResourceSchemaResolver.Resolution r =
        ResourceSchemaResolver.resolve(detail(",\"schema\":" + Fixtures.SCHEMA));
    assertThat(((ResourceSchemaResolver.Core) r).source()).isEqualTo("schema");
    assertThat(
            rules(
                r,
                "{\"xm\":\"张三\",\"sfzh\":\"11010519491231002X\",\"xb\":\"1\",\"csrq\":\"19491231\"}"))
        .isEmpty();
    // GB 11643-1999 §5.1: the check character of 11010519491231002 is X, so ...0021 is wrong
    assertThat(
            rules(
                r,
                "{\"xm\":\"张三\",\"sfzh\":\"110105194912310021\",\"xb\":\"7\",\"csrq\":\"20230229\"}"))
        .containsExactlyInAnyOrder(
            "/sfzh x-govdx-identifier:gb11643/check-digit GDX-1408",
            "/xb x-govdx-codeTable:GB/T 2261.1 GDX-1407",
            "/csrq x-govdx-format:YYYYMMDD GDX-1405");
  }

  @Test
  void resolve_exportedNestedSchema_isRecoveredExactly() {
    RecordValidator provider = RecordValidator.builder(nested()).build();
    ResourceSchemaResolver.Resolution r =
        ResourceSchemaResolver.resolve(
            detail(",\"items\":[],\"schema\":" + provider.jsonSchemaText()));
    RecordValidator recovered = ((ResourceSchemaResolver.Core) r).validator();
    assertThat(recovered.resourceSchema().fields()).hasSize(7);
    String[] records = {
      "{\"tyshxydm\":\"91350100M000100Y43\",\"clrq\":\"20240229\",\"zczb\":1234.5,\"djsj\":\"20240229120000\","
          + "\"yx\":true,\"dz\":{\"qh\":\"110105\"},\"lxdh\":[\"13800138000\"]}",
      "{\"tyshxydm\":\"91350100M000100Y44\",\"clrq\":\"20230229\",\"zczb\":1.234,\"djsj\":\"20240229246000\","
          + "\"yx\":\"yes\",\"dz\":{\"qh\":\"999999\"},\"lxdh\":[],\"extra\":1}",
      "{\"dz\":{},\"lxdh\":[\"1\",\"2\",\"3\",\"4\"]}"
    };
    for (String rec : records) {
      // the receiver's own validator and the one recovered from the served schema agree on every
      // violation
      assertThat(recovered.validate(record(rec)).violations())
          .extracting(Violation::pointer, Violation::rule)
          .containsExactlyInAnyOrderElementsOf(
              provider.validate(record(rec)).violations().stream()
                  .map(v -> org.assertj.core.groups.Tuple.tuple(v.pointer(), v.rule()))
                  .toList());
    }
    assertThat(provider.validate(record(records[0])).isValid()).isTrue();
    assertThat(provider.validate(record(records[1])).violations()).hasSizeGreaterThan(5);
  }

  @Test
  void resolve_itemsOnly_buildsCoreValidationFromTheItems() {
    ResourceSchemaResolver.Resolution r =
        ResourceSchemaResolver.resolve(detail(",\"items\":" + Fixtures.ITEMS));
    assertThat(((ResourceSchemaResolver.Core) r).source()).isEqualTo("items");
    assertThat(rules(r, "{\"xm\":\"张三\",\"sfzh\":\"110105194912310021\",\"xb\":\"12\"}"))
        .containsExactlyInAnyOrder(
            "/sfzh x-govdx-identifier:gb11643/check-digit GDX-1408", "/xb maxLength GDX-1403");
  }

  @Test
  void resolve_itemWithAShippedDataElement_takesItsChecks() {
    ResourceSchemaResolver.Resolution r =
        ResourceSchemaResolver.resolve(
            detail(
                ",\"items\":[{\"name\":\"gmsfhm\",\"element\":\"citizen_id_number\",\"required\":true},"
                    + "{\"name\":\"qh\",\"element\":\"division_code\",\"codeTableEdition\":\"2020-12\"}]"));
    assertThat(rules(r, "{\"gmsfhm\":\"110105194912310021\",\"qh\":\"000000\"}"))
        .containsExactlyInAnyOrder(
            "/gmsfhm x-govdx-identifier:gb11643/check-digit GDX-1408",
            "/qh x-govdx-codeTable:GB/T 2260@2020-12 GDX-1407");
  }

  @Test
  void resolve_hand_editedExport_isNotTakenFromTheSchema_butFromTheItems() {
    ObjectNode schema =
        (ObjectNode) Json.parseObject(Fixtures.SCHEMA.getBytes(StandardCharsets.UTF_8));
    ((ObjectNode) schema.path("properties").path("xm")).put("pattern", "^[A-Z]+$");
    ResourceSchemaResolver.Resolution r =
        ResourceSchemaResolver.resolve(
            detail(",\"items\":" + Fixtures.ITEMS + ",\"schema\":" + schema));
    assertThat(((ResourceSchemaResolver.Core) r).source()).isEqualTo("items");
  }

  @Test
  void resolve_protocolExampleSchema_withoutFormats_isRecovered() {
    // docs/protocol.md section 6.2: lengths without x-govdx-format, govdx keywords without a format
    ResourceSchemaResolver.Resolution r =
        ResourceSchemaResolver.resolve(
            detail(
                ",\"schema\":{\"$schema\":"
                    + "\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\",\"required\":[\"xm\",\"sfzh\"],"
                    + "\"properties\":{\"xm\":{\"type\":\"string\",\"maxLength\":50},\"sfzh\":{\"type\":\"string\","
                    + "\"x-govdx-identifier\":\"gb11643\"},\"xb\":{\"type\":\"string\",\"x-govdx-codeTable\":"
                    + "{\"table\":\"GB/T 2261.1\"}}}}"));
    assertThat(rules(r, "{\"xm\":\"张三\",\"sfzh\":\"11010519491231002X\",\"xb\":\"1\",\"other\":1}"))
        .isEmpty();
    assertThat(rules(r, "{\"sfzh\":\"110105194912310021\",\"xb\":\"3\"}"))
        .containsExactlyInAnyOrder(
            "/xm required GDX-1401",
            "/sfzh x-govdx-identifier:gb11643/check-digit GDX-1408",
            "/xb x-govdx-codeTable:GB/T 2261.1 GDX-1407");
  }

  @Test
  void resolve_foreignSchemaWithoutGovdxKeywords_andNoItems_isPlainJsonSchema() {
    String schema =
        "{\"type\":\"object\",\"properties\":{\"xb\":{\"type\":\"string\",\"enum\":[\"1\",\"2\"]}}}";
    ResourceSchemaResolver.Resolution r =
        ResourceSchemaResolver.resolve(detail(",\"schema\":" + schema));
    assertThat(r).isInstanceOf(ResourceSchemaResolver.Plain.class);
  }

  @Test
  void resolve_foreignSchemaWithGovdxKeywords_andNoItems_isUnusable() {
    String schema =
        "{\"type\":\"object\",\"properties\":{\"sfzh\":{\"type\":\"string\",\"pattern\":\"^[0-9X]+$\","
            + "\"x-govdx-identifier\":\"gb11643\"}}}";
    ResourceSchemaResolver.Resolution r =
        ResourceSchemaResolver.resolve(detail(",\"schema\":" + schema));
    assertThat(r)
        .isInstanceOfSatisfying(
            ResourceSchemaResolver.Unusable.class,
            u ->
                assertThat(u.reason())
                    .contains("335001001/00012")
                    .contains("pattern")
                    .contains("no items"));
  }

  @Test
  void resolve_itemsNamingAnUnknownCodeTable_withoutSchema_isUnusable() {
    ResourceSchemaResolver.Resolution r =
        ResourceSchemaResolver.resolve(
            detail(
                ",\"items\":[{\"name\":\"xb\",\"dataType\":\"C\",\"codeTable\":\"GB/T 9999\"}]"));
    assertThat(r)
        .isInstanceOfSatisfying(
            ResourceSchemaResolver.Unusable.class,
            u -> assertThat(u.reason()).contains("items cannot be compiled").contains("GDX-1413"));
  }

  @Test
  void resolve_neitherItemsNorSchema_isNothing() {
    assertThat(ResourceSchemaResolver.resolve(detail(",\"items\":[]")))
        .isInstanceOf(ResourceSchemaResolver.Nothing.class);
  }
}
