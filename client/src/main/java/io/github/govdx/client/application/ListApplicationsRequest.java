package io.github.govdx.client.application;

import io.github.govdx.client.CaseListRequest;
import io.github.govdx.client.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * Filters for listing applications ({@code GET /v1/applications}, {@code docs/protocol.md} section 8.3);
 * {@code build()} throws {@link IllegalArgumentException} for a page size outside 1 to 100.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class ListApplicationsRequest implements CaseListRequest<ApplicationState> {

  ListApplicationsRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return whose applications: the caller's own (the default) or those addressed to it as provider */
  @Value.Default
  public ApplicationRole role() {
    return ApplicationRole.APPLICANT;
  }

  /** Builds a {@link ListApplicationsRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableListApplicationsRequest.Builder {
    Builder() {}
  }
}
