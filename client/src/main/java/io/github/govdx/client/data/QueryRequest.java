package io.github.govdx.client.data;

import io.github.govdx.client.internal.Keys;
import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A sealed data query ({@code POST /v1/data/{classCode}/{sequence}/query}, {@code docs/protocol.md} section 9):
 * exact-match filters on items, the items to return, and paging. The filter values travel only inside the
 * sealed envelope; {@link #toString()} shows the filtered item names, never the values. {@code build()} throws
 * {@link IllegalStateException} when the resource code or every filter is missing, and {@link
 * IllegalArgumentException} for a malformed resource code or a page size outside 1 to 1000.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class QueryRequest {

  QueryRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the resource code */
  public abstract String resourceCode();

  /** @return the exact-match filters, item name to value, in insertion order */
  public abstract Map<String, String> filter();

  /** @return the items to return; empty means all the caller may see */
  public abstract List<String> items();

  /** @return the page size (1 to 1000), or empty for the provider's default of 100 */
  public abstract Optional<Integer> pageSize();

  /** @return the page token from the previous result, or empty for the first page */
  public abstract Optional<String> pageToken();

  /** @return the purpose for the provider's audit log, or empty */
  public abstract Optional<String> purpose();

  /** @return the provider to address, or empty to take it from the catalog entry */
  public abstract Optional<PartyId> provider();

  @Value.Check
  void check() {
    Keys.checkResourceCode(resourceCode());
    if (filter().isEmpty()) {
      throw new IllegalStateException("QueryRequest: missing filter (at least one item)");
    }
    if (pageSize().filter(n -> n < 1 || n > 1000).isPresent()) {
      throw new IllegalArgumentException("pageSize must be 1-1000: " + pageSize().get());
    }
  }

  /** Shows the filtered item names, never the values. */
  @Override
  public String toString() {
    return "QueryRequest{resourceCode="
        + resourceCode()
        + ", filterItems="
        + filter().keySet()
        + ", items="
        + items()
        + ", pageSize="
        + pageSize().orElse(null)
        + ", hasPageToken="
        + pageToken().isPresent()
        + "}";
  }

  /**
   * Builds a {@link QueryRequest}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutableQueryRequest.Builder {
    Builder() {}

    /**
     * Adds an exact-match filter.
     *
     * @param item the item name
     * @param value the value it must equal
     * @return this builder
     */
    public Builder filter(String item, String value) {
      return putFilter(item, value);
    }
  }
}
