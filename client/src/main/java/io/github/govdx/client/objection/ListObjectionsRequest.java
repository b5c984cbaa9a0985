package io.github.govdx.client.objection;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Filters for listing objections ({@code GET /v1/objections}, {@code docs/protocol.md} section 12.2).
 *
 * <p>Immutable and thread-safe.
 */
public final class ListObjectionsRequest {

  private final boolean asProvider;
  private final @Nullable ObjectionState state;
  private final @Nullable String resourceCode;
  private final @Nullable Integer pageSize;
  private final @Nullable String pageToken;

  private ListObjectionsRequest(Builder b) {
    this.asProvider = b.asProvider;
    this.state = b.state;
    this.resourceCode = b.resourceCode;
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
    b.asProvider = asProvider;
    b.state = state;
    b.resourceCode = resourceCode;
    b.pageSize = pageSize;
    b.pageToken = pageToken;
    return b;
  }

  /**
   * List objections about the caller's resources instead of those it raised.
   *
   * @return the value
   */
  public boolean asProvider() {
    return asProvider;
  }

  /**
   * Only objections in this state.
   *
   * @return the value, or empty when absent
   */
  public Optional<ObjectionState> state() {
    return Optional.ofNullable(state);
  }

  /**
   * Only objections about this resource.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> resourceCode() {
    return Optional.ofNullable(resourceCode);
  }

  /**
   * The page size, 1 to 100.
   *
   * @return the value, or empty when absent
   */
  public Optional<Integer> pageSize() {
    return Optional.ofNullable(pageSize);
  }

  /**
   * The token of the page to fetch.
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
    if (!(o instanceof ListObjectionsRequest)) {
      return false;
    }
    ListObjectionsRequest that = (ListObjectionsRequest) o;
    return asProvider == that.asProvider
        && Objects.equals(state, that.state)
        && Objects.equals(resourceCode, that.resourceCode)
        && Objects.equals(pageSize, that.pageSize)
        && Objects.equals(pageToken, that.pageToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(asProvider, state, resourceCode, pageSize, pageToken);
  }

  @Override
  public String toString() {
    return "ListObjectionsRequest{"
        + "asProvider="
        + asProvider
        + ", "
        + "state="
        + state
        + ", "
        + "resourceCode="
        + resourceCode
        + ", "
        + "pageSize="
        + pageSize
        + ", "
        + "pageToken="
        + pageToken
        + "}";
  }

  /** Builds a {@link ListObjectionsRequest}. Not thread-safe. */
  public static final class Builder {

    private boolean asProvider = false;
    private @Nullable ObjectionState state;
    private @Nullable String resourceCode;
    private @Nullable Integer pageSize;
    private @Nullable String pageToken;

    private Builder() {}

    /**
     * Sets: list objections about the caller's resources instead of those it raised.
     *
     * @param value the value
     * @return this builder
     */
    public Builder asProvider(boolean value) {
      this.asProvider = value;
      return this;
    }

    /**
     * Sets: only objections in this state.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder state(@Nullable ObjectionState value) {
      this.state = value;
      return this;
    }

    /**
     * Sets: only objections about this resource.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder resourceCode(@Nullable String value) {
      this.resourceCode = value;
      return this;
    }

    /**
     * Sets: the page size, 1 to 100.
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
     * Sets: the token of the page to fetch.
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
     * @return the ListObjectionsRequest
     * @throws IllegalStateException if a required field is missing
     */
    public ListObjectionsRequest build() {
      return new ListObjectionsRequest(this);
    }
  }
}
