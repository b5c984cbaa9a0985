package io.github.govdx.core.validate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.element.DataType;
import io.github.govdx.core.element.RepresentationFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ResourceSchema} into a JSON Schema 2020-12 document with govdx keywords, and remembers which
 * item sits at which schema location (for item names in reports).
 */
final class SchemaCompiler {

  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  static final String KW_FORMAT = "x-govdx-format";
  static final String KW_CODE_TABLE = "x-govdx-codeTable";
  static final String KW_IDENTIFIER = "x-govdx-identifier";
  static final String KW_RESOURCE = "x-govdx-resource";
  static final String KW_SENSITIVITY = "x-govdx-sensitivity";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** The compiled document and the item at each schema pointer ("" = root, "/properties/x", ...). */
  static final class Compiled {
    final ObjectNode schema;
    final Map<String, FieldSpec> items;

    Compiled(ObjectNode schema, Map<String, FieldSpec> items) {
      this.schema = schema;
      this.items = items;
    }
  }

  private SchemaCompiler() {}

  /**
   * Compiles a schema.
   *
   * @param rs the resource schema
   * @param govdxKeywords whether to emit the x-govdx-* keywords (false gives the plain structural schema)
   * @return the compiled document
   */
  static Compiled compile(ResourceSchema rs, boolean govdxKeywords) {
    Map<String, FieldSpec> items = new HashMap<>();
    ObjectNode root = F.objectNode();
    root.put("$schema", DIALECT);
    if (!rs.id().isEmpty()) {
      root.put(KW_RESOURCE, rs.id());
    }
    root.put("title", rs.name());
    objectBody(root, rs.fields(), rs.allowUnknownItems(), "", items, govdxKeywords);
    return new Compiled(root, items);
  }

  private static void objectBody(
      ObjectNode node,
      List<FieldSpec> fields,
      boolean open,
      String pointer,
      Map<String, FieldSpec> items,
      boolean govdx) {
    node.put("type", "object");
    ObjectNode props = node.putObject("properties");
    ArrayNode required = F.arrayNode();
    for (FieldSpec f : fields) {
      String p = pointer + "/properties/" + escape(f.key());
      props.set(f.key(), item(f, p, items, open, govdx));
      if (f.required()) {
        required.add(f.key());
      }
    }
    if (!required.isEmpty()) {
      node.set("required", required);
    }
    if (!open) {
      node.put("additionalProperties", false);
    }
  }

  private static ObjectNode item(
      FieldSpec f, String pointer, Map<String, FieldSpec> items, boolean open, boolean govdx) {
    items.put(pointer, f);
    ObjectNode n = F.objectNode();
    n.put("title", f.nameZh());
    switch (f.kind()) {
      case OBJECT:
        objectBody(n, f.fields(), open, pointer, items, govdx);
        return n;
      case ARRAY:
        n.put("type", "array");
        n.set("items", item(f.items().orElseThrow(), pointer + "/items", items, open, govdx));
        if (f.minItems() > 0) {
          n.put("minItems", f.minItems());
        }
        if (f.maxItems() >= 0) {
          n.put("maxItems", f.maxItems());
        }
        return n;
      default:
        value(n, f, govdx);
        return n;
    }
  }

  private static void value(ObjectNode n, FieldSpec f, boolean govdx) {
    DataType type = f.dataType().orElseThrow();
    RepresentationFormat format = f.format().orElse(null);
    String jsonType = type.jsonType();
    if (type == DataType.NUMBER && format != null && !format.isDecimal()) {
      jsonType = "integer";
    }
    n.put("type", jsonType);
    if (type == DataType.BINARY) {
      n.put("contentEncoding", "base64");
    }
    if (format != null && "string".equals(jsonType)) {
      if (!format.isDateTime() && !format.isDecimal()) {
        if (format.minLength() > 0) {
          n.put("minLength", format.minLength());
        }
        format.maxLength().ifPresent(max -> n.put("maxLength", max));
      }
      format.shapeRegex().ifPresent(r -> n.put("pattern", r));
    }
    f.jsonFormat().ifPresent(j -> n.put("format", j));
    if (!govdx) {
      return;
    }
    if (format != null) {
      n.put(KW_FORMAT, format.text());
    }
    f.codeTable()
        .ifPresent(
            t -> {
              ObjectNode ct = n.putObject(KW_CODE_TABLE);
              ct.put("table", t);
              if (!f.codeTableEdition().isEmpty()) {
                ct.put("edition", f.codeTableEdition());
              }
            });
    f.identifier().ifPresent(k -> n.put(KW_IDENTIFIER, k));
    f.sensitivity().ifPresent(s -> n.put(KW_SENSITIVITY, s.code()));
  }

  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
