package io.github.govdx.client.objection;

import io.github.govdx.client.IdempotentRequest;
import io.github.govdx.client.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * A data-quality objection (数据异议) citing the message that carried the disputed data by its id and
 * envelope digest ({@code POST /v1/objections}, {@code docs/protocol.md} section 12.1). The description must not
 * contain personal data. {@code build()} throws {@link IllegalStateException} naming a missing attribute and
 * {@link IllegalArgumentException} for a description outside 1 to 1000 characters or a malformed idempotency
 * key.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class RaiseObjectionRequest implements IdempotentRequest, ObjectionGrounds {

  RaiseObjectionRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  @Value.Check
  void checkDescription() {
    if (description().isEmpty() || description().length() > 1000) {
      throw new IllegalArgumentException("description must have 1-1000 characters");
    }
  }

  /** Builds a {@link RaiseObjectionRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableRaiseObjectionRequest.Builder {
    Builder() {}
  }
}
