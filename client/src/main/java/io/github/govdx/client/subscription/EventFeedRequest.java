package io.github.govdx.client.subscription;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A read of a subscription's event feed ({@code GET /v1/subscriptions/{id}/events}, {@code docs/protocol.md}
 * section 11.3). With {@link Builder#waitFor(Duration)} the call long-polls: it returns as soon as an event
 * arrives, or empty after the wait.
 *
 * <p>Immutable and thread-safe.
 */
public final class EventFeedRequest {

  private final String subscriptionId;
  private final @Nullable String cursor;
  private final @Nullable Integer limit;
  private final @Nullable Duration waitFor;

  private EventFeedRequest(Builder b) {
    if (b.subscriptionId == null) {
      throw new IllegalStateException("EventFeedRequest: missing subscriptionId");
    }
    this.subscriptionId = b.subscriptionId;
    this.cursor = b.cursor;
    this.limit = b.limit;
    this.waitFor = b.waitFor;
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
    b.cursor = cursor;
    b.limit = limit;
    b.waitFor = waitFor;
    return b;
  }

  /**
   * The subscription.
   *
   * @return the value
   */
  public String subscriptionId() {
    return subscriptionId;
  }

  /**
   * Where to continue; absent means after the last acknowledged event.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  /**
   * At most this many events, 1 to 500.
   *
   * @return the value, or empty when absent
   */
  public Optional<Integer> limit() {
    return Optional.ofNullable(limit);
  }

  /**
   * How long the server may hold the call when no event is available, 0 to 60 s.
   *
   * @return the value, or empty when absent
   */
  public Optional<Duration> waitFor() {
    return Optional.ofNullable(waitFor);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EventFeedRequest)) {
      return false;
    }
    EventFeedRequest that = (EventFeedRequest) o;
    return Objects.equals(subscriptionId, that.subscriptionId)
        && Objects.equals(cursor, that.cursor)
        && Objects.equals(limit, that.limit)
        && Objects.equals(waitFor, that.waitFor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subscriptionId, cursor, limit, waitFor);
  }

  @Override
  public String toString() {
    return "EventFeedRequest{"
        + "subscriptionId="
        + subscriptionId
        + ", "
        + "cursor="
        + cursor
        + ", "
        + "limit="
        + limit
        + ", "
        + "waitFor="
        + waitFor
        + "}";
  }

  /** Builds a {@link EventFeedRequest}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String subscriptionId;
    private @Nullable String cursor;
    private @Nullable Integer limit;
    private @Nullable Duration waitFor;

    private Builder() {}

    /**
     * Sets: the subscription.
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
     * Sets: where to continue; absent means after the last acknowledged event.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder cursor(@Nullable String value) {
      this.cursor = value;
      return this;
    }

    /**
     * Sets: at most this many events, 1 to 500.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder limit(@Nullable Integer value) {
      if (value != null && (value < 1 || value > 500)) {
        throw new IllegalArgumentException("limit must be 1-500: " + value);
      }
      this.limit = value;
      return this;
    }

    /**
     * Sets: how long the server may hold the call when no event is available, 0 to 60 s.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder waitFor(@Nullable Duration value) {
      if (value != null && (value.isNegative() || value.compareTo(Duration.ofSeconds(60)) > 0)) {
        throw new IllegalArgumentException("waitFor must be 0-60 s: " + value);
      }
      this.waitFor = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the EventFeedRequest
     * @throws IllegalStateException if a required field is missing
     */
    public EventFeedRequest build() {
      return new EventFeedRequest(this);
    }
  }
}
