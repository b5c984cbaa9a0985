package io.github.govdx.client.data;

import io.github.govdx.client.internal.Keys;
import io.github.govdx.core.party.PartyId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sealed data query ({@code POST /v1/data/{classCode}/{sequence}/query}, {@code docs/protocol.md} section 9):
 * exact-match filters on items, the items to return, and paging. The filter values travel only inside the
 * sealed envelope; {@link #toString()} shows the filtered item names, never the values.
 *
 * <p>Immutable and thread-safe.
 */
public final class QueryRequest {

  private final String resourceCode;
  private final Map<String, String> filter;
  private final List<String> items;
  private final @Nullable Integer pageSize;
  private final @Nullable String pageToken;
  private final @Nullable String purpose;
  private final @Nullable PartyId provider;

  private QueryRequest(Builder b) {
    if (b.resourceCode == null) {
      throw new IllegalStateException("QueryRequest: missing resourceCode");
    }
    if (b.filter.isEmpty()) {
      throw new IllegalStateException("QueryRequest: missing filter (at least one item)");
    }
    this.resourceCode = b.resourceCode;
    this.filter = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.filter));
    this.items = List.copyOf(b.items);
    this.pageSize = b.pageSize;
    this.pageToken = b.pageToken;
    this.purpose = b.purpose;
    this.provider = b.provider;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with this request's values (e.g. to ask for the next page).
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.resourceCode = resourceCode;
    b.filter.putAll(filter);
    b.items.addAll(items);
    b.pageSize = pageSize;
    b.pageToken = pageToken;
    b.purpose = purpose;
    b.provider = provider;
    return b;
  }

  /** @return the resource code */
  public String resourceCode() {
    return resourceCode;
  }

  /** @return the exact-match filters, item name to value, in insertion order */
  public Map<String, String> filter() {
    return filter;
  }

  /** @return the items to return; empty means all the caller may see */
  public List<String> items() {
    return items;
  }

  /** @return the page size (1 to 1000), or empty for the provider's default of 100 */
  public Optional<Integer> pageSize() {
    return Optional.ofNullable(pageSize);
  }

  /** @return the page token from the previous result, or empty for the first page */
  public Optional<String> pageToken() {
    return Optional.ofNullable(pageToken);
  }

  /** @return the purpose for the provider's audit log, or empty */
  public Optional<String> purpose() {
    return Optional.ofNullable(purpose);
  }

  /** @return the provider to address, or empty to take it from the catalog entry */
  public Optional<PartyId> provider() {
    return Optional.ofNullable(provider);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof QueryRequest)) {
      return false;
    }
    QueryRequest that = (QueryRequest) o;
    return resourceCode.equals(that.resourceCode)
        && filter.equals(that.filter)
        && items.equals(that.items)
        && Objects.equals(pageSize, that.pageSize)
        && Objects.equals(pageToken, that.pageToken)
        && Objects.equals(purpose, that.purpose)
        && Objects.equals(provider, that.provider);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resourceCode, filter, items, pageSize, pageToken, purpose, provider);
  }

  /** Shows the filtered item names but never their values (they may be personal data). */
  @Override
  public String toString() {
    return "QueryRequest{resourceCode="
        + resourceCode
        + ", filterItems="
        + filter.keySet()
        + ", items="
        + items
        + ", pageSize="
        + pageSize
        + ", hasPageToken="
        + (pageToken != null)
        + "}";
  }

  /** Builds a {@link QueryRequest}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String resourceCode;
    private final Map<String, String> filter = new LinkedHashMap<>();
    private final List<String> items = new ArrayList<>();
    private @Nullable Integer pageSize;
    private @Nullable String pageToken;
    private @Nullable String purpose;
    private @Nullable PartyId provider;

    private Builder() {}

    /**
     * Sets the resource.
     *
     * @param value the resource code, {@code classCode/sequence}
     * @return this builder
     * @throws IllegalArgumentException if malformed
     */
    public Builder resourceCode(String value) {
      this.resourceCode = Keys.checkResourceCode(value);
      return this;
    }

    /**
     * Adds an exact-match filter.
     *
     * @param item the item name
     * @param value the value to match
     * @return this builder
     */
    public Builder filter(String item, String value) {
      filter.put(
          Objects.requireNonNull(item, "item == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Sets the items to return.
     *
     * @param names item names; empty means all
     * @return this builder
     */
    public Builder items(List<String> names) {
      List<String> copy = List.copyOf(names);
      items.clear();
      items.addAll(copy);
      return this;
    }

    /**
     * Sets the page size.
     *
     * @param value 1 to 1000, or {@code null} for the default
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder pageSize(@Nullable Integer value) {
      if (value != null && (value < 1 || value > 1000)) {
        throw new IllegalArgumentException("pageSize must be 1-1000: " + value);
      }
      this.pageSize = value;
      return this;
    }

    /**
     * Sets the page token.
     *
     * @param value the token from the previous result, or {@code null}
     * @return this builder
     */
    public Builder pageToken(@Nullable String value) {
      this.pageToken = value;
      return this;
    }

    /**
     * Sets the purpose for the provider's audit log.
     *
     * @param value the purpose, or {@code null}
     * @return this builder
     */
    public Builder purpose(@Nullable String value) {
      this.purpose = value;
      return this;
    }

    /**
     * Addresses a provider explicitly instead of taking it from the catalog entry.
     *
     * @param value the provider, or {@code null}
     * @return this builder
     */
    public Builder provider(@Nullable PartyId value) {
      this.provider = value;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalStateException if the resource code or every filter is missing
     */
    public QueryRequest build() {
      return new QueryRequest(this);
    }
  }
}
