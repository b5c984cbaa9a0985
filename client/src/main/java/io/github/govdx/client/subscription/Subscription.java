package io.github.govdx.client.subscription;

import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A subscription ({@code docs/protocol.md} section 11).
 *
 * <p>Immutable and thread-safe.
 */
public final class Subscription {

  private final String subscriptionId;
  private final String resourceCode;
  private final List<String> eventTypes;
  private final PartyId subscriber;
  private final String state;
  private final Instant createdAt;

  private Subscription(Builder b) {
    if (b.subscriptionId == null) {
      throw new IllegalStateException("Subscription: missing subscriptionId");
    }
    this.subscriptionId = b.subscriptionId;
    if (b.resourceCode == null) {
      throw new IllegalStateException("Subscription: missing resourceCode");
    }
    this.resourceCode = b.resourceCode;
    this.eventTypes = List.copyOf(b.eventTypes);
    if (b.subscriber == null) {
      throw new IllegalStateException("Subscription: missing subscriber");
    }
    this.subscriber = b.subscriber;
    if (b.state == null) {
      throw new IllegalStateException("Subscription: missing state");
    }
    this.state = b.state;
    if (b.createdAt == null) {
      throw new IllegalStateException("Subscription: missing createdAt");
    }
    this.createdAt = b.createdAt;
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
    b.subscriptionId = subscriptionId;
    b.resourceCode = resourceCode;
    b.eventTypes.addAll(eventTypes);
    b.subscriber = subscriber;
    b.state = state;
    b.createdAt = createdAt;
    return b;
  }

  /**
   * The platform's id.
   *
   * @return the value
   */
  public String subscriptionId() {
    return subscriptionId;
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
   * The event types delivered; empty means all.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<String> eventTypes() {
    return eventTypes;
  }

  /**
   * The subscribing party.
   *
   * @return the value
   */
  public PartyId subscriber() {
    return subscriber;
  }

  /**
   * The state, {@code active}.
   *
   * @return the value
   */
  public String state() {
    return state;
  }

  /**
   * When it was created.
   *
   * @return the value
   */
  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Subscription)) {
      return false;
    }
    Subscription that = (Subscription) o;
    return Objects.equals(subscriptionId, that.subscriptionId)
        && Objects.equals(resourceCode, that.resourceCode)
        && Objects.equals(eventTypes, that.eventTypes)
        && Objects.equals(subscriber, that.subscriber)
        && Objects.equals(state, that.state)
        && Objects.equals(createdAt, that.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subscriptionId, resourceCode, eventTypes, subscriber, state, createdAt);
  }

  @Override
  public String toString() {
    return "Subscription{"
        + "subscriptionId="
        + subscriptionId
        + ", "
        + "resourceCode="
        + resourceCode
        + ", "
        + "eventTypes="
        + eventTypes
        + ", "
        + "subscriber="
        + subscriber
        + ", "
        + "state="
        + state
        + ", "
        + "createdAt="
        + createdAt
        + "}";
  }

  /** Builds a {@link Subscription}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String subscriptionId;
    private @Nullable String resourceCode;
    private final List<String> eventTypes = new ArrayList<>();
    private @Nullable PartyId subscriber;
    private @Nullable String state;
    private @Nullable Instant createdAt;

    private Builder() {}

    /**
     * Sets: the platform's id.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder subscriptionId(String value) {
      Objects.requireNonNull(value, "subscriptionId == null");
      this.subscriptionId = value;
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
     * Sets: the event types delivered; empty means all.
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
     * Sets: the subscribing party.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder subscriber(PartyId value) {
      Objects.requireNonNull(value, "subscriber == null");
      this.subscriber = value;
      return this;
    }

    /**
     * Sets: the state, {@code active}.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder state(String value) {
      Objects.requireNonNull(value, "state == null");
      this.state = value;
      return this;
    }

    /**
     * Sets: when it was created.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder createdAt(Instant value) {
      Objects.requireNonNull(value, "createdAt == null");
      this.createdAt = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the Subscription
     * @throws IllegalStateException if a required field is missing
     */
    public Subscription build() {
      return new Subscription(this);
    }
  }
}
