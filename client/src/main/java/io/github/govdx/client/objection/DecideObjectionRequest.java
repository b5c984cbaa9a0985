package io.github.govdx.client.objection;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A provider's answer to an objection ({@code POST /v1/objections/{id}/decision}): move it to
 * {@code under_review}, {@code resolved} or {@code rejected}.
 *
 * <p>Immutable and thread-safe.
 */
public final class DecideObjectionRequest {

  private final String objectionId;
  private final ObjectionState state;
  private final @Nullable String reason;

  private DecideObjectionRequest(Builder b) {
    if (b.objectionId == null) {
      throw new IllegalStateException("DecideObjectionRequest: missing objectionId");
    }
    this.objectionId = b.objectionId;
    if (b.state == null) {
      throw new IllegalStateException("DecideObjectionRequest: missing state");
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
    b.objectionId = objectionId;
    b.state = state;
    b.reason = reason;
    return b;
  }

  /**
   * The objection.
   *
   * @return the value
   */
  public String objectionId() {
    return objectionId;
  }

  /**
   * The new state: UNDER_REVIEW, RESOLVED or REJECTED.
   *
   * @return the value
   */
  public ObjectionState state() {
    return state;
  }

  /**
   * The resolution or reason (required for resolved and rejected).
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
    if (!(o instanceof DecideObjectionRequest)) {
      return false;
    }
    DecideObjectionRequest that = (DecideObjectionRequest) o;
    return Objects.equals(objectionId, that.objectionId)
        && Objects.equals(state, that.state)
        && Objects.equals(reason, that.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(objectionId, state, reason);
  }

  @Override
  public String toString() {
    return "DecideObjectionRequest{"
        + "objectionId="
        + objectionId
        + ", "
        + "state="
        + state
        + ", "
        + "reason="
        + reason
        + "}";
  }

  /** Builds a {@link DecideObjectionRequest}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String objectionId;
    private @Nullable ObjectionState state;
    private @Nullable String reason;

    private Builder() {}

    /**
     * Sets: the objection.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder objectionId(String value) {
      Objects.requireNonNull(value, "objectionId == null");
      this.objectionId = value;
      return this;
    }

    /**
     * Sets: the new state: UNDER_REVIEW, RESOLVED or REJECTED.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder state(ObjectionState value) {
      Objects.requireNonNull(value, "state == null");
      if (value == ObjectionState.SUBMITTED || value == ObjectionState.WITHDRAWN) {
        throw new IllegalArgumentException(
            "a decision moves to under_review, resolved or rejected");
      }
      this.state = value;
      return this;
    }

    /**
     * Sets: the resolution or reason (required for resolved and rejected).
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
     * @return the DecideObjectionRequest
     * @throws IllegalStateException if a required field is missing
     */
    public DecideObjectionRequest build() {
      return new DecideObjectionRequest(this);
    }
  }
}
