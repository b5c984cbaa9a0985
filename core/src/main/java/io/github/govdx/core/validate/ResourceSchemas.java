package io.github.govdx.core.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.catalog.SensitivityLevel;
import io.github.govdx.core.element.DataElement;
import io.github.govdx.core.element.DataElementCatalogue;
import io.github.govdx.core.element.DataType;
import io.github.govdx.core.element.RepresentationFormat;
import io.github.govdx.core.element.RepresentationFormatException;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The JSON file form of a {@link ResourceSchema} (a resource schema "written directly", issue 3): reading and
 * writing.
 *
 * <pre>{@code
 * {"id": "...", "name": "人口基本信息", "allowUnknownItems": false,
 *  "fields": [
 *    {"key": "gmsfhm", "element": "citizen_id", "required": true, "sensitivity": "L4"},
 *    {"key": "xm", "nameZh": "姓名", "dataType": "字符型", "format": "an..50"},
 *    {"key": "dz", "nameZh": "地址", "fields": [ ... ]},
 *    {"key": "dh", "nameZh": "电话", "items": {"dataType": "CHARACTER", "format": "n11"},
 *     "minItems": 1, "maxItems": 3}]}
 * }</pre>
 *
 * <p>An item with {@code fields} is an object, with {@code items} an array, otherwise a value. A value names
 * its {@code dataType} (constant name in any case, or the Chinese name of GB/T 39046-2020 §5.3 Table 2) or a
 * data {@code element} of the catalogue; the element supplies name, type, format, code table and identifier
 * check, and any of these given explicitly overrides it. Unknown properties, duplicate JSON keys and duplicate
 * item keys are refused. The full format is in {@code docs/validation.md}.
 *
 * <p>Reading refuses documents over 4 MiB, nested deeper than 64, strings over 65,536 characters or numbers
 * over 20 characters before they are parsed further. Every problem raises {@code GDX-1414} with a message
 * {@code "<JSON Pointer>: <problem>"}.
 *
 * <p>Thread-safe.
 */
public final class ResourceSchemas {

  /** The largest schema document, in bytes. */
  public static final long MAX_DOCUMENT_BYTES = 4L * 1024 * 1024;

  /** The deepest JSON nesting of a schema document. */
  public static final int MAX_NESTING_DEPTH = 64;

  private static final ObjectMapper READER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxDocumentLength(MAX_DOCUMENT_BYTES)
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          .maxStringLength(65_536)
                          .maxNumberLength(20)
                          .maxNameLength(1_000)
                          .build())
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final ObjectMapper WRITER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private static final Set<String> SCHEMA_PROPERTIES =
      Set.of("id", "name", "allowUnknownItems", "fields");

  private static final Set<String> FIELD_PROPERTIES =
      Set.of(
          "key",
          "nameZh",
          "dataType",
          "format",
          "element",
          "codeTable",
          "codeTableEdition",
          "identifier",
          "jsonFormat",
          "required",
          "sensitivity",
          "fields",
          "items",
          "minItems",
          "maxItems");

  private ResourceSchemas() {}

  /**
   * Reads a schema from UTF-8 JSON bytes, resolving {@code element} against the default data element catalogue.
   *
   * @param json the JSON document
   * @return the schema
   * @throws GovdxException {@code GDX-1414} if the document is not JSON, exceeds a limit or is not a valid
   *     schema
   * @throws NullPointerException if {@code json} is null
   */
  public static ResourceSchema fromJson(byte[] json) {
    return fromJson(json, DataElementCatalogue.defaultCatalogue());
  }

  /**
   * Reads a schema from UTF-8 JSON bytes.
   *
   * @param json the JSON document
   * @param elements the catalogue {@code element} references are resolved against
   * @return the schema
   * @throws GovdxException {@code GDX-1414} as {@link #fromJson(byte[])}
   * @throws NullPointerException if an argument is null
   */
  public static ResourceSchema fromJson(byte[] json, DataElementCatalogue elements) {
    Objects.requireNonNull(json, "json == null");
    if (json.length > MAX_DOCUMENT_BYTES) {
      throw fail(
          "", "document of " + json.length + " bytes exceeds the limit of " + MAX_DOCUMENT_BYTES);
    }
    return fromJson(new ByteArrayInputStream(json), elements);
  }

  /**
   * Reads a schema from a JSON stream (not closed), refusing it as soon as it exceeds a limit; {@code element}
   * references resolve against the default data element catalogue.
   *
   * @param json the JSON input
   * @return the schema
   * @throws GovdxException {@code GDX-1414} as {@link #fromJson(byte[])}
   * @throws UncheckedIOException if reading fails
   * @throws NullPointerException if {@code json} is null
   */
  public static ResourceSchema fromJson(InputStream json) {
    return fromJson(json, DataElementCatalogue.defaultCatalogue());
  }

  /**
   * Reads a schema from a JSON stream (not closed), refusing it as soon as it exceeds a limit.
   *
   * @param json the JSON input
   * @param elements the catalogue {@code element} references are resolved against
   * @return the schema
   * @throws GovdxException {@code GDX-1414} as {@link #fromJson(byte[])}
   * @throws UncheckedIOException if reading fails
   * @throws NullPointerException if an argument is null
   */
  public static ResourceSchema fromJson(InputStream json, DataElementCatalogue elements) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(elements, "elements == null");
    JsonNode root;
    try {
      root = READER.readTree(json);
    } catch (StreamConstraintsException e) {
      String m = e.getOriginalMessage();
      throw new GovdxException(
          CoreErrorCode.RESOURCE_SCHEMA_FILE_MALFORMED,
          "schema file exceeds a limit" + near(e) + ": " + (m == null ? "constraint" : m),
          e);
    } catch (JsonProcessingException e) {
      String m = e.getOriginalMessage();
      throw new GovdxException(
          CoreErrorCode.RESOURCE_SCHEMA_FILE_MALFORMED,
          "not well-formed JSON"
              + near(e)
              + (m != null && m.startsWith("Duplicate field") ? " (duplicate property)" : ""),
          e);
    } catch (CharConversionException e) {
      // bytes not in the detected encoding (UTF-8, or UTF-16/32 from leading zero bytes):
      // malformed, not unreadable
      throw new GovdxException(
          CoreErrorCode.RESOURCE_SCHEMA_FILE_MALFORMED,
          "not well-formed JSON (invalid character encoding)",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || root.isMissingNode()) {
      throw fail("", "empty document");
    }
    return schemaOf(root, elements);
  }

  /**
   * Reads a schema file, resolving {@code element} against the default data element catalogue.
   *
   * @param file the file
   * @return the schema
   * @throws GovdxException {@code GDX-1414} as {@link #fromJson(byte[])}
   * @throws UncheckedIOException if the file cannot be read
   * @throws NullPointerException if {@code file} is null
   */
  public static ResourceSchema fromJson(Path file) {
    Objects.requireNonNull(file, "file == null");
    try (InputStream in = Files.newInputStream(file)) {
      return fromJson(in, DataElementCatalogue.defaultCatalogue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String near(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " near line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static GovdxException fail(String pointer, String problem) {
    return new GovdxException(
        CoreErrorCode.RESOURCE_SCHEMA_FILE_MALFORMED,
        (pointer.isEmpty() ? "(document)" : pointer) + ": " + problem);
  }

  private static ResourceSchema schemaOf(JsonNode root, DataElementCatalogue elements) {
    requireObject(root, "");
    checkProperties(root, "", SCHEMA_PROPERTIES);
    ResourceSchema.Builder b = ResourceSchema.builder(text(root, "", "name", true));
    if (root.has("id")) {
      b.id(text(root, "", "id", true));
    }
    b.allowUnknownItems(bool(root, "", "allowUnknownItems"));
    JsonNode fields = root.get("fields");
    if (fields == null) {
      throw fail("/fields", "missing attribute");
    }
    Set<String> keys = new HashSet<>();
    forEachField(fields, "/fields", (f, p) -> b.field(itemOf(f, p, elements, keys, false)));
    return b.build();
  }

  /** Receives one item of a {@code fields} array with its pointer. */
  private interface FieldSink {
    void accept(JsonNode field, String pointer);
  }

  private static void forEachField(JsonNode fields, String pointer, FieldSink sink) {
    if (!fields.isArray()) {
      throw fail(pointer, "must be an array of items");
    }
    for (int i = 0; i < fields.size(); i++) {
      sink.accept(fields.get(i), pointer + "/" + i);
    }
  }

  private static FieldSpec itemOf(
      JsonNode n,
      String p,
      DataElementCatalogue elements,
      Set<String> siblingKeys,
      boolean arrayElement) {
    requireObject(n, p);
    checkProperties(n, p, FIELD_PROPERTIES);
    String key = arrayElement && !n.has("key") ? "" : text(n, p, "key", true);
    if (key.isEmpty() && !arrayElement) {
      throw fail(p + "/key", "must not be empty");
    }
    if (!arrayElement && !siblingKeys.add(key)) {
      throw fail(p + "/key", "duplicate item key '" + key + "'");
    }
    boolean isObject = n.has("fields");
    boolean isArray = n.has("items");
    if (isObject && isArray) {
      throw fail(p, "an item has either 'fields' (object) or 'items' (array), not both");
    }
    if (isObject || isArray) {
      for (String valueOnly :
          new String[] {
            "dataType",
            "format",
            "element",
            "codeTable",
            "codeTableEdition",
            "identifier",
            "jsonFormat"
          }) {
        if (n.has(valueOnly)) {
          throw fail(
              p + "/" + valueOnly,
              "not allowed on " + (isObject ? "an object" : "an array") + " item");
        }
      }
    }
    if (!isArray) {
      for (String arrayOnly : new String[] {"minItems", "maxItems"}) {
        if (n.has(arrayOnly)) {
          throw fail(p + "/" + arrayOnly, "only array items (with 'items') have a size");
        }
      }
    }
    FieldSpec.Builder b;
    if (isObject) {
      b = FieldSpec.object(key, containerName(n, p, arrayElement));
      FieldSpec.Builder ob = b;
      Set<String> keys = new HashSet<>();
      forEachField(
          n.get("fields"),
          p + "/fields",
          (f, fp) -> ob.field(itemOf(f, fp, elements, keys, false)));
    } else if (isArray) {
      FieldSpec element = itemOf(n.get("items"), p + "/items", elements, new HashSet<>(), true);
      b = FieldSpec.array(key, containerName(n, p, arrayElement), element);
      int min = n.has("minItems") ? count(n, p, "minItems") : 0;
      int max = n.has("maxItems") ? count(n, p, "maxItems") : -1;
      if (max >= 0 && max < min) {
        throw fail(p + "/maxItems", "maxItems " + max + " is below minItems " + min);
      }
      b.size(min, max);
    } else {
      b = valueOf(n, p, key, elements, arrayElement);
    }
    if (n.has("required")) {
      b.required(bool(n, p, "required"));
    }
    if (n.has("sensitivity")) {
      String level = text(n, p, "sensitivity", true);
      try {
        b.sensitivity(SensitivityLevel.fromCode(level));
      } catch (GovdxException e) {
        throw fail(p + "/sensitivity", "unknown sensitivity level '" + level + "' (L1..L4)");
      }
    }
    return b.build();
  }

  private static FieldSpec.Builder valueOf(
      JsonNode n, String p, String key, DataElementCatalogue elements, boolean arrayElement) {
    @Nullable DataElement element = null;
    if (n.has("element")) {
      String id = text(n, p, "element", true);
      element =
          elements
              .find(id)
              .orElseThrow(
                  () ->
                      fail(
                          p + "/element",
                          "unknown data element '"
                              + id
                              + "' (not in catalogue "
                              + elements.name()
                              + ")"));
    }
    DataType type;
    if (n.has("dataType")) {
      String t = text(n, p, "dataType", true);
      try {
        type = DataType.parse(t);
      } catch (GovdxException e) {
        throw fail(
            p + "/dataType",
            "unknown data type '"
                + t
                + "' (CHARACTER, NUMBER, DATE, DATETIME, BOOLEAN, BINARY or 字符型, 数字型, 日期型, 日期时间型, 布尔型, 二进制)");
      }
    } else if (element != null) {
      type = element.dataType();
    } else {
      throw fail(p + "/dataType", "missing attribute (a value item needs 'dataType' or 'element')");
    }
    String nameZh;
    if (n.has("nameZh")) {
      nameZh = text(n, p, "nameZh", !arrayElement);
    } else if (element != null) {
      nameZh = element.nameZh();
    } else if (arrayElement) {
      nameZh = "";
    } else {
      throw fail(p + "/nameZh", "missing attribute");
    }
    FieldSpec.Builder b = FieldSpec.value(key, nameZh, type);
    if (n.has("format")) {
      String f = text(n, p, "format", true);
      try {
        b.format(RepresentationFormat.parse(f));
      } catch (RepresentationFormatException e) {
        String m = e.getMessage();
        throw fail(
            p + "/format", "bad representation format: " + m.substring(e.code().length() + 2));
      }
    } else if (element != null && element.dataType() == type) {
      b.format(element.format());
    }
    if (n.has("codeTable")) {
      b.codeTable(
          text(n, p, "codeTable", true),
          n.has("codeTableEdition") ? text(n, p, "codeTableEdition", false) : "");
    } else if (n.has("codeTableEdition")) {
      throw fail(p + "/codeTableEdition", "an edition without a code table");
    } else if (element != null && element.codeTable().isPresent()) {
      b.codeTable(element.codeTable().get(), element.codeTableEdition().orElse(""));
    }
    if (n.has("identifier")) {
      b.identifier(text(n, p, "identifier", true));
    } else if (element != null && element.identifierCheck().isPresent()) {
      b.identifier(element.identifierCheck().get());
    }
    if (n.has("jsonFormat")) {
      b.jsonFormat(text(n, p, "jsonFormat", true));
    } else if (element != null && FieldSpec.EMAIL_ELEMENT.equals(element.id())) {
      b.jsonFormat("email");
    }
    return b;
  }

  private static String containerName(JsonNode n, String p, boolean arrayElement) {
    return arrayElement && !n.has("nameZh") ? "" : text(n, p, "nameZh", !arrayElement);
  }

  private static void requireObject(JsonNode n, String p) {
    if (!n.isObject()) {
      throw fail(p, "must be a JSON object");
    }
  }

  private static void checkProperties(JsonNode n, String p, Set<String> allowed) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw fail(p + "/" + escape(name), "unknown property");
      }
    }
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String text(JsonNode n, String p, String name, boolean nonEmpty) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      throw fail(p + "/" + name, "missing attribute");
    }
    if (!v.isTextual()) {
      throw fail(p + "/" + name, "must be a string");
    }
    if (nonEmpty && v.textValue().isBlank()) {
      throw fail(p + "/" + name, "must not be empty");
    }
    return v.textValue();
  }

  private static boolean bool(JsonNode n, String p, String name) {
    JsonNode v = n.get(name);
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      throw fail(p + "/" + name, "must be true or false");
    }
    return v.booleanValue();
  }

  private static int count(JsonNode n, String p, String name) {
    JsonNode v = n.get(name);
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
      throw fail(p + "/" + name, "must be a non-negative integer");
    }
    return v.intValue();
  }

  /**
   * Reads a resource schema back from the JSON Schema govdx exported for it ({@link
   * RecordValidator#jsonSchema()}; also what a catalog detail's {@code schema} carries, {@code
   * docs/protocol.md} section 6.2), so a receiver can validate with exactly the provider's rules: structure,
   * representation formats, code tables and editions, identifier checks, sensitivity levels. The document is
   * accepted only if the schema read from it exports the same constraints again (annotations such as {@code
   * title} aside); a hand-written JSON Schema, or one with a keyword govdx does not produce, is refused rather
   * than read in part. Data element references are not part of an export and come back as resolved
   * attributes.
   *
   * @param jsonSchema the exported schema document
   * @return the resource schema
   * @throws GovdxException {@code GDX-1413} ({@link CoreErrorCode#RESOURCE_SCHEMA_INVALID}) naming the first
   *     place where the document is not a govdx export
   * @throws NullPointerException if {@code jsonSchema} is null
   */
  public static ResourceSchema fromJsonSchema(JsonNode jsonSchema) {
    Objects.requireNonNull(jsonSchema, "jsonSchema == null");
    return JsonSchemaImport.read(jsonSchema);
  }

  /**
   * Writes a schema in the file form read by {@link #fromJson(byte[])}, pretty-printed. Every value item is
   * written with its resolved {@code dataType} and attributes (never as an {@code element} reference), so the
   * file does not depend on a catalogue; {@code fromJson(toJson(s))} equals {@code s}.
   *
   * @param schema the schema
   * @return the JSON text
   * @throws NullPointerException if {@code schema} is null
   */
  public static String toJson(ResourceSchema schema) {
    Objects.requireNonNull(schema, "schema == null");
    ObjectNode root = WRITER.createObjectNode();
    if (!schema.id().isEmpty()) {
      root.put("id", schema.id());
    }
    root.put("name", schema.name());
    root.put("allowUnknownItems", schema.allowUnknownItems());
    ArrayNode fields = root.putArray("fields");
    for (FieldSpec f : schema.fields()) {
      write(fields.addObject(), f);
    }
    try {
      return WRITER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(ObjectNode n, FieldSpec f) {
    if (!f.key().isEmpty()) {
      n.put("key", f.key());
    }
    n.put("nameZh", f.nameZh());
    f.dataType().ifPresent(t -> n.put("dataType", t.key()));
    f.format().ifPresent(fmt -> n.put("format", fmt.text()));
    f.codeTable().ifPresent(t -> n.put("codeTable", t));
    if (f.codeTable().isPresent() && !f.codeTableEdition().isEmpty()) {
      n.put("codeTableEdition", f.codeTableEdition());
    }
    f.identifier().ifPresent(i -> n.put("identifier", i));
    f.jsonFormat().ifPresent(j -> n.put("jsonFormat", j));
    if (f.required()) {
      n.put("required", true);
    }
    f.sensitivity().ifPresent(s -> n.put("sensitivity", s.code()));
    if (f.kind() == FieldSpec.Kind.OBJECT) {
      ArrayNode nested = n.putArray("fields");
      for (FieldSpec c : f.fields()) {
        write(nested.addObject(), c);
      }
    } else if (f.kind() == FieldSpec.Kind.ARRAY) {
      write(n.putObject("items"), f.items().orElseThrow());
      if (f.minItems() > 0) {
        n.put("minItems", f.minItems());
      }
      if (f.maxItems() >= 0) {
        n.put("maxItems", f.maxItems());
      }
    }
  }
}
