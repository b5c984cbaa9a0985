package io.github.govdx.client.application;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A provider's decision on an application ({@code POST /v1/applications/{id}/decision},
 * {@code docs/protocol.md} section 8.5): move it to {@code under_review}, {@code approved} or {@code rejected}.
 *
 * <p>Immutable and thread-safe.
 */
public final class DecideApplicationRequest {

  private final String applicationId;
  private final ApplicationState state;
  private final @Nullable String reason;

  private DecideApplicationRequest(Builder b) {
    if (b.applicationId == null) {
      throw new IllegalStateException("DecideApplicationRequest: missing applicationId");
    }
    this.applicationId = b.applicationId;
    if (b.state == null) {
      throw new IllegalStateException("DecideApplicationRequest: missing state");
    }
    this.state = b.state;
    this.reason = b.reason;
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
    b.applicationId = applicationId;
    b.state = state;
    b.reason = reason;
    return b;
  }

  /**
   * The application.
   *
   * @return the value
   */
  public String applicationId() {
    return applicationId;
  }

  /**
   * The new state: UNDER_REVIEW, APPROVED or REJECTED.
   *
   * @return the value
   */
  public ApplicationState state() {
    return state;
  }

  /**
   * The reason (required by the platform for a rejection).
   *
   * @return the value, or empty when absent
   */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DecideApplicationRequest)) {
      return false;
    }
    DecideApplicationRequest that = (DecideApplicationRequest) o;
    return Objects.equals(applicationId, that.applicationId)
        && Objects.equals(state, that.state)
        && Objects.equals(reason, that.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(applicationId, state, reason);
  }

  @Override
  public String toString() {
    return "DecideApplicationRequest{"
        + "applicationId="
        + applicationId
        + ", "
        + "state="
        + state
        + ", "
        + "reason="
        + reason
        + "}";
  }

  /** Builds a {@link DecideApplicationRequest}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String applicationId;
    private @Nullable ApplicationState state;
    private @Nullable String reason;

    private Builder() {}

    /**
     * Sets: the application.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder applicationId(String value) {
      Objects.requireNonNull(value, "applicationId == null");
      this.applicationId = value;
      return this;
    }

    /**
     * Sets: the new state: UNDER_REVIEW, APPROVED or REJECTED.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder state(ApplicationState value) {
      Objects.requireNonNull(value, "state == null");
      if (value == ApplicationState.SUBMITTED || value == ApplicationState.WITHDRAWN) {
        throw new IllegalArgumentException(
            "a decision moves to under_review, approved or rejected");
      }
      this.state = value;
      return this;
    }

    /**
     * Sets: the reason (required by the platform for a rejection).
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder reason(@Nullable String value) {
      this.reason = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the DecideApplicationRequest
     * @throws IllegalStateException if a required field is missing
     */
    public DecideApplicationRequest build() {
      return new DecideApplicationRequest(this);
    }
  }
}
