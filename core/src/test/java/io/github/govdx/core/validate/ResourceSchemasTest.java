package io.github.govdx.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.catalog.SensitivityLevel;
import io.github.govdx.core.element.DataElementCatalogue;
import io.github.govdx.core.element.DataType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceSchemasTest {

  /** The hand-written file form of {@link Fixtures#person()} (not produced by toJson). */
  static final String PERSON =
      "{\"id\": \"110001/000001\", \"name\": \"人口基本信息\", \"fields\": [\n"
          + " {\"key\": \"gmsfhm\", \"nameZh\": \"公民身份号码\", \"dataType\": \"字符型\", \"format\": \"C18\","
          + "  \"identifier\": \"gb11643\", \"required\": true},\n"
          + " {\"key\": \"xm\", \"element\": \"name\", \"required\": true},\n"
          + " {\"key\": \"xb\", \"nameZh\": \"性别\", \"dataType\": \"character\", \"format\": \"n1\","
          + "  \"codeTable\": \"GB/T 2261.1\"},\n"
          + " {\"key\": \"csrq\", \"nameZh\": \"出生日期\", \"dataType\": \"DATE\", \"format\": \"YYYYMMDD\"},\n"
          + " {\"key\": \"je\", \"nameZh\": \"金额\", \"dataType\": \"数字型\", \"format\": \"n..16,2\"},\n"
          + " {\"key\": \"dz\", \"nameZh\": \"地址\", \"fields\": [\n"
          + "   {\"key\": \"qh\", \"nameZh\": \"行政区划代码\", \"element\": \"division_code\","
          + "    \"codeTableEdition\": \"2020-12\", \"codeTable\": \"GB/T 2260\", \"required\": true}]},\n"
          + " {\"key\": \"lxfs\", \"nameZh\": \"联系方式\", \"maxItems\": 3, \"items\": {\"nameZh\": \"联系方式条目\","
          + "  \"fields\": [{\"key\": \"dh\", \"nameZh\": \"联系电话\", \"dataType\": \"CHARACTER\","
          + "   \"format\": \"an..18\"}]}}]}";

  static ResourceSchema everyAttribute() {
    return ResourceSchema.builder("全部属性")
        .id("x/1")
        .allowUnknownItems(true)
        .field(
            FieldSpec.value("a", "甲", DataType.CHARACTER)
                .format("an5(aannn)")
                .codeTable("GB/T 2260", "2023")
                .identifier("gb11643")
                .jsonFormat("email")
                .required()
                .sensitivity(SensitivityLevel.L4)
                .build())
        .field(
            FieldSpec.value("b", "乙", DataType.NUMBER)
                .format("n..16,2")
                .sensitivity(SensitivityLevel.L1)
                .build())
        .field(FieldSpec.value("c", "丙", DataType.DATETIME).format("YYYYMMDDThhmmss").build())
        .field(FieldSpec.value("d", "丁", DataType.BOOLEAN).build())
        .field(FieldSpec.value("e", "戊", DataType.BINARY).format("..ul").build())
        .field(
            FieldSpec.object("o", "对象")
                .required()
                .sensitivity(SensitivityLevel.L2)
                .field(
                    FieldSpec.value("p", "内", DataType.DATE)
                        .format("YYYYMMDD")
                        .codeTable("GB/T 2261.1")
                        .build())
                .field(
                    FieldSpec.array(
                            "q",
                            "内数组",
                            FieldSpec.value("", "", DataType.CHARACTER).format("n6").build())
                        .size(1, 5)
                        .build())
                .build())
        .field(
            FieldSpec.array(
                    "arr",
                    "数组",
                    FieldSpec.array(
                            "inner",
                            "内层",
                            FieldSpec.object("", "元素")
                                .field(
                                    FieldSpec.value("z", "子", DataType.CHARACTER)
                                        .required()
                                        .build())
                                .build())
                        .size(2, -1)
                        .build())
                .size(0, 3)
                .required()
                .build())
        .build();
  }

  @Test
  void toJson_fromJson_roundTripsEveryAttribute() {
    ResourceSchema s = everyAttribute();
    String json = ResourceSchemas.toJson(s);
    ResourceSchema back = ResourceSchemas.fromJson(json.getBytes(StandardCharsets.UTF_8));
    assertThat(back).isEqualTo(s).hasSameHashCodeAs(s);
    assertThat(ResourceSchemas.toJson(back)).isEqualTo(json);
    assertThat(json)
        .contains(
            "\"sensitivity\" : \"L4\"",
            "\"minItems\" : 1",
            "\"maxItems\" : 5",
            "\"codeTableEdition\" : \"2023\"",
            "\"jsonFormat\" : \"email\"",
            "\"allowUnknownItems\" : true");
  }

  @Test
  void equals_differsOnAnyAttribute() {
    ResourceSchema s = everyAttribute();
    ResourceSchema other =
        ResourceSchema.builder("全部属性")
            .id("x/1")
            .allowUnknownItems(true)
            .field(s.fields().get(0))
            .build();
    assertThat(other).isNotEqualTo(s);
    FieldSpec a = FieldSpec.value("a", "甲", DataType.CHARACTER).format("an..5").build();
    assertThat(a)
        .isEqualTo(FieldSpec.value("a", "甲", DataType.CHARACTER).format("AN..5").build())
        .isNotEqualTo(FieldSpec.value("a", "甲", DataType.CHARACTER).format("an..6").build())
        .isNotEqualTo(
            FieldSpec.value("a", "甲", DataType.CHARACTER).format("an..5").required().build())
        .isNotEqualTo(
            FieldSpec.value("a", "甲", DataType.CHARACTER).format("an..5").codeTable("T").build());
  }

  @Test
  void equalsContract_fieldSpecAndResourceSchema() {
    FieldSpec red = FieldSpec.value("r", "红", DataType.CHARACTER).build();
    FieldSpec blue = FieldSpec.value("b", "蓝", DataType.NUMBER).build();
    EqualsVerifier.forClass(FieldSpec.class)
        .withPrefabValues(FieldSpec.class, red, blue)
        .withNonnullFields("key", "nameZh", "kind", "codeTableEdition", "fields")
        .verify();
    EqualsVerifier.forClass(ResourceSchema.class)
        .withPrefabValues(FieldSpec.class, red, blue)
        .withNonnullFields("id", "name", "fields")
        .verify();
  }

  @Test
  void fromJson_handWrittenFile_equalsBuilderSchema_andValidatesIdentically() {
    ResourceSchema file =
        ResourceSchemas.fromJson(new ByteArrayInputStream(PERSON.getBytes(StandardCharsets.UTF_8)));
    assertThat(file).isEqualTo(Fixtures.person());
    RecordValidator fromFile = Fixtures.validator(file);
    RecordValidator fromBuilder = Fixtures.validator(Fixtures.person());
    assertThat(fromFile.jsonSchemaText()).isEqualTo(fromBuilder.jsonSchemaText());
    String ndjson =
        String.join(
            "\n",
            "{\"gmsfhm\":\"11010519491231002X\",\"xm\":\"张三\",\"xb\":\"1\",\"csrq\":\"19491231\",\"je\":12.5,"
                + "\"dz\":{\"qh\":\"110105\"},\"lxfs\":[{\"dh\":\"01012345678\"}]}",
            "{\"gmsfhm\":\"110105000000000000\",\"xm\":\"李四\",\"xb\":\"7\",\"csrq\":\"20230229\",\"je\":1.234,"
                + "\"dz\":{},\"lxfs\":[{},{},{},{}],\"extra\":1}",
            "{\"xm\":123}");
    ValidationReport a =
        fromFile.validateNdjson(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)));
    ValidationReport b =
        fromBuilder.validateNdjson(
            new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)));
    assertThat(a.invalidRecords()).isEqualTo(2);
    assertThat(a.violations())
        .extracting(Violation::code)
        .contains(
            CoreErrorCode.RECORD_CODE_NOT_IN_TABLE,
            CoreErrorCode.RECORD_DATE_INVALID,
            CoreErrorCode.RECORD_IDENTIFIER_INVALID,
            CoreErrorCode.RECORD_REQUIRED_MISSING,
            CoreErrorCode.RECORD_UNKNOWN_ITEM,
            CoreErrorCode.RECORD_TYPE_MISMATCH);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void fromJson_element_suppliesDefaults_andExplicitAttributesOverride() {
    ResourceSchema s =
        ResourceSchemas.fromJson(
            schema(
                "{\"key\":\"sfz\",\"element\":\"citizen_id_number\"},"
                    + "{\"key\":\"mail\",\"element\":\"email\",\"nameZh\":\"邮箱\",\"format\":\"an..60\"},"
                    + "{\"key\":\"qh\",\"element\":\"division_code\",\"codeTableEdition\":\"2023\",\"codeTable\":\"GB/T 2260\"}"));
    DataElementCatalogue cat = DataElementCatalogue.defaultCatalogue();
    assertThat(s.fields().get(0))
        .isEqualTo(FieldSpec.fromElement("sfz", cat.get("citizen_id_number")).build());
    assertThat(s.fields().get(1))
        .isEqualTo(
            FieldSpec.value("mail", "邮箱", DataType.CHARACTER)
                .format("an..60")
                .jsonFormat("email")
                .build());
    assertThat(s.fields().get(2).codeTableEdition()).isEqualTo("2023");
    assertThat(s.fields().get(2).format().orElseThrow().text()).isEqualTo("n6");
  }

  @Test
  void fromJson_unknownDataType_namesPointer() {
    assertMalformed(
        schema("{\"key\":\"a\",\"nameZh\":\"甲\",\"dataType\":\"字符\"}"),
        "GDX-1414: /fields/0/dataType: unknown data type '字符'");
  }

  @Test
  void fromJson_badFormat_namesPointerAndPosition() {
    assertMalformed(
        schema(
            "{\"key\":\"a\",\"nameZh\":\"甲\",\"dataType\":\"CHARACTER\"},"
                + "{\"key\":\"o\",\"nameZh\":\"乙\",\"fields\":[{\"key\":\"b\",\"nameZh\":\"丙\",\"dataType\":\"NUMBER\","
                + "\"format\":\"n..16,x\"}]}"),
        "GDX-1414: /fields/1/fields/0/format: bad representation format: ",
        "at position 6");
  }

  @Test
  void fromJson_unknownElement_namesPointer() {
    assertMalformed(
        schema("{\"key\":\"a\",\"element\":\"no_such_element\"}"),
        "GDX-1414: /fields/0/element: unknown data element 'no_such_element'");
  }

  @Test
  void fromJson_missingAttributes_namePointer() {
    assertMalformed(
        schema("{\"nameZh\":\"甲\",\"dataType\":\"CHARACTER\"}"),
        "GDX-1414: /fields/0/key: missing");
    assertMalformed(
        schema("{\"key\":\"a\",\"nameZh\":\"甲\"}"), "GDX-1414: /fields/0/dataType: missing");
    assertMalformed(
        schema("{\"key\":\"a\",\"dataType\":\"DATE\"}"), "GDX-1414: /fields/0/nameZh: missing");
    assertMalformed(bytes("{\"fields\":[]}"), "GDX-1414: /name: missing attribute");
    assertMalformed(bytes("{\"name\":\"x\"}"), "GDX-1414: /fields: missing attribute");
  }

  @Test
  void fromJson_duplicateKeys_refused() {
    assertMalformed(
        schema(
            "{\"key\":\"a\",\"nameZh\":\"甲\",\"dataType\":\"CHARACTER\"},"
                + "{\"key\":\"a\",\"nameZh\":\"乙\",\"dataType\":\"NUMBER\"}"),
        "GDX-1414: /fields/1/key: duplicate item key 'a'");
    assertMalformed(
        schema(
            "{\"key\":\"o\",\"nameZh\":\"甲\",\"fields\":[{\"key\":\"b\",\"nameZh\":\"乙\","
                + "\"dataType\":\"DATE\"},{\"key\":\"b\",\"nameZh\":\"丙\",\"dataType\":\"DATE\"}]}"),
        "GDX-1414: /fields/0/fields/1/key: duplicate item key 'b'");
    assertMalformed(
        schema("{\"key\":\"a\",\"key\":\"b\",\"nameZh\":\"甲\",\"dataType\":\"CHARACTER\"}"),
        "GDX-1414: not well-formed JSON near line 1",
        "(duplicate property)");
  }

  @Test
  void fromJson_structuralMistakes_namePointer() {
    assertMalformed(
        schema("{\"key\":\"a\",\"nameZh\":\"甲\",\"dataType\":\"CHARACTER\",\"fromat\":\"n1\"}"),
        "GDX-1414: /fields/0/fromat: unknown property");
    assertMalformed(
        schema("{\"key\":\"a\",\"nameZh\":\"甲\",\"fields\":[],\"items\":{\"dataType\":\"DATE\"}}"),
        "GDX-1414: /fields/0: an item has either");
    assertMalformed(
        schema(
            "{\"key\":\"a\",\"nameZh\":\"甲\",\"items\":{\"dataType\":\"DATE\"},\"minItems\":3,"
                + "\"maxItems\":2}"),
        "GDX-1414: /fields/0/maxItems: maxItems 2 is below minItems 3");
    assertMalformed(
        schema("{\"key\":\"a\",\"nameZh\":\"甲\",\"dataType\":\"DATE\",\"maxItems\":2}"),
        "GDX-1414: /fields/0/maxItems: only array items");
    assertMalformed(
        schema("{\"key\":\"a\",\"nameZh\":\"甲\",\"dataType\":\"DATE\",\"required\":\"yes\"}"),
        "GDX-1414: /fields/0/required: must be true or false");
    assertMalformed(
        schema("{\"key\":\"a\",\"nameZh\":\"甲\",\"dataType\":\"DATE\",\"sensitivity\":\"L9\"}"),
        "GDX-1414: /fields/0/sensitivity: unknown sensitivity level 'L9'");
    assertMalformed(
        schema(
            "{\"key\":\"a\",\"nameZh\":\"甲\",\"dataType\":\"DATE\",\"codeTableEdition\":\"2023\"}"),
        "GDX-1414: /fields/0/codeTableEdition: an edition without a code table");
    assertMalformed(schema("[]"), "GDX-1414: /fields/0: must be a JSON object");
    assertMalformed(bytes("[]"), "GDX-1414: (document): must be a JSON object");
  }

  @Test
  void fromJson_tooDeep_refusedBeforeBuilding() {
    StringBuilder deep = new StringBuilder();
    int levels = 40; // 2 JSON levels per nested object item: 80 > 64
    for (int i = 0; i < levels; i++) {
      deep.append("{\"key\":\"k").append(i).append("\",\"nameZh\":\"n\",\"fields\":[");
    }
    deep.append("{\"key\":\"v\",\"nameZh\":\"v\",\"dataType\":\"DATE\"}");
    for (int i = 0; i < levels; i++) {
      deep.append("]}");
    }
    assertMalformed(
        schema(deep.toString()), "GDX-1414: schema file exceeds a limit", "nesting depth");
  }

  @Test
  void fromJson_tooLarge_refused() {
    byte[] big = new byte[(int) ResourceSchemas.MAX_DOCUMENT_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    assertMalformed(big, "GDX-1414: (document): document of ");
    assertThatThrownBy(() -> ResourceSchemas.fromJson(new ByteArrayInputStream(big)))
        .isInstanceOf(GovdxException.class)
        .hasMessageContaining("exceeds a limit");
  }

  @Test
  void fromJson_notJson_refused() {
    assertMalformed(
        bytes("{\"name\": \"x\", \"fields\": [}"), "GDX-1414: not well-formed JSON near line 1");
    assertMalformed(bytes(""), "GDX-1414: (document): empty document");
    assertMalformed(bytes("{\"name\":\"x\",\"fields\":[]} {}"), "GDX-1414: not well-formed JSON");
  }

  @Test
  void fromJson_path_readsFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("person.schema.json");
    Files.writeString(f, PERSON);
    assertThat(ResourceSchemas.fromJson(f)).isEqualTo(Fixtures.person());
  }

  @Test
  void shippedExample_readsAndValidates() throws Exception {
    Path example = Path.of("..", "docs", "examples", "person.schema.json");
    ResourceSchema s = ResourceSchemas.fromJson(example);
    assertThat(s.fields()).extracting(FieldSpec::key).startsWith("gmsfhm", "xm", "xb");
    RecordValidator v = RecordValidator.builder(s).build();
    for (Path records : List.of(Path.of("..", "docs", "examples", "person-records.ndjson"))) {
      try (var in = Files.newInputStream(records)) {
        ValidationReport r = v.validateNdjson(in);
        assertThat(r.recordsChecked()).isEqualTo(3);
        assertThat(r.invalidRecords()).isEqualTo(2);
      }
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] schema(String fields) {
    return bytes("{\"name\":\"测试\",\"fields\":[" + fields + "]}");
  }

  private static void assertMalformed(byte[] json, String... fragments) {
    assertThatThrownBy(() -> ResourceSchemas.fromJson(json))
        .isInstanceOfSatisfying(
            GovdxException.class,
            e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.RESOURCE_SCHEMA_FILE_MALFORMED))
        .hasMessageStartingWith(fragments[0])
        .hasMessageContainingAll(fragments);
  }

  @Test
  void fromJsonSchema_readsAnExportBack_exportingTheSameDocument() {
    RecordValidator original = Fixtures.validator(Fixtures.person());
    com.fasterxml.jackson.databind.JsonNode exported = original.jsonSchema();
    ResourceSchema back = ResourceSchemas.fromJsonSchema(exported);
    RecordValidator again =
        RecordValidator.builder(back).codeTables(Fixtures.TABLES).identifiers(Fixtures.IDS).build();
    assertThat(again.jsonSchema()).isEqualTo(exported);
    assertThat(back.name()).isEqualTo(Fixtures.person().name());
    // the same words for the same bad record, whichever side compiled the schema
    String bad =
        "{\"gmsfhm\":\"110105194912300000\",\"xm\":\"张3\",\"xb\":\"5\",\"csrq\":\"20230229\","
            + "\"je\":12.345,\"dz\":{\"qh\":\"12345\"},\"lxfs\":[{\"dh\":\"1234567890123456789\"}],\"zz\":1}";
    assertThat(again.validate(bad).violations()).isEqualTo(original.validate(bad).violations());
  }

  @Test
  void fromJsonSchema_refusesWhatIsNotAGovdxExport_namingThePlace() {
    com.fasterxml.jackson.databind.node.ObjectNode exported =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            Fixtures.validator(Fixtures.person()).jsonSchema();
    com.fasterxml.jackson.databind.node.ObjectNode extra = exported.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) extra.at("/properties/je")).put("minimum", 0);
    assertThatThrownBy(() -> ResourceSchemas.fromJsonSchema(extra))
        .isInstanceOfSatisfying(
            GovdxException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(CoreErrorCode.RESOURCE_SCHEMA_INVALID);
              assertThat(e.getMessage()).contains("'minimum'").contains("/properties/je");
            });
    com.fasterxml.jackson.databind.node.ObjectNode loose = exported.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) loose.at("/properties/csrq"))
        .remove("pattern");
    assertThatThrownBy(() -> ResourceSchemas.fromJsonSchema(loose))
        .hasMessageContaining("'pattern'")
        .hasMessageContaining("/properties/csrq");
    com.fasterxml.jackson.databind.node.ObjectNode array =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
            .objectNode()
            .put("type", "array");
    assertThatThrownBy(() -> ResourceSchemas.fromJsonSchema(array))
        .isInstanceOf(GovdxException.class)
        .hasMessageContaining("GDX-1413");
    com.fasterxml.jackson.databind.node.ObjectNode untyped = exported.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) untyped.at("/properties/xm")).remove("type");
    assertThatThrownBy(() -> ResourceSchemas.fromJsonSchema(untyped))
        .hasMessageContaining("no usable type at /properties/xm");
  }

  @Test
  void fromJsonSchema_refusesADeepTree_withATypedErrorNotAStackOverflow() {
    com.fasterxml.jackson.databind.node.ObjectNode root =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema").put("type", "object");
    com.fasterxml.jackson.databind.node.ObjectNode at = root;
    for (int i = 0; i < 100_000; i++) {
      at = at.putObject("properties").putObject("a").put("type", "object");
    }
    assertThatThrownBy(() -> ResourceSchemas.fromJsonSchema(root))
        .isInstanceOfSatisfying(
            GovdxException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(CoreErrorCode.RESOURCE_SCHEMA_INVALID);
              assertThat(e.getMessage()).contains("nested deeper than 64");
            });
  }

  /**
   * Found by fuzzing (JsonSchemaImportJazzerTest, corpus files crash-utf32-code-point-above-10ffff*): a file Jackson
   * reads as UTF-32 with a "code point" above U+10FFFF threw an UncheckedIOException instead of the malformed-file
   * code.
   */
  @Test
  void fromJson_bytesInUtf32WithCodePointAboveUnicode_isMalformedFile() {
    byte[] utf32 = {0, 0, 0, '{', 0x22, 0x63, 0x69, 0x22};

    assertThatThrownBy(() -> ResourceSchemas.fromJson(utf32))
        .isInstanceOfSatisfying(
            GovdxException.class,
            e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.RESOURCE_SCHEMA_FILE_MALFORMED))
        .hasMessageContaining("invalid character encoding");
  }
}
