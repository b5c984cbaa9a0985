package io.github.govdx.client.catalog;

import io.github.govdx.core.party.PartyId;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The filters of a catalog search ({@code GET /v1/catalog/resources}, {@code docs/protocol.md} section 6.1).
 * Every filter is optional; an empty request lists the whole catalog.
 *
 * <p>Immutable and thread-safe.
 */
public final class SearchCatalogRequest {

  private final @Nullable String query;
  private final @Nullable PartyId provider;
  private final @Nullable ShareType shareType;
  private final @Nullable String classCode;
  private final @Nullable String updateCycle;
  private final @Nullable String format;
  private final @Nullable Integer pageSize;
  private final @Nullable String pageToken;

  private SearchCatalogRequest(Builder b) {
    this.query = b.query;
    this.provider = b.provider;
    this.shareType = b.shareType;
    this.classCode = b.classCode;
    this.updateCycle = b.updateCycle;
    this.format = b.format;
    this.pageSize = b.pageSize;
    this.pageToken = b.pageToken;
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
   * A builder initialised with this object's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.query = query;
    b.provider = provider;
    b.shareType = shareType;
    b.classCode = classCode;
    b.updateCycle = updateCycle;
    b.format = format;
    b.pageSize = pageSize;
    b.pageToken = pageToken;
    return b;
  }

  /**
   * Words matched against resource name and summary.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> query() {
    return Optional.ofNullable(query);
  }

  /**
   * The provider department.
   *
   * @return the value, or empty when absent
   */
  public Optional<PartyId> provider() {
    return Optional.ofNullable(provider);
  }

  /**
   * The share type.
   *
   * @return the value, or empty when absent
   */
  public Optional<ShareType> shareType() {
    return Optional.ofNullable(shareType);
  }

  /**
   * A prefix of the resource code's class code (前段码).
   *
   * @return the value, or empty when absent
   */
  public Optional<String> classCode() {
    return Optional.ofNullable(classCode);
  }

  /**
   * The update cycle, e.g. {@code daily}.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> updateCycle() {
    return Optional.ofNullable(updateCycle);
  }

  /**
   * The resource format, e.g. {@code interface}.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> format() {
    return Optional.ofNullable(format);
  }

  /**
   * The page size, 1 to 100 (server default 20).
   *
   * @return the value, or empty when absent
   */
  public Optional<Integer> pageSize() {
    return Optional.ofNullable(pageSize);
  }

  /**
   * The token of the page to fetch (from the previous page); absent for the first page.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> pageToken() {
    return Optional.ofNullable(pageToken);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SearchCatalogRequest)) {
      return false;
    }
    SearchCatalogRequest that = (SearchCatalogRequest) o;
    return Objects.equals(query, that.query)
        && Objects.equals(provider, that.provider)
        && Objects.equals(shareType, that.shareType)
        && Objects.equals(classCode, that.classCode)
        && Objects.equals(updateCycle, that.updateCycle)
        && Objects.equals(format, that.format)
        && Objects.equals(pageSize, that.pageSize)
        && Objects.equals(pageToken, that.pageToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        query, provider, shareType, classCode, updateCycle, format, pageSize, pageToken);
  }

  @Override
  public String toString() {
    return "SearchCatalogRequest{"
        + "query="
        + query
        + ", "
        + "provider="
        + provider
        + ", "
        + "shareType="
        + shareType
        + ", "
        + "classCode="
        + classCode
        + ", "
        + "updateCycle="
        + updateCycle
        + ", "
        + "format="
        + format
        + ", "
        + "pageSize="
        + pageSize
        + ", "
        + "pageToken="
        + pageToken
        + "}";
  }

  /** Builds a {@link SearchCatalogRequest}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String query;
    private @Nullable PartyId provider;
    private @Nullable ShareType shareType;
    private @Nullable String classCode;
    private @Nullable String updateCycle;
    private @Nullable String format;
    private @Nullable Integer pageSize;
    private @Nullable String pageToken;

    private Builder() {}

    /**
     * Sets: words matched against resource name and summary.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder query(@Nullable String value) {
      this.query = value;
      return this;
    }

    /**
     * Sets: the provider department.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder provider(@Nullable PartyId value) {
      this.provider = value;
      return this;
    }

    /**
     * Sets: the share type.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder shareType(@Nullable ShareType value) {
      this.shareType = value;
      return this;
    }

    /**
     * Sets: a prefix of the resource code's class code (前段码).
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder classCode(@Nullable String value) {
      this.classCode = value;
      return this;
    }

    /**
     * Sets: the update cycle, e.g. {@code daily}.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder updateCycle(@Nullable String value) {
      this.updateCycle = value;
      return this;
    }

    /**
     * Sets: the resource format, e.g. {@code interface}.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder format(@Nullable String value) {
      this.format = value;
      return this;
    }

    /**
     * Sets: the page size, 1 to 100 (server default 20).
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder pageSize(@Nullable Integer value) {
      if (value != null && (value < 1 || value > 100)) {
        throw new IllegalArgumentException("pageSize must be 1-100: " + value);
      }
      this.pageSize = value;
      return this;
    }

    /**
     * Sets: the token of the page to fetch (from the previous page); absent for the first page.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder pageToken(@Nullable String value) {
      this.pageToken = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the SearchCatalogRequest
     * @throws IllegalStateException if a required field is missing
     */
    public SearchCatalogRequest build() {
      return new SearchCatalogRequest(this);
    }
  }
}
