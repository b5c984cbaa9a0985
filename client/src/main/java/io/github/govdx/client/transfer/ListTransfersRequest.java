package io.github.govdx.client.transfer;

import io.github.govdx.client.PageRequest;
import io.github.govdx.client.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which transfers to list ({@code GET /v1/transfers}): those we receive (the default) or send, optionally by state
 * and resource. {@code build()} throws {@link IllegalArgumentException} for a page size outside 1 to 100.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class ListTransfersRequest implements PageRequest {

  ListTransfersRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return {@code true} to list the transfers we send; default those we receive */
  @Value.Default
  public boolean sent() {
    return false;
  }

  /** @return the state, or empty for any */
  public abstract Optional<TransferState> state();

  /** @return the resource code, or empty for any */
  public abstract Optional<String> resourceCode();

  /** Builds a {@link ListTransfersRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableListTransfersRequest.Builder {
    Builder() {}
  }
}
