package io.github.govdx.client.application;

import io.github.govdx.client.IdempotentRequest;
import io.github.govdx.client.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * An application for access to a conditionally shared resource ({@code POST /v1/applications}, {@code
 * docs/protocol.md} section 8.1). {@code build()} throws {@link IllegalStateException} naming a missing
 * attribute and {@link IllegalArgumentException} for a purpose outside 1 to 500 characters or a malformed
 * idempotency key.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class ApplyRequest implements IdempotentRequest, ApplicationTerms {

  ApplyRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  @Value.Check
  void checkPurpose() {
    if (purpose().isEmpty() || purpose().length() > 500) {
      throw new IllegalArgumentException("purpose must have 1-500 characters");
    }
  }

  /** Builds an {@link ApplyRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableApplyRequest.Builder {
    Builder() {}
  }
}
