package io.github.govdx.client.subscription;

import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import java.util.List;

/**
 * A subscription ({@code docs/protocol.md} section 11).
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class Subscription {

  Subscription() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the platform's id */
  public abstract String subscriptionId();

  /** @return the resource */
  public abstract String resourceCode();

  /** @return the event types delivered, unmodifiable; empty means all */
  public abstract List<String> eventTypes();

  /** @return the subscribing party */
  public abstract PartyId subscriber();

  /** @return the state, {@code active} */
  public abstract String state();

  /** @return when it was created */
  public abstract Instant createdAt();

  /**
   * Builds a {@link Subscription}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutableSubscription.Builder {
    Builder() {}
  }
}
