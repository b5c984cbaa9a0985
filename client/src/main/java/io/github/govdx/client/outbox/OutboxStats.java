package io.github.govdx.client.outbox;

import io.github.govdx.client.internal.ValueStyle;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** How many entries an outbox holds in each state, and how old its oldest undelivered entry is. */
@ValueStyle
public abstract class OutboxStats {

  OutboxStats() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the number of entries per state (every state present, zero when none) */
  public abstract Map<OutboxState, Long> counts();

  /** @return when the oldest entry that is pending or in flight was submitted */
  public abstract Optional<Instant> oldestUndelivered();

  /**
   * The number of entries in a state.
   *
   * @param state the state
   * @return the count
   */
  public long count(OutboxState state) {
    return counts().getOrDefault(state, 0L);
  }

  /**
   * Builds an {@link OutboxStats}; {@code build()} throws {@link IllegalStateException} naming any missing
   * attribute. Not thread-safe.
   */
  public static final class Builder extends ImmutableOutboxStats.Builder {
    Builder() {}
  }
}
