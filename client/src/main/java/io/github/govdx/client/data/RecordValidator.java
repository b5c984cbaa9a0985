package io.github.govdx.client.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.ErrorDetail;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.internal.JsonSchemaRecordValidator;
import java.util.List;

/**
 * Validates one record against its resource's schema, before a push is sent and before query results are
 * returned (DESIGN section 5: "query results ... are validated against the resource schema before they are
 * returned").
 *
 * <p>The default, {@link #jsonSchema()}, runs the JSON Schema (draft 2020-12) that the catalog detail carries
 * ({@code docs/protocol.md} section 6.2) with the networknt validator; govdx keywords in it (code tables,
 * identifier checks, representation formats) are checked only by a validator built on govdx-core's record
 * validation ({@code io.github.govdx.core.validate}), which can be plugged in here through
 * {@code ExchangeClient.builder().recordValidator(...)}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RecordValidator {

  /**
   * Validates one record.
   *
   * @param resource the resource's catalog detail (items and schema)
   * @param record the record, a JSON object
   * @return every violation, with JSON Pointers relative to the record (e.g. {@code /sfzh}); empty when valid
   */
  List<ErrorDetail> validate(ResourceDetail resource, JsonNode record);

  /**
   * A validator that accepts every record (validation switched off).
   *
   * @return the validator
   */
  static RecordValidator none() {
    return (resource, record) -> List.of();
  }

  /**
   * The default: the resource's JSON Schema from its catalog detail, run by the networknt validator, with
   * compiled schemas cached. A resource without a schema is not checked.
   *
   * @return the validator
   */
  static RecordValidator jsonSchema() {
    return JsonSchemaRecordValidator.INSTANCE;
  }
}
