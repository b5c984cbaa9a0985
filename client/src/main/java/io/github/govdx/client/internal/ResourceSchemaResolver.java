package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.catalog.ResourceItem;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.catalog.ItemDataType;
import io.github.govdx.core.catalog.SensitivityLevel;
import io.github.govdx.core.element.DataElement;
import io.github.govdx.core.element.DataElementCatalogue;
import io.github.govdx.core.element.DataType;
import io.github.govdx.core.element.RepresentationFormat;
import io.github.govdx.core.validate.FieldSpec;
import io.github.govdx.core.validate.RecordValidator;
import io.github.govdx.core.validate.ResourceSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a catalog detail carries ({@code docs/protocol.md} section 6.2) into govdx-core's record
 * validation ({@code docs/validation.md}), in this order:
 *
 * <ol>
 *   <li>{@code schema}, when it is a JSON Schema exported by govdx-core: the {@link ResourceSchema} is recovered
 *       from it (values with {@code x-govdx-format}, {@code x-govdx-codeTable}, {@code x-govdx-identifier},
 *       objects, arrays, {@code required}, {@code additionalProperties}) and accepted only if compiling it again
 *       gives the same constraints (annotations such as {@code title} aside), so nothing of the served schema
 *       is lost;</li>
 *   <li>otherwise the {@code items}: each item becomes a value item with its data type letter, data element
 *       (when govdx-core's shipped catalogue knows it), representation format, code table and edition,
 *       identifier check and {@code required}, the mapping of {@code ResourceSchema.fromCatalogEntry};</li>
 *   <li>otherwise a {@code schema} without any {@code x-govdx-*} keyword: a plain JSON Schema whose every rule
 *       the networknt validator checks;</li>
 *   <li>a {@code schema} with govdx keywords that cannot be recovered, and no items: unusable (the caller
 *       refuses records rather than skip the govdx checks silently);</li>
 *   <li>neither schema nor items: nothing to check against.</li>
 * </ol>
 *
 * <p>Thread-safe (stateless).
 */
public final class ResourceSchemaResolver {

  /** Annotation keywords that do not constrain a record; ignored when comparing schemas. */
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
          "x-govdx-resource",
          "x-govdx-sensitivity");

  private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /** How a resource's records are validated. */
  public sealed interface Resolution {}

  /**
   * Validated by govdx-core.
   *
   * @param validator the compiled validator
   * @param source {@code "schema"} or {@code "items"}
   */
  public record Core(RecordValidator validator, String source) implements Resolution {}

  /**
   * Validated as a plain JSON Schema (it has no govdx keyword).
   *
   * @param schema the schema document
   */
  public record Plain(JsonNode schema) implements Resolution {}

  /**
   * The detail cannot be turned into a validator.
   *
   * @param reason why, without any record value
   */
  public record Unusable(String reason) implements Resolution {}

  /** The detail carries neither items nor a schema. */
  public record Nothing() implements Resolution {}

  private ResourceSchemaResolver() {}

  /**
   * Resolves a detail.
   *
   * @param detail the catalog detail
   * @return how its records are validated
   */
  public static Resolution resolve(ResourceDetail detail) {
    JsonNode schema = detail.schema().orElse(null);
    String schemaProblem = null;
    if (schema != null) {
      try {
        return new Core(fromSchema(detail, schema), "schema");
      } catch (NotRecoverable e) {
        schemaProblem = e.getMessage();
      }
    }
    String itemsProblem = null;
    if (!detail.items().isEmpty()) {
      try {
        return new Core(RecordValidator.builder(fromItems(detail)).build(), "items");
      } catch (GovdxException | IllegalArgumentException | IllegalStateException e) {
        itemsProblem = "its items cannot be compiled: " + e.getMessage();
      }
    }
    if (schema != null && !hasGovdxKeyword(schema)) {
      return new Plain(schema);
    }
    if (schema == null && itemsProblem == null) {
      return new Nothing();
    }
    String reason =
        schemaProblem == null
            ? itemsProblem
            : itemsProblem == null
                ? "its schema " + schemaProblem + " and it has no items"
                : "its schema " + schemaProblem + "; " + itemsProblem;
    return new Unusable(
        "the catalog detail of "
            + detail.resourceCode()
            + " gives no usable record schema: "
            + reason);
  }

  // ---------------------------------------------------------------- items

  /**
   * The schema of a detail's items.
   *
   * @param detail the detail (items not empty)
   * @return the schema
   * @throws GovdxException if an item names an unknown data type, format, code table or identifier check
   */
  static ResourceSchema fromItems(ResourceDetail detail) {
    ResourceSchema.Builder b =
        ResourceSchema.builder(detail.summary().name()).id(detail.resourceCode());
    for (ResourceItem item : detail.items()) {
      b.field(field(item));
    }
    return b.build();
  }

  private static FieldSpec field(ResourceItem item) {
    DataElement element =
        item.element().flatMap(id -> DataElementCatalogue.defaultCatalogue().find(id)).orElse(null);
    ItemDataType letter = item.dataType().map(ItemDataType::fromCode).orElse(null);
    DataType type =
        letter != null
            ? letter.valueType()
            : element != null ? element.dataType() : DataType.CHARACTER;
    FieldSpec.Builder f;
    if (element != null && element.dataType() == type) {
      // the element supplies format, code table, identifier check (and format email); the item
      // overrides
      f = FieldSpec.fromElement(item.name(), element);
    } else {
      f = FieldSpec.value(item.name(), item.nameZh().orElse(item.name()), type);
      if (item.format().isEmpty()) {
        if (type == DataType.DATE) {
          f.format("YYYYMMDD");
        } else if (type == DataType.DATETIME) {
          f.format("YYYYMMDDhhmmss");
        } else if (letter == ItemDataType.INTEGER) {
          f.format("n..18");
        }
      }
    }
    f.required(item.required());
    item.format().ifPresent(f::format);
    if (item.codeTable().isPresent()) {
      f.codeTable(item.codeTable().get(), item.codeTableEdition().orElse(""));
    } else if (item.codeTableEdition().isPresent()
        && element != null
        && element.codeTable().isPresent()) {
      f.codeTable(element.codeTable().get(), item.codeTableEdition().get());
    }
    item.identifier().ifPresent(f::identifier);
    item.sensitivity()
        .filter(s -> s >= 1 && s <= 4)
        .ifPresent(s -> f.sensitivity(SensitivityLevel.fromCode("L" + s)));
    return f.build();
  }

  // ---------------------------------------------------------------- schema

  /** The served schema is not one govdx-core exported. */
  static final class NotRecoverable extends Exception {
    private static final long serialVersionUID = 1L;

    NotRecoverable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Recovers the resource schema of a served JSON Schema and compiles it.
   *
   * @param detail the detail (name and code as fallbacks)
   * @param schema the served schema
   * @return the validator, whose constraints equal the served schema's
   * @throws NotRecoverable if the schema is not a govdx-core export
   */
  static RecordValidator fromSchema(ResourceDetail detail, JsonNode schema) throws NotRecoverable {
    if (!schema.isObject()
        || !"object".equals(schema.path("type").asText())
        || !DIALECT.equals(schema.path("$schema").asText(DIALECT))) {
      throw new NotRecoverable("is not a JSON Schema 2020-12 of an object");
    }
    RecordValidator compiled;
    try {
      String name = schema.path("title").asText("");
      ResourceSchema.Builder b =
          ResourceSchema.builder(name.isEmpty() ? detail.summary().name() : name)
              .id(schema.path("x-govdx-resource").asText(detail.resourceCode()))
              .allowUnknownItems(
                  !schema.path("additionalProperties").isBoolean()
                      || schema.path("additionalProperties").booleanValue());
      for (FieldSpec f : fields(schema, "")) {
        b.field(f);
      }
      compiled = RecordValidator.builder(b.build()).build();
    } catch (GovdxException | IllegalArgumentException | IllegalStateException e) {
      throw new NotRecoverable(
          "cannot be read as a govdx resource schema (" + e.getMessage() + ")");
    }
    String diff = difference(normalized(schema), normalized(compiled.jsonSchema()), "");
    if (diff != null) {
      throw new NotRecoverable("is not a govdx-core export (" + diff + ")");
    }
    return compiled;
  }

  private static List<FieldSpec> fields(JsonNode object, String pointer) throws NotRecoverable {
    JsonNode props = object.path("properties");
    if (!props.isObject()) {
      throw new NotRecoverable("no properties at " + (pointer.isEmpty() ? "the root" : pointer));
    }
    Set<String> required = new java.util.HashSet<>();
    object.path("required").forEach(r -> required.add(r.asText()));
    List<FieldSpec> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      FieldSpec.Builder f = item(e.getKey(), e.getValue(), pointer + "/properties/" + e.getKey());
      out.add(f.required(required.contains(e.getKey())).build());
    }
    return out;
  }

  private static FieldSpec.Builder item(String key, JsonNode n, String pointer)
      throws NotRecoverable {
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
        throw new NotRecoverable("no usable type at " + pointer);
    }
  }

  private static FieldSpec.Builder value(String key, String nameZh, String type, JsonNode n) {
    RepresentationFormat format = null;
    if (n.path("x-govdx-format").isTextual()) {
      format = RepresentationFormat.parse(n.get("x-govdx-format").textValue());
    } else if ("string".equals(type) && n.has("maxLength") && !n.has("pattern")) {
      // a plain length limit is the text format an[min]..max (GB/T 39046 section 5.3)
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
    JsonNode table = n.path("x-govdx-codeTable");
    if (table.isObject()) {
      f.codeTable(table.path("table").asText(), table.path("edition").asText(""));
    }
    if (n.path("x-govdx-identifier").isTextual()) {
      f.identifier(n.get("x-govdx-identifier").textValue());
    }
    if (n.path("format").isTextual()) {
      f.jsonFormat(n.get("format").textValue());
    }
    return f;
  }

  /** A copy without annotations, with {@code required} sorted, for comparing constraints. */
  private static JsonNode normalized(JsonNode n) {
    if (n.isObject()) {
      ObjectNode out = Json.object();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (ANNOTATIONS.contains(e.getKey())) {
          continue;
        }
        if (e.getKey().equals("required") && e.getValue().isArray()) {
          List<String> names = new ArrayList<>();
          e.getValue().forEach(r -> names.add(r.asText()));
          names.sort(null);
          ArrayNode a = out.putArray("required");
          names.forEach(a::add);
        } else if (e.getKey().equals("properties") && e.getValue().isObject()) {
          ObjectNode p = out.putObject("properties");
          e.getValue()
              .fields()
              .forEachRemaining(pe -> p.set(pe.getKey(), normalized(pe.getValue())));
        } else if (e.getKey().equals("items")) {
          out.set("items", normalized(e.getValue()));
        } else {
          out.set(e.getKey(), e.getValue());
        }
      }
      return out;
    }
    return n;
  }

  /** The first difference between two normalized schemas, or {@code null} when they constrain alike. */
  private static @Nullable String difference(JsonNode served, JsonNode compiled, String pointer) {
    if (served.isObject() && compiled.isObject()) {
      Set<String> names = new java.util.TreeSet<>();
      served.fieldNames().forEachRemaining(names::add);
      compiled.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode a = served.get(name);
        JsonNode b = compiled.get(name);
        if (a == null && name.equals("x-govdx-format") && isPlainText(b)) {
          continue; // a length-only text format: minLength/maxLength say all of it, nothing more is
          // checked
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
          : "value differs at " + pointer;
    }
    return served.equals(compiled) ? null : "value differs at " + pointer;
  }

  private static boolean isPlainText(JsonNode format) {
    try {
      RepresentationFormat f = RepresentationFormat.parse(format.asText());
      return !f.isDateTime() && !f.isDecimal() && f.shapeRegex().isEmpty();
    } catch (GovdxException e) {
      return false;
    }
  }

  /**
   * Whether a schema uses any govdx keyword (which a plain JSON Schema validator would not check).
   *
   * @param n a schema node
   * @return the answer
   */
  static boolean hasGovdxKeyword(JsonNode n) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().startsWith("x-govdx-") && !ANNOTATIONS.contains(e.getKey())) {
          return true;
        }
        if (hasGovdxKeyword(e.getValue())) {
          return true;
        }
      }
    } else if (n.isArray()) {
      for (JsonNode c : n) {
        if (hasGovdxKeyword(c)) {
          return true;
        }
      }
    }
    return false;
  }
}
