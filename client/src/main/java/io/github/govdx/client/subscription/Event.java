package io.github.govdx.client.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event of a subscription's feed ({@code docs/protocol.md} section 11). Delivery is at least once: de-duplicate
 * by {@link #eventId()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Event {

  private final String eventId;
  private final String type;
  private final String resourceCode;
  private final Instant occurredAt;
  private final JsonNode data;

  private Event(Builder b) {
    if (b.eventId == null) {
      throw new IllegalStateException("Event: missing eventId");
    }
    this.eventId = b.eventId;
    if (b.type == null) {
      throw new IllegalStateException("Event: missing type");
    }
    this.type = b.type;
    if (b.resourceCode == null) {
      throw new IllegalStateException("Event: missing resourceCode");
    }
    this.resourceCode = b.resourceCode;
    if (b.occurredAt == null) {
      throw new IllegalStateException("Event: missing occurredAt");
    }
    this.occurredAt = b.occurredAt;
    if (b.data == null) {
      throw new IllegalStateException("Event: missing data");
    }
    this.data = b.data;
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
    b.eventId = eventId;
    b.type = type;
    b.resourceCode = resourceCode;
    b.occurredAt = occurredAt;
    b.data = data;
    return b;
  }

  /**
   * The unique event id.
   *
   * @return the value
   */
  public String eventId() {
    return eventId;
  }

  /**
   * The event type, e.g. {@code data.updated}.
   *
   * @return the value
   */
  public String type() {
    return type;
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
   * When it happened.
   *
   * @return the value
   */
  public Instant occurredAt() {
    return occurredAt;
  }

  /**
   * The type-specific data.
   *
   * @return the value
   */
  public JsonNode data() {
    return data;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Event)) {
      return false;
    }
    Event that = (Event) o;
    return Objects.equals(eventId, that.eventId)
        && Objects.equals(type, that.type)
        && Objects.equals(resourceCode, that.resourceCode)
        && Objects.equals(occurredAt, that.occurredAt)
        && Objects.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventId, type, resourceCode, occurredAt, data);
  }

  @Override
  public String toString() {
    return "Event{"
        + "eventId="
        + eventId
        + ", "
        + "type="
        + type
        + ", "
        + "resourceCode="
        + resourceCode
        + ", "
        + "occurredAt="
        + occurredAt
        + "}";
  }

  /** Builds a {@link Event}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String eventId;
    private @Nullable String type;
    private @Nullable String resourceCode;
    private @Nullable Instant occurredAt;
    private @Nullable JsonNode data;

    private Builder() {}

    /**
     * Sets: the unique event id.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder eventId(String value) {
      Objects.requireNonNull(value, "eventId == null");
      this.eventId = value;
      return this;
    }

    /**
     * Sets: the event type, e.g. {@code data.updated}.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder type(String value) {
      Objects.requireNonNull(value, "type == null");
      this.type = value;
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
     * Sets: when it happened.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder occurredAt(Instant value) {
      Objects.requireNonNull(value, "occurredAt == null");
      this.occurredAt = value;
      return this;
    }

    /**
     * Sets: the type-specific data.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder data(JsonNode value) {
      Objects.requireNonNull(value, "data == null");
      this.data = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the Event
     * @throws IllegalStateException if a required field is missing
     */
    public Event build() {
      return new Event(this);
    }
  }
}
