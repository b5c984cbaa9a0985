package io.github.govdx.client.subscription;

import io.github.govdx.client.internal.ValueStyle;
import java.util.List;

/**
 * The events returned by one feed read and the cursor to continue from ({@code docs/protocol.md} section 11.3).
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class EventPage {

  EventPage() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the events, in order, unmodifiable; empty when a long poll timed out */
  public abstract List<Event> events();

  /** @return the cursor after the last event (to read on, and to acknowledge) */
  public abstract String nextCursor();

  /**
   * Builds an {@link EventPage}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutableEventPage.Builder {
    Builder() {}
  }
}
