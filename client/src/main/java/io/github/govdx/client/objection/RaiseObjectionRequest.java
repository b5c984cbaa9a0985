package io.github.govdx.client.objection;

import io.github.govdx.client.EnvelopeDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A data-quality objection (数据异议) citing the message that carried the disputed data by its id and
 * envelope digest ({@code POST /v1/objections}, {@code docs/protocol.md} section 12.1). The description must not
 * contain personal data.
 *
 * <p>Immutable and thread-safe.
 */
public final class RaiseObjectionRequest {

  private final String resourceCode;
  private final String messageId;
  private final EnvelopeDigest digest;
  private final List<String> pointers;
  private final ObjectionCategory category;
  private final String description;
  private final @Nullable String idempotencyKey;

  private RaiseObjectionRequest(Builder b) {
    if (b.resourceCode == null) {
      throw new IllegalStateException("RaiseObjectionRequest: missing resourceCode");
    }
    this.resourceCode = b.resourceCode;
    if (b.messageId == null) {
      throw new IllegalStateException("RaiseObjectionRequest: missing messageId");
    }
    this.messageId = b.messageId;
    if (b.digest == null) {
      throw new IllegalStateException("RaiseObjectionRequest: missing digest");
    }
    this.digest = b.digest;
    this.pointers = List.copyOf(b.pointers);
    if (b.category == null) {
      throw new IllegalStateException("RaiseObjectionRequest: missing category");
    }
    this.category = b.category;
    if (b.description == null) {
      throw new IllegalStateException("RaiseObjectionRequest: missing description");
    }
    this.description = b.description;
    this.idempotencyKey = b.idempotencyKey;
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
    b.resourceCode = resourceCode;
    b.messageId = messageId;
    b.digest = digest;
    b.pointers.addAll(pointers);
    b.category = category;
    b.description = description;
    b.idempotencyKey = idempotencyKey;
    return b;
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
   * The message id of the envelope that carried the data.
   *
   * @return the value
   */
  public String messageId() {
    return messageId;
  }

  /**
   * The digest of that envelope as received.
   *
   * @return the value
   */
  public EnvelopeDigest digest() {
    return digest;
  }

  /**
   * JSON Pointers into the disputed payload, e.g. {@code /records/0/xb}.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<String> pointers() {
    return pointers;
  }

  /**
   * What is wrong.
   *
   * @return the value
   */
  public ObjectionCategory category() {
    return category;
  }

  /**
   * What is wrong, 1 to 1000 characters, without personal data.
   *
   * @return the value
   */
  public String description() {
    return description;
  }

  /**
   * The idempotency key (a random one is used when absent).
   *
   * @return the value, or empty when absent
   */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RaiseObjectionRequest)) {
      return false;
    }
    RaiseObjectionRequest that = (RaiseObjectionRequest) o;
    return Objects.equals(resourceCode, that.resourceCode)
        && Objects.equals(messageId, that.messageId)
        && Objects.equals(digest, that.digest)
        && Objects.equals(pointers, that.pointers)
        && Objects.equals(category, that.category)
        && Objects.equals(description, that.description)
        && Objects.equals(idempotencyKey, that.idempotencyKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        resourceCode, messageId, digest, pointers, category, description, idempotencyKey);
  }

  @Override
  public String toString() {
    return "RaiseObjectionRequest{"
        + "resourceCode="
        + resourceCode
        + ", "
        + "messageId="
        + messageId
        + ", "
        + "digest="
        + digest
        + ", "
        + "pointers="
        + pointers
        + ", "
        + "category="
        + category
        + ", "
        + "description="
        + description
        + ", "
        + "idempotencyKey="
        + idempotencyKey
        + "}";
  }

  /** Builds a {@link RaiseObjectionRequest}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String resourceCode;
    private @Nullable String messageId;
    private @Nullable EnvelopeDigest digest;
    private final List<String> pointers = new ArrayList<>();
    private @Nullable ObjectionCategory category;
    private @Nullable String description;
    private @Nullable String idempotencyKey;

    private Builder() {}

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
     * Sets: the message id of the envelope that carried the data.
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
     * Sets: the digest of that envelope as received.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder digest(EnvelopeDigest value) {
      Objects.requireNonNull(value, "digest == null");
      this.digest = value;
      return this;
    }

    /**
     * Sets: jSON Pointers into the disputed payload, e.g. {@code /records/0/xb}.
     *
     * @param values the values (replacing earlier ones)
     * @return this builder
     * @throws NullPointerException if {@code values} is or holds null
     */
    public Builder pointers(java.util.Collection<? extends String> values) {
      List<String> copy = List.copyOf(Objects.requireNonNull(values, "values == null"));
      this.pointers.clear();
      this.pointers.addAll(copy);
      return this;
    }

    /**
     * Sets: what is wrong.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder category(ObjectionCategory value) {
      Objects.requireNonNull(value, "category == null");
      this.category = value;
      return this;
    }

    /**
     * Sets: what is wrong, 1 to 1000 characters, without personal data.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder description(String value) {
      Objects.requireNonNull(value, "description == null");
      if (value.isEmpty() || value.length() > 1000) {
        throw new IllegalArgumentException("description must have 1-1000 characters");
      }
      this.description = value;
      return this;
    }

    /**
     * Sets: the idempotency key (a random one is used when absent).
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder idempotencyKey(@Nullable String value) {
      if (value != null) {
        io.github.govdx.client.internal.Keys.checkIdempotencyKey(value);
      }
      this.idempotencyKey = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the RaiseObjectionRequest
     * @throws IllegalStateException if a required field is missing
     */
    public RaiseObjectionRequest build() {
      return new RaiseObjectionRequest(this);
    }
  }
}
