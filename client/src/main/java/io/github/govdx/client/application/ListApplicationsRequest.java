package io.github.govdx.client.application;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Filters for listing applications ({@code GET /v1/applications}, {@code docs/protocol.md} section 8.3).
 *
 * <p>Immutable and thread-safe.
 */
public final class ListApplicationsRequest {

  private final ApplicationRole role;
  private final @Nullable ApplicationState state;
  private final @Nullable String resourceCode;
  private final @Nullable Integer pageSize;
  private final @Nullable String pageToken;

  private ListApplicationsRequest(Builder b) {
    this.role = b.role;
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
    b.role = role;
    b.state = state;
    b.resourceCode = resourceCode;
    b.pageSize = pageSize;
    b.pageToken = pageToken;
    return b;
  }

  /**
   * Whose applications: the caller's own (default) or addressed to it as provider.
   *
   * @return the value
   */
  public ApplicationRole role() {
    return role;
  }

  /**
   * Only applications in this state.
   *
   * @return the value, or empty when absent
   */
  public Optional<ApplicationState> state() {
    return Optional.ofNullable(state);
  }

  /**
   * Only applications for this resource.
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
    if (!(o instanceof ListApplicationsRequest)) {
      return false;
    }
    ListApplicationsRequest that = (ListApplicationsRequest) o;
    return Objects.equals(role, that.role)
        && Objects.equals(state, that.state)
        && Objects.equals(resourceCode, that.resourceCode)
        && Objects.equals(pageSize, that.pageSize)
        && Objects.equals(pageToken, that.pageToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, state, resourceCode, pageSize, pageToken);
  }

  @Override
  public String toString() {
    return "ListApplicationsRequest{"
        + "role="
        + role
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

  /** Builds a {@link ListApplicationsRequest}. Not thread-safe. */
  public static final class Builder {

    private ApplicationRole role = ApplicationRole.APPLICANT;
    private @Nullable ApplicationState state;
    private @Nullable String resourceCode;
    private @Nullable Integer pageSize;
    private @Nullable String pageToken;

    private Builder() {}

    /**
     * Sets: whose applications: the caller's own (default) or addressed to it as provider.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder role(ApplicationRole value) {
      Objects.requireNonNull(value, "role == null");
      this.role = value;
      return this;
    }

    /**
     * Sets: only applications in this state.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder state(@Nullable ApplicationState value) {
      this.state = value;
      return this;
    }

    /**
     * Sets: only applications for this resource.
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
     * @return the ListApplicationsRequest
     * @throws IllegalStateException if a required field is missing
     */
    public ListApplicationsRequest build() {
      return new ListApplicationsRequest(this);
    }
  }
}
