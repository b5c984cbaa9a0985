package io.github.govdx.client.catalog;

import io.github.govdx.client.PageRequest;
import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import java.util.Optional;

/**
 * The filters of a catalog search ({@code GET /v1/catalog/resources}, {@code docs/protocol.md} section 6.1).
 * Every filter is optional; an empty request lists the whole catalog. {@code build()} throws {@link
 * IllegalArgumentException} for a page size outside 1 to 100.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class SearchCatalogRequest implements PageRequest {

  SearchCatalogRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return words matched against resource name and summary, or empty */
  public abstract Optional<String> query();

  /** @return the provider department, or empty */
  public abstract Optional<PartyId> provider();

  /** @return the share type, or empty */
  public abstract Optional<ShareType> shareType();

  /** @return a prefix of the resource code's class code (前段码), or empty */
  public abstract Optional<String> classCode();

  /** @return the update cycle, e.g. {@code daily}, or empty */
  public abstract Optional<String> updateCycle();

  /** @return the resource format, e.g. {@code interface}, or empty */
  public abstract Optional<String> format();

  /**
   * Builds a {@link SearchCatalogRequest}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutableSearchCatalogRequest.Builder {
    Builder() {}
  }
}
