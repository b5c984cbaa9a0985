package io.github.govdx.client.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.core.party.PartyId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A pushed batch as the provider's handler sees it ({@code docs/protocol.md} section 10).
 * {@link #toString()} shows the record count only.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProviderPush {

  private final PartyId caller;
  private final String resourceCode;
  private final List<JsonNode> records;
  private final String idempotencyKey;
  private final String messageId;

  private ProviderPush(Builder b) {
    if (b.caller == null) {
      throw new IllegalStateException("ProviderPush: missing caller");
    }
    this.caller = b.caller;
    if (b.resourceCode == null) {
      throw new IllegalStateException("ProviderPush: missing resourceCode");
    }
    this.resourceCode = b.resourceCode;
    this.records = List.copyOf(b.records);
    if (b.idempotencyKey == null) {
      throw new IllegalStateException("ProviderPush: missing idempotencyKey");
    }
    this.idempotencyKey = b.idempotencyKey;
    if (b.messageId == null) {
      throw new IllegalStateException("ProviderPush: missing messageId");
    }
    this.messageId = b.messageId;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised with this object's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.caller = caller;
    b.resourceCode = resourceCode;
    b.records.addAll(records);
    b.idempotencyKey = idempotencyKey;
    b.messageId = messageId;
    return b;
  }

  /**
   * The verified sending party.
   *
   * @return the value
   */
  public PartyId caller() {
    return caller;
  }

  /**
   * The resource.
   *
   * @return the value
   */
  public String resourceCode() {
    return resourceCode;
  }

  /**
   * The records, already validated.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<JsonNode> records() {
    return records;
  }

  /**
   * The idempotency key.
   *
   * @return the value
   */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /**
   * The message id of the push envelope.
   *
   * @return the value
   */
  public String messageId() {
    return messageId;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ProviderPush)) {
      return false;
    }
    ProviderPush that = (ProviderPush) o;
    return Objects.equals(caller, that.caller)
        && Objects.equals(resourceCode, that.resourceCode)
        && Objects.equals(records, that.records)
        && Objects.equals(idempotencyKey, that.idempotencyKey)
        && Objects.equals(messageId, that.messageId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(caller, resourceCode, records, idempotencyKey, messageId);
  }

  @Override
  public String toString() {
    return "ProviderPush{"
        + "caller="
        + caller
        + ", "
        + "resourceCode="
        + resourceCode
        + ", "
        + "records="
        + records.size()
        + ", "
        + "idempotencyKey="
        + idempotencyKey
        + ", "
        + "messageId="
        + messageId
        + "}";
  }

  /** Builds a {@link ProviderPush}. Not thread-safe. */
  public static final class Builder {

    private @Nullable PartyId caller;
    private @Nullable String resourceCode;
    private final List<JsonNode> records = new ArrayList<>();
    private @Nullable String idempotencyKey;
    private @Nullable String messageId;

    private Builder() {}

    /**
     * Sets: the verified sending party.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder caller(PartyId value) {
      Objects.requireNonNull(value, "caller == null");
      this.caller = value;
      return this;
    }

    /**
     * Sets: the resource.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder resourceCode(String value) {
      Objects.requireNonNull(value, "resourceCode == null");
      this.resourceCode = value;
      return this;
    }

    /**
     * Sets: the records, already validated.
     *
     * @param values the values (replacing earlier ones)
     * @return this builder
     * @throws NullPointerException if {@code values} is or holds null
     */
    public Builder records(java.util.Collection<? extends JsonNode> values) {
      List<JsonNode> copy = List.copyOf(Objects.requireNonNull(values, "values == null"));
      this.records.clear();
      this.records.addAll(copy);
      return this;
    }

    /**
     * Sets: the idempotency key.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder idempotencyKey(String value) {
      Objects.requireNonNull(value, "idempotencyKey == null");
      this.idempotencyKey = value;
      return this;
    }

    /**
     * Sets: the message id of the push envelope.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder messageId(String value) {
      Objects.requireNonNull(value, "messageId == null");
      this.messageId = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the ProviderPush
     * @throws IllegalStateException if a required field is missing
     */
    public ProviderPush build() {
      return new ProviderPush(this);
    }
  }
}
