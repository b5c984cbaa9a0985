package io.github.govdx.client.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.internal.Json;
import io.github.govdx.client.internal.Keys;
import io.github.govdx.core.party.PartyId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A batch of records to push to a resource's provider ({@code POST /v1/data/{classCode}/{sequence}/batches},
 * {@code docs/protocol.md} section 10). The idempotency key makes the push safe to retry: choose it once per
 * batch and keep it (and the request) to retry after a failed call — the client re-sends the identical
 * envelope for the same key, so the batch is stored exactly once. {@link #toString()} never shows records.
 *
 * <p>Immutable and thread-safe.
 */
public final class PushRequest {

  private final String resourceCode;
  private final List<JsonNode> records;
  private final String idempotencyKey;
  private final @Nullable PartyId provider;

  private PushRequest(Builder b) {
    if (b.resourceCode == null) {
      throw new IllegalStateException("PushRequest: missing resourceCode");
    }
    if (b.records.isEmpty()) {
      throw new IllegalStateException("PushRequest: missing records (1 to 10000)");
    }
    this.resourceCode = b.resourceCode;
    this.records = b.records.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    this.idempotencyKey = b.idempotencyKey != null ? b.idempotencyKey : Keys.newIdempotencyKey();
    this.provider = b.provider;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the resource code */
  public String resourceCode() {
    return resourceCode;
  }

  /** @return copies of the records (each call returns fresh copies; the request itself never changes) */
  public List<JsonNode> records() {
    return records.stream().<JsonNode>map(JsonNode::deepCopy).collect(Collectors.toList());
  }

  /** @return the number of records */
  public int size() {
    return records.size();
  }

  /** @return the idempotency key (given, or generated once at build time) */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /** @return the provider to address, or empty to take it from the catalog entry */
  public Optional<PartyId> provider() {
    return Optional.ofNullable(provider);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PushRequest that
        && resourceCode.equals(that.resourceCode)
        && records.equals(that.records)
        && idempotencyKey.equals(that.idempotencyKey)
        && Objects.equals(provider, that.provider);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resourceCode, records, idempotencyKey, provider);
  }

  /** Shows the record count, never the records. */
  @Override
  public String toString() {
    return "PushRequest{resourceCode="
        + resourceCode
        + ", records="
        + records.size()
        + ", idempotencyKey="
        + idempotencyKey
        + "}";
  }

  /** Builds a {@link PushRequest}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String resourceCode;
    private final List<JsonNode> records = new ArrayList<>();
    private @Nullable String idempotencyKey;
    private @Nullable PartyId provider;

    private Builder() {}

    /**
     * Sets the resource.
     *
     * @param value the resource code
     * @return this builder
     * @throws IllegalArgumentException if malformed
     */
    public Builder resourceCode(String value) {
      this.resourceCode = Keys.checkResourceCode(value);
      return this;
    }

    /**
     * Adds a record: a Jackson object node, or any object Jackson maps to a JSON object.
     *
     * @param record the record
     * @return this builder
     * @throws IllegalArgumentException if it does not map to a JSON object, or the batch exceeds 10,000
     */
    public Builder addRecord(Object record) {
      Objects.requireNonNull(record, "record == null");
      JsonNode n =
          record instanceof JsonNode
              ? ((JsonNode) record).deepCopy()
              : Json.MAPPER.valueToTree(record);
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException("a record must map to a JSON object");
      }
      if (records.size() == 10_000) {
        throw new IllegalArgumentException("a batch holds at most 10000 records");
      }
      records.add(n);
      return this;
    }

    /**
     * Adds records.
     *
     * @param values the records
     * @return this builder
     */
    public Builder addRecords(Iterable<?> values) {
      for (Object v : values) {
        addRecord(v);
      }
      return this;
    }

    /**
     * Sets the idempotency key (16 to 128 of {@code [A-Za-z0-9._:-]}); a random UUID when not set.
     *
     * @param value the key
     * @return this builder
     * @throws IllegalArgumentException if malformed
     */
    public Builder idempotencyKey(String value) {
      this.idempotencyKey = Keys.checkIdempotencyKey(value);
      return this;
    }

    /**
     * Addresses a provider explicitly instead of taking it from the catalog entry.
     *
     * @param value the provider, or {@code null}
     * @return this builder
     */
    public Builder provider(@Nullable PartyId value) {
      this.provider = value;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalStateException if the resource code or every record is missing
     */
    public PushRequest build() {
      return new PushRequest(this);
    }
  }
}
