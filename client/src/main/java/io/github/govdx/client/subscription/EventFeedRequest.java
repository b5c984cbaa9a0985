package io.github.govdx.client.subscription;

import io.github.govdx.client.internal.ValueStyle;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A read of a subscription's event feed ({@code GET /v1/subscriptions/{id}/events}, {@code docs/protocol.md}
 * section 11.3). With {@code waitFor} the call long-polls: it returns as soon as an event arrives, or empty
 * after the wait. {@code build()} throws {@link IllegalArgumentException} for a limit outside 1 to 500 or a wait
 * outside 0 to 60 seconds.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class EventFeedRequest {

  EventFeedRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the subscription */
  public abstract String subscriptionId();

  /** @return where to continue, or empty for after the last acknowledged event */
  public abstract Optional<String> cursor();

  /** @return at most this many events, 1 to 500, or empty */
  public abstract Optional<Integer> limit();

  /** @return how long the server may hold the call when no event is available, 0 to 60 s, or empty */
  public abstract Optional<Duration> waitFor();

  @Value.Check
  void checkBounds() {
    if (limit().filter(n -> n < 1 || n > 500).isPresent()) {
      throw new IllegalArgumentException("limit must be 1-500: " + limit().get());
    }
    if (waitFor()
        .filter(d -> d.isNegative() || d.compareTo(Duration.ofSeconds(60)) > 0)
        .isPresent()) {
      throw new IllegalArgumentException("waitFor must be 0-60 s: " + waitFor().get());
    }
  }

  /**
   * Builds an {@link EventFeedRequest}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutableEventFeedRequest.Builder {
    Builder() {}
  }
}
