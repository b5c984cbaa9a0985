package io.github.govdx.client.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The events returned by one feed read and the cursor to continue from ({@code docs/protocol.md} section 11.3).
 *
 * <p>Immutable and thread-safe.
 */
public final class EventPage {

  private final List<Event> events;
  private final String nextCursor;

  private EventPage(Builder b) {
    this.events = List.copyOf(b.events);
    if (b.nextCursor == null) {
      throw new IllegalStateException("EventPage: missing nextCursor");
    }
    this.nextCursor = b.nextCursor;
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
    b.events.addAll(events);
    b.nextCursor = nextCursor;
    return b;
  }

  /**
   * The events, in order; empty when a long poll timed out.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<Event> events() {
    return events;
  }

  /**
   * The cursor after the last event (to read on, and to acknowledge).
   *
   * @return the value
   */
  public String nextCursor() {
    return nextCursor;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EventPage)) {
      return false;
    }
    EventPage that = (EventPage) o;
    return Objects.equals(events, that.events) && Objects.equals(nextCursor, that.nextCursor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(events, nextCursor);
  }

  @Override
  public String toString() {
    return "EventPage{" + "events=" + events + ", " + "nextCursor=" + nextCursor + "}";
  }

  /** Builds a {@link EventPage}. Not thread-safe. */
  public static final class Builder {

    private final List<Event> events = new ArrayList<>();
    private @Nullable String nextCursor;

    private Builder() {}

    /**
     * Sets: the events, in order; empty when a long poll timed out.
     *
     * @param values the values (replacing earlier ones)
     * @return this builder
     * @throws NullPointerException if {@code values} is or holds null
     */
    public Builder events(java.util.Collection<? extends Event> values) {
      List<Event> copy = List.copyOf(Objects.requireNonNull(values, "values == null"));
      this.events.clear();
      this.events.addAll(copy);
      return this;
    }

    /**
     * Sets: the cursor after the last event (to read on, and to acknowledge).
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder nextCursor(String value) {
      Objects.requireNonNull(value, "nextCursor == null");
      this.nextCursor = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the EventPage
     * @throws IllegalStateException if a required field is missing
     */
    public EventPage build() {
      return new EventPage(this);
    }
  }
}
