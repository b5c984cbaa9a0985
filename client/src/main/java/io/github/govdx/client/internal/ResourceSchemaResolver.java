package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.catalog.ResourceItem;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.catalog.ItemDataType;
import io.github.govdx.core.catalog.SensitivityLevel;
import io.github.govdx.core.element.DataElement;
import io.github.govdx.core.element.DataElementCatalogue;
import io.github.govdx.core.element.DataType;
import io.github.govdx.core.validate.FieldSpec;
import io.github.govdx.core.validate.RecordValidator;
import io.github.govdx.core.validate.ResourceSchema;
import io.github.govdx.core.validate.ResourceSchemas;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a catalog detail carries ({@code docs/protocol.md} section 6.2) into govdx-core's record
 * validation ({@code docs/validation.md}), in this order:
 *
 * <ol>
 *   <li>{@code schema}, when it is a JSON Schema exported by govdx-core: read back whole with {@link
 *       ResourceSchemas#fromJsonSchema} (which refuses anything it would not export again identically), so
 *       nothing of the served schema is lost;</li>
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

  /** The govdx keywords that are annotations only (they ask a validator to check nothing). */
  private static final Set<String> GOVDX_ANNOTATIONS =
      Set.of("x-govdx-resource", "x-govdx-sensitivity");

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
        return new Core(
            RecordValidator.builder(ResourceSchemas.fromJsonSchema(schema)).build(), "schema");
      } catch (GovdxException e) {
        schemaProblem = "cannot be used (" + e.getMessage() + ")";
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
        if (e.getKey().startsWith("x-govdx-") && !GOVDX_ANNOTATIONS.contains(e.getKey())) {
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
