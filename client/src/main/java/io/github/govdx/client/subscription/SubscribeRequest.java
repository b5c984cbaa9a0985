package io.github.govdx.client.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A subscription to a resource's events ({@code POST /v1/subscriptions}, {@code docs/protocol.md} section
 * 11.1). Event types: {@code data.updated}, {@code resource.changed}, {@code application.state_changed},
 * {@code objection.state_changed}; none given means all.
 *
 * <p>Immutable and thread-safe.
 */
public final class SubscribeRequest {

  private final String resourceCode;
  private final List<String> eventTypes;
  private final @Nullable String idempotencyKey;

  private SubscribeRequest(Builder b) {
    if (b.resourceCode == null) {
      throw new IllegalStateException("SubscribeRequest: missing resourceCode");
    }
    this.resourceCode = b.resourceCode;
    this.eventTypes = List.copyOf(b.eventTypes);
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
    b.eventTypes.addAll(eventTypes);
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
   * The event types wanted; empty means all.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<String> eventTypes() {
    return eventTypes;
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
    if (!(o instanceof SubscribeRequest)) {
      return false;
    }
    SubscribeRequest that = (SubscribeRequest) o;
    return Objects.equals(resourceCode, that.resourceCode)
        && Objects.equals(eventTypes, that.eventTypes)
        && Objects.equals(idempotencyKey, that.idempotencyKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resourceCode, eventTypes, idempotencyKey);
  }

  @Override
  public String toString() {
    return "SubscribeRequest{"
        + "resourceCode="
        + resourceCode
        + ", "
        + "eventTypes="
        + eventTypes
        + ", "
        + "idempotencyKey="
        + idempotencyKey
        + "}";
  }

  /** Builds a {@link SubscribeRequest}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String resourceCode;
    private final List<String> eventTypes = new ArrayList<>();
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
     * Sets: the event types wanted; empty means all.
     *
     * @param values the values (replacing earlier ones)
     * @return this builder
     * @throws NullPointerException if {@code values} is or holds null
     */
    public Builder eventTypes(java.util.Collection<? extends String> values) {
      List<String> copy = List.copyOf(Objects.requireNonNull(values, "values == null"));
      this.eventTypes.clear();
      this.eventTypes.addAll(copy);
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
     * @return the SubscribeRequest
     * @throws IllegalStateException if a required field is missing
     */
    public SubscribeRequest build() {
      return new SubscribeRequest(this);
    }
  }
}
