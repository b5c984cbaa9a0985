package io.github.govdx.client.objection;

import io.github.govdx.client.CaseDecision;
import io.github.govdx.client.internal.ValueStyle;

/**
 * A provider's answer to an objection ({@code POST /v1/objections/{id}/decision}, {@code docs/protocol.md}
 * section 12.3): move it to {@code under_review}, {@code resolved} or {@code rejected}, with the resolution or
 * reason (required for resolved and rejected). {@code build()} throws {@link IllegalArgumentException} for any
 * other state.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class DecideObjectionRequest implements CaseDecision<ObjectionState> {

  DecideObjectionRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the objection */
  public abstract String objectionId();

  /** Builds a {@link DecideObjectionRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableDecideObjectionRequest.Builder {
    Builder() {}
  }
}
