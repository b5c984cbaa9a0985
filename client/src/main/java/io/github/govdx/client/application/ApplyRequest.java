package io.github.govdx.client.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An application for access to a conditionally shared resource ({@code POST /v1/applications},
 * {@code docs/protocol.md} section 8.1).
 *
 * <p>Immutable and thread-safe.
 */
public final class ApplyRequest {

  private final String resourceCode;
  private final String purpose;
  private final @Nullable String legalBasis;
  private final List<String> items;
  private final @Nullable LocalDate validUntil;
  private final @Nullable String idempotencyKey;

  private ApplyRequest(Builder b) {
    if (b.resourceCode == null) {
      throw new IllegalStateException("ApplyRequest: missing resourceCode");
    }
    this.resourceCode = b.resourceCode;
    if (b.purpose == null) {
      throw new IllegalStateException("ApplyRequest: missing purpose");
    }
    this.purpose = b.purpose;
    this.legalBasis = b.legalBasis;
    this.items = List.copyOf(b.items);
    this.validUntil = b.validUntil;
    this.idempotencyKey = b.idempotencyKey;
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
    b.resourceCode = resourceCode;
    b.purpose = purpose;
    b.legalBasis = legalBasis;
    b.items.addAll(items);
    b.validUntil = validUntil;
    b.idempotencyKey = idempotencyKey;
    return b;
  }

  /**
   * The resource code.
   *
   * @return the value
   */
  public String resourceCode() {
    return resourceCode;
  }

  /**
   * The purpose of use (用途), 1 to 500 characters.
   *
   * @return the value
   */
  public String purpose() {
    return purpose;
  }

  /**
   * The legal basis (依据).
   *
   * @return the value, or empty when absent
   */
  public Optional<String> legalBasis() {
    return Optional.ofNullable(legalBasis);
  }

  /**
   * The item names requested; empty means all.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<String> items() {
    return items;
  }

  /**
   * The day access should end.
   *
   * @return the value, or empty when absent
   */
  public Optional<LocalDate> validUntil() {
    return Optional.ofNullable(validUntil);
  }

  /**
   * The idempotency key that makes the call safe to retry (a random one is used when absent).
   *
   * @return the value, or empty when absent
   */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ApplyRequest)) {
      return false;
    }
    ApplyRequest that = (ApplyRequest) o;
    return Objects.equals(resourceCode, that.resourceCode)
        && Objects.equals(purpose, that.purpose)
        && Objects.equals(legalBasis, that.legalBasis)
        && Objects.equals(items, that.items)
        && Objects.equals(validUntil, that.validUntil)
        && Objects.equals(idempotencyKey, that.idempotencyKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resourceCode, purpose, legalBasis, items, validUntil, idempotencyKey);
  }

  @Override
  public String toString() {
    return "ApplyRequest{"
        + "resourceCode="
        + resourceCode
        + ", "
        + "purpose="
        + purpose
        + ", "
        + "legalBasis="
        + legalBasis
        + ", "
        + "items="
        + items
        + ", "
        + "validUntil="
        + validUntil
        + ", "
        + "idempotencyKey="
        + idempotencyKey
        + "}";
  }

  /** Builds a {@link ApplyRequest}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String resourceCode;
    private @Nullable String purpose;
    private @Nullable String legalBasis;
    private final List<String> items = new ArrayList<>();
    private @Nullable LocalDate validUntil;
    private @Nullable String idempotencyKey;

    private Builder() {}

    /**
     * Sets: the resource code.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder resourceCode(String value) {
      Objects.requireNonNull(value, "resourceCode == null");
      this.resourceCode = value;
      return this;
    }

    /**
     * Sets: the purpose of use (用途), 1 to 500 characters.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder purpose(String value) {
      Objects.requireNonNull(value, "purpose == null");
      if (value.isEmpty() || value.length() > 500) {
        throw new IllegalArgumentException("purpose must have 1-500 characters");
      }
      this.purpose = value;
      return this;
    }

    /**
     * Sets: the legal basis (依据).
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder legalBasis(@Nullable String value) {
      this.legalBasis = value;
      return this;
    }

    /**
     * Sets: the item names requested; empty means all.
     *
     * @param values the values (replacing earlier ones)
     * @return this builder
     * @throws NullPointerException if {@code values} is or holds null
     */
    public Builder items(java.util.Collection<? extends String> values) {
      List<String> copy = List.copyOf(Objects.requireNonNull(values, "values == null"));
      this.items.clear();
      this.items.addAll(copy);
      return this;
    }

    /**
     * Sets: the day access should end.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder validUntil(@Nullable LocalDate value) {
      this.validUntil = value;
      return this;
    }

    /**
     * Sets: the idempotency key that makes the call safe to retry (a random one is used when absent).
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder idempotencyKey(@Nullable String value) {
      if (value != null) {
        io.github.govdx.client.internal.Keys.checkIdempotencyKey(value);
      }
      this.idempotencyKey = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the ApplyRequest
     * @throws IllegalStateException if a required field is missing
     */
    public ApplyRequest build() {
      return new ApplyRequest(this);
    }
  }
}
