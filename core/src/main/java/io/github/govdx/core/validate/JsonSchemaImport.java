package io.github.govdx.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.catalog.SensitivityLevel;
import io.github.govdx.core.element.DataType;
import io.github.govdx.core.element.RepresentationFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads a resource schema back from the JSON Schema govdx exported for it ({@link
 * RecordValidator#jsonSchema()}, or a catalog detail's {@code schema}): the inverse of {@link SchemaCompiler}.
 * A document is accepted only if compiling what was read gives the same constraints again (annotations such
 * as {@code title} aside), so nothing the document asks for is silently dropped. Thread-safe (stateless).
 */
final class JsonSchemaImport {

  /** Keywords that do not constrain a record; ignored when comparing. */
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "title",
          "description",
          "$comment",
          "examples",
          "default",
          "deprecated",
          "readOnly",
          "writeOnly",
          "$schema",
          SchemaCompiler.KW_RESOURCE,
          SchemaCompiler.KW_SENSITIVITY);

  private JsonSchemaImport() {}

  /**
   * Reads the schema.
   *
   * @param schema the exported JSON Schema
   * @return the resource schema whose export constrains records exactly as {@code schema} does
   * @throws GovdxException {@link CoreErrorCode#RESOURCE_SCHEMA_INVALID} naming the first place that is not
   *     a govdx export
   */
  static ResourceSchema read(JsonNode schema) {
    if (deeperThan(schema, ResourceSchemas.MAX_NESTING_DEPTH)) {
      // the reading below recurses per level: refuse a deep tree before it can exhaust the stack
      throw invalid("is nested deeper than " + ResourceSchemas.MAX_NESTING_DEPTH + " levels");
    }
    if (!schema.isObject()
        || !"object".equals(schema.path("type").asText())
        || !SchemaCompiler.DIALECT.equals(schema.path("$schema").asText(SchemaCompiler.DIALECT))) {
      throw invalid("is not a JSON Schema 2020-12 of an object");
    }
    ResourceSchema rs;
    try {
      String title = schema.path("title").asText("");
      String id = schema.path(SchemaCompiler.KW_RESOURCE).asText("");
      ResourceSchema.Builder b =
          ResourceSchema.builder(!title.isEmpty() ? title : !id.isEmpty() ? id : "resource")
              .allowUnknownItems(
                  !schema.path("additionalProperties").isBoolean()
                      || schema.path("additionalProperties").booleanValue());
      if (!id.isEmpty()) {
        b.id(id);
      }
      for (FieldSpec f : fields(schema, "")) {
        b.field(f);
      }
      rs = b.build();
    } catch (GovdxException e) {
      throw e.errorCode() == CoreErrorCode.RESOURCE_SCHEMA_INVALID
          ? e
          : invalid("cannot be read as a govdx resource schema (" + e.code() + ")");
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw invalid("cannot be read as a govdx resource schema (" + e.getMessage() + ")");
    }
    String diff =
        difference(normalized(schema), normalized(SchemaCompiler.compile(rs, true).schema), "");
    if (diff != null) {
      throw invalid("is not a govdx export: " + diff);
    }
    return rs;
  }

  /** Whether a tree nests deeper than {@code limit} containers, found without recursion. */
  private static boolean deeperThan(JsonNode root, int limit) {
    Deque<JsonNode> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(root);
    depths.push(1);
    while (!nodes.isEmpty()) {
      JsonNode n = nodes.pop();
      int depth = depths.pop();
      if (!n.isContainerNode()) {
        continue;
      }
      if (depth > limit) {
        return true;
      }
      for (JsonNode child : n) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
    return false;
  }

  private static GovdxException invalid(String why) {
    return new GovdxException(CoreErrorCode.RESOURCE_SCHEMA_INVALID, "the JSON Schema " + why);
  }

  private static List<FieldSpec> fields(JsonNode object, String pointer) {
    JsonNode props = object.path("properties");
    if (!props.isObject()) {
      throw invalid("has no properties at " + (pointer.isEmpty() ? "the root" : pointer));
    }
    Set<String> required = new HashSet<>();
    object.path("required").forEach(r -> required.add(r.asText()));
    List<FieldSpec> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : props.properties()) {
      FieldSpec.Builder f =
          item(
              e.getKey(),
              e.getValue(),
              pointer + "/properties/" + SchemaCompiler.escape(e.getKey()));
      out.add(f.required(required.contains(e.getKey())).build());
    }
    return out;
  }

  private static FieldSpec.Builder item(String key, JsonNode n, String pointer) {
    String nameZh = n.path("title").asText(key);
    String type = n.path("type").asText("");
    switch (type) {
      case "object":
        FieldSpec.Builder o = FieldSpec.object(key, nameZh);
        for (FieldSpec f : fields(n, pointer)) {
          o.field(f);
        }
        return o;
      case "array":
        FieldSpec element = item(key, n.path("items"), pointer + "/items").build();
        return FieldSpec.array(key, nameZh, element)
            .size(n.path("minItems").asInt(0), n.has("maxItems") ? n.path("maxItems").asInt() : -1);
      case "string":
      case "number":
      case "integer":
      case "boolean":
        return value(key, nameZh, type, n);
      default:
        throw invalid("has no usable type at " + pointer);
    }
  }

  private static FieldSpec.Builder value(String key, String nameZh, String type, JsonNode n) {
    RepresentationFormat format = null;
    if (n.path(SchemaCompiler.KW_FORMAT).isTextual()) {
      format = RepresentationFormat.parse(n.get(SchemaCompiler.KW_FORMAT).textValue());
    } else if ("string".equals(type) && n.has("maxLength") && !n.has("pattern")) {
      // a bare length limit is the text format an[min]..max (GB/T 39046)
      int min = n.path("minLength").asInt(0);
      int max = n.path("maxLength").asInt();
      format =
          RepresentationFormat.parse(
              min == max ? "an" + max : "an" + (min > 0 ? min : "") + ".." + max);
    }
    DataType dataType;
    if ("boolean".equals(type)) {
      dataType = DataType.BOOLEAN;
    } else if (!"string".equals(type)) {
      dataType = DataType.NUMBER;
    } else if ("base64".equals(n.path("contentEncoding").asText())) {
      dataType = DataType.BINARY;
    } else if (format != null && format.isDateTime()) {
      dataType = format.hasTime() ? DataType.DATETIME : DataType.DATE;
    } else {
      dataType = DataType.CHARACTER;
    }
    FieldSpec.Builder f = FieldSpec.value(key, nameZh, dataType);
    if (format != null) {
      f.format(format);
    }
    JsonNode table = n.path(SchemaCompiler.KW_CODE_TABLE);
    if (table.isObject()) {
      f.codeTable(table.path("table").asText(), table.path("edition").asText(""));
    }
    if (n.path(SchemaCompiler.KW_IDENTIFIER).isTextual()) {
      f.identifier(n.get(SchemaCompiler.KW_IDENTIFIER).textValue());
    }
    if (n.path("format").isTextual()) {
      f.jsonFormat(n.get("format").textValue());
    }
    if (n.path(SchemaCompiler.KW_SENSITIVITY).isTextual()) {
      f.sensitivity(SensitivityLevel.fromCode(n.get(SchemaCompiler.KW_SENSITIVITY).textValue()));
    }
    return f;
  }

  /** A copy without annotations, with {@code required} sorted, for comparing constraints. */
  private static JsonNode normalized(JsonNode n) {
    if (!n.isObject()) {
      return n;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      String name = e.getKey();
      JsonNode v = e.getValue();
      if (ANNOTATIONS.contains(name)) {
        continue;
      }
      if (name.equals("required") && v.isArray()) {
        List<String> names = new ArrayList<>();
        v.forEach(r -> names.add(r.asText()));
        names.sort(null);
        ArrayNode a = out.putArray("required");
        names.forEach(a::add);
      } else if (name.equals("properties") && v.isObject()) {
        ObjectNode p = out.putObject("properties");
        v.properties().forEach(pe -> p.set(pe.getKey(), normalized(pe.getValue())));
      } else if (name.equals("items")) {
        out.set("items", normalized(v));
      } else {
        out.set(name, v);
      }
    }
    return out;
  }

  /** The first difference between two normalized schemas, or {@code null} when they constrain alike. */
  private static @Nullable String difference(JsonNode served, JsonNode compiled, String pointer) {
    if (served.isObject() && compiled.isObject()) {
      Set<String> names = new TreeSet<>();
      served.fieldNames().forEachRemaining(names::add);
      compiled.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode a = served.get(name);
        JsonNode b = compiled.get(name);
        if (a == null && name.equals(SchemaCompiler.KW_FORMAT) && isPlainText(b)) {
          // a length-only text format: minLength/maxLength say all of it
          continue;
        }
        if (a == null || b == null) {
          return "'"
              + name
              + "' at "
              + (pointer.isEmpty() ? "the root" : pointer)
              + (a == null ? " would be added" : " is not understood");
        }
        String d = difference(a, b, pointer + "/" + name);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (served.isNumber() && compiled.isNumber()) {
      return served.decimalValue().compareTo(compiled.decimalValue()) == 0
          ? null
          : "a value differs at " + pointer;
    }
    return served.equals(compiled) ? null : "a value differs at " + pointer;
  }

  private static boolean isPlainText(JsonNode format) {
    try {
      RepresentationFormat f = RepresentationFormat.parse(format.asText());
      return !f.isDateTime() && !f.isDecimal() && f.shapeRegex().isEmpty();
    } catch (GovdxException e) {
      return false;
    }
  }
}
