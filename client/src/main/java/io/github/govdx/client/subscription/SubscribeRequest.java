package io.github.govdx.client.subscription;

import io.github.govdx.client.IdempotentRequest;
import io.github.govdx.client.internal.ValueStyle;
import java.util.List;

/**
 * A subscription to a resource's events ({@code POST /v1/subscriptions}, {@code docs/protocol.md} section
 * 11.1). Event types: {@code data.updated}, {@code resource.changed}, {@code application.state_changed},
 * {@code objection.state_changed}; none given means all. {@code build()} throws {@link
 * IllegalArgumentException} for a malformed idempotency key.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class SubscribeRequest implements IdempotentRequest {

  SubscribeRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the resource */
  public abstract String resourceCode();

  /** @return the event types wanted, unmodifiable; empty means all */
  public abstract List<String> eventTypes();

  /**
   * Builds a {@link SubscribeRequest}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutableSubscribeRequest.Builder {
    Builder() {}
  }
}
