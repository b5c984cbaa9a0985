package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Validates records against a catalog entry's schema. Implementations are thread-safe. */
@FunctionalInterface
public interface RecordRules {

  /**
   * Validates one record, adding a {@code {"pointer","rule","code"}} detail per violation (never the value).
   *
   * @param entry the catalog entry
   * @param record the record
   * @param pointerPrefix the JSON Pointer of the record in the payload, e.g. {@code /records/3}
   * @param details where violations are added
   */
  void check(ObjectNode entry, JsonNode record, String pointerPrefix, ArrayNode details);
}
