package io.github.govdx.client.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.internal.ValueStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A query as the provider's handler sees it: verified caller, resource, filters and paging ({@code
 * docs/protocol.md} section 9). {@link #toString()} never shows the filter.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class ProviderQuery implements VerifiedCall {

  ProviderQuery() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the filter object (item name to value) */
  @Value.Redacted
  public abstract JsonNode filter();

  /** @return the items asked for, unmodifiable; empty means all */
  public abstract List<String> items();

  /** @return the page size (1 to 1000, default 100) */
  @Value.Default
  public int pageSize() {
    return 100;
  }

  /** @return the page token from a previous answer, or empty */
  public abstract Optional<String> pageToken();

  /** @return the stated purpose, or empty */
  public abstract Optional<String> purpose();

  /**
   * Builds a {@link ProviderQuery}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutableProviderQuery.Builder {
    Builder() {}
  }
}
