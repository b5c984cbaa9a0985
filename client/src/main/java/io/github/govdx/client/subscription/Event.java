package io.github.govdx.client.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.internal.ValueStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * One event of a subscription's feed ({@code docs/protocol.md} section 11). Delivery is at least once:
 * de-duplicate by {@link #eventId()}. {@link #toString()} leaves the data out.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class Event {

  Event() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the unique event id */
  public abstract String eventId();

  /** @return the event type, e.g. {@code data.updated} */
  public abstract String type();

  /** @return the resource */
  public abstract String resourceCode();

  /** @return when it happened */
  public abstract Instant occurredAt();

  /** @return the type-specific data */
  @Value.Redacted
  public abstract JsonNode data();

  /**
   * Builds an {@link Event}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutableEvent.Builder {
    Builder() {}
  }
}
