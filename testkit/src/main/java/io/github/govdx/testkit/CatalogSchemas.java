package io.github.govdx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.element.DataType;
import io.github.govdx.core.validate.FieldSpec;
import io.github.govdx.core.validate.RecordValidator;
import io.github.govdx.core.validate.ResourceSchema;
import io.github.govdx.core.validate.ValidationReport;
import io.github.govdx.core.validate.Violation;
import io.github.govdx.testkit.internal.RecordRules;
import io.github.govdx.testkit.internal.WireCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Record schemas of catalog entries (protocol §6.2 wire form) built with govdx-core's record validation: each item
 * becomes a value item with its data type, representation format, code table and identifier check. The sandbox
 * attaches the exported JSON Schema to entries that have none and validates pushed records with it. Thread-safe.
 */
final class CatalogSchemas implements RecordRules {

  private final Map<String, RecordValidator> validators = new ConcurrentHashMap<>();

  /**
   * The validator of an entry (cached by the entry's items).
   *
   * @param entry the entry
   * @return the validator
   * @throws GovdxException {@code GDX-4001} if an item cannot become a schema item
   */
  RecordValidator validator(ObjectNode entry) {
    String key = entry.path("resourceCode").asText() + "\n" + entry.path("items");
    return validators.computeIfAbsent(key, k -> RecordValidator.builder(schema(entry)).build());
  }

  private static ResourceSchema schema(ObjectNode entry) {
    ResourceSchema.Builder b =
        ResourceSchema.builder(entry.path("name").asText()).id(entry.path("resourceCode").asText());
    for (JsonNode item : entry.path("items")) {
      String name = item.path("name").asText();
      try {
        FieldSpec.Builder f =
            FieldSpec.value(
                name,
                item.path("nameZh").asText(name),
                dataType(item.path("dataType").asText("C")));
        if (!item.path("format").asText("").isEmpty()) {
          f.format(item.get("format").asText());
        }
        if (!item.path("codeTable").asText("").isEmpty()) {
          f.codeTable(item.get("codeTable").asText());
        }
        if (!item.path("identifier").asText("").isEmpty()) {
          f.identifier(item.get("identifier").asText());
        }
        if (item.path("required").asBoolean(false)) {
          f.required();
        }
        b.field(f.build());
      } catch (GovdxException | IllegalArgumentException e) {
        throw new GovdxException(
            TestkitErrorCode.SEED_INVALID,
            "catalog entry "
                + entry.path("resourceCode").asText()
                + ", item "
                + name
                + ": "
                + e.getMessage());
      }
    }
    return b.build();
  }

  private static DataType dataType(String letter) {
    switch (letter) {
      case "D":
        return DataType.DATE;
      case "T":
        return DataType.DATETIME;
      case "L":
        return DataType.BOOLEAN;
      case "G":
        return DataType.BINARY;
      case "N":
      case "Y":
      case "B":
      case "I":
      case "F":
        return DataType.NUMBER;
      default:
        return DataType.CHARACTER;
    }
  }

  /**
   * The entry with its record schema attached, if it had none.
   *
   * @param entry a checked entry
   * @return the entry
   */
  ObjectNode withSchema(ObjectNode entry) {
    if (!entry.has("schema")) {
      entry.set("schema", validator(entry).jsonSchema().deepCopy());
    }
    return entry;
  }

  @Override
  public void check(ObjectNode entry, JsonNode record, String pointerPrefix, ArrayNode details) {
    ValidationReport report = validator(entry).validate(record);
    for (Violation v : report.violations()) {
      ObjectNode d = details.addObject();
      d.put("pointer", pointerPrefix + v.pointer());
      d.put("rule", v.rule());
      d.put("code", v.codeText());
    }
    if (!report.isValid() && report.violations().isEmpty()) {
      ObjectNode d = details.addObject();
      d.put("pointer", pointerPrefix);
      d.put("rule", "record");
      d.put("code", WireCode.PROVIDER_RECORDS_INVALID.code());
    }
  }
}
