package io.github.govdx.client.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import java.util.List;
import java.util.Optional;

/**
 * A catalog entry in full: metadata, items, the actions its provider accepts and the record schema ({@code GET
 * /v1/catalog/resources/{classCode}/{sequence}}, {@code docs/protocol.md} section 6.2).
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class ResourceDetail {

  ResourceDetail() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the listing fields (code, name, provider, share type ...) */
  public abstract ResourceSummary summary();

  /** @return the conditions of conditional sharing (共享条件), or empty */
  public abstract Optional<String> shareConditions();

  /** @return what the provider accepts: {@code query}, {@code push}; unmodifiable */
  public abstract List<String> actions();

  /** @return the information items, unmodifiable */
  public abstract List<ResourceItem> items();

  /** @return the JSON Schema (draft 2020-12 with govdx keywords) of one record, or empty */
  public abstract Optional<JsonNode> schema();

  /** @return the resource code, from the summary */
  public String resourceCode() {
    return summary().resourceCode();
  }

  /** @return the provider, from the summary */
  public PartyId provider() {
    return summary().provider();
  }

  /**
   * Builds a {@link ResourceDetail}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutableResourceDetail.Builder {
    Builder() {}
  }
}
