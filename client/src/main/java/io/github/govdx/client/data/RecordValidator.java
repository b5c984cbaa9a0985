package io.github.govdx.client.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.ErrorDetail;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.internal.GovdxRecordValidator;
import io.github.govdx.client.internal.JsonSchemaRecordValidator;
import java.util.List;

/**
 * Validates one record against its resource's schema, before a push is sent and before query results are
 * returned (DESIGN section 5: "query results ... are validated against the resource schema before they are
 * returned"); the provider side ({@code ProviderEndpoint}) validates pushed records with the same validator.
 *
 * <p>The default, {@link #govdx()}, is govdx-core's record validation ({@code io.github.govdx.core.validate},
 * {@code docs/validation.md}): the JSON Schema draft 2020-12 structure plus the govdx keywords, i.e. code-table
 * membership in the named edition (GDX-1407), identifier check characters such as GB 11643 and GB 32100
 * (GDX-1408) and representation formats (GDX-1403 to GDX-1406). It is built from the catalog detail
 * ({@code docs/protocol.md} section 6.2) and reports core's pointers, rule names and codes, so a department
 * sees the same words at sender and receiver. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RecordValidator {

  /**
   * Validates one record.
   *
   * @param resource the resource's catalog detail (items and schema)
   * @param record the record, a JSON object
   * @return every violation, with JSON Pointers relative to the record (e.g. {@code /sfzh}); empty when valid
   * @throws io.github.govdx.client.ExchangeValidationException {@code GDX-3417} if the detail gives no usable
   *     schema (see {@link #govdx()})
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
   * The default: govdx-core's record validation of the resource, compiled once per resource (cached, at most
   * 256 resources) from its catalog detail:
   *
   * <ol>
   *   <li>the {@code schema}, when govdx-core exported it (its constraints are recovered exactly, checked by
   *       compiling them again);</li>
   *   <li>otherwise the {@code items} (data type letter, data element, format, code table and edition,
   *       identifier check, required);</li>
   *   <li>otherwise a {@code schema} without any {@code x-govdx-*} keyword runs as plain JSON Schema (every rule
   *       of it is standard);</li>
   *   <li>a {@code schema} with govdx keywords that is not a govdx-core export, and no items: every record is
   *       refused with {@code GDX-3417} rather than skipping those checks silently;</li>
   *   <li>neither schema nor items: records are not checked (there is nothing to check them against).</li>
   * </ol>
   *
   * <p>Violations: pointer relative to the record ({@code /sfzh}), core's rule
   * ({@code x-govdx-identifier:gb11643/check-digit}, {@code x-govdx-codeTable:GB/T 2261.1}, {@code pattern})
   * and code ({@code GDX-1408}).
   *
   * @return the validator
   */
  static RecordValidator govdx() {
    return GovdxRecordValidator.INSTANCE;
  }

  /**
   * Plain JSON Schema: the resource's {@code schema} run by the networknt validator as standard draft 2020-12,
   * with the govdx keywords treated as annotations, i.e. <em>not</em> checked (no code tables, no identifier
   * check characters, no calendar or precision checks). A resource without a schema is not checked. Use it
   * only for a provider whose schema {@link #govdx()} cannot use; violations carry rule
   * {@code jsonSchema.<keyword>} and no code.
   *
   * @return the validator
   */
  static RecordValidator plainJsonSchema() {
    return JsonSchemaRecordValidator.INSTANCE;
  }

  /**
   * The former default, which never checked the govdx keywords although its name suggested the whole schema.
   *
   * @return {@link #plainJsonSchema()}
   * @deprecated use {@link #govdx()} (the default) or, knowingly, {@link #plainJsonSchema()}
   */
  @Deprecated
  static RecordValidator jsonSchema() {
    return plainJsonSchema();
  }
}
