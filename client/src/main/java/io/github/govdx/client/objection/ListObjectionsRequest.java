package io.github.govdx.client.objection;

import io.github.govdx.client.CaseListRequest;
import io.github.govdx.client.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * Filters for listing objections ({@code GET /v1/objections}, {@code docs/protocol.md} section 12.2); {@code
 * build()} throws {@link IllegalArgumentException} for a page size outside 1 to 100.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class ListObjectionsRequest implements CaseListRequest<ObjectionState> {

  ListObjectionsRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return {@code true} for the objections addressed to the caller as provider; {@code false} (the default) for its own */
  @Value.Default
  public boolean asProvider() {
    return false;
  }

  /** Builds a {@link ListObjectionsRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableListObjectionsRequest.Builder {
    Builder() {}
  }
}
