package io.github.govdx.client.application;

import io.github.govdx.client.CaseDecision;
import io.github.govdx.client.internal.ValueStyle;

/**
 * A provider's decision on an application ({@code POST /v1/applications/{id}/decision}, {@code
 * docs/protocol.md} section 8.5): move it to {@code under_review}, {@code approved} or {@code rejected}, with
 * a reason (required by the platform for a rejection). {@code build()} throws {@link
 * IllegalArgumentException} for any other state.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class DecideApplicationRequest implements CaseDecision<ApplicationState> {

  DecideApplicationRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the application */
  public abstract String applicationId();

  /** Builds a {@link DecideApplicationRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableDecideApplicationRequest.Builder {
    Builder() {}
  }
}
