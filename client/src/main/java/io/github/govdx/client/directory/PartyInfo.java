package io.github.govdx.client.directory;

import io.github.govdx.core.party.PartyId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A party as listed in the directory, with its current certificates ({@code docs/protocol.md} section 7).
 *
 * <p>Immutable and thread-safe.
 */
public final class PartyInfo {

  private final PartyId partyId;
  private final @Nullable String name;
  private final List<PartyCertificate> certificates;

  private PartyInfo(Builder b) {
    if (b.partyId == null) {
      throw new IllegalStateException("PartyInfo: missing partyId");
    }
    this.partyId = b.partyId;
    this.name = b.name;
    this.certificates = List.copyOf(b.certificates);
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
    b.partyId = partyId;
    b.name = name;
    b.certificates.addAll(certificates);
    return b;
  }

  /**
   * The party id.
   *
   * @return the value
   */
  public PartyId partyId() {
    return partyId;
  }

  /**
   * The party's name.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /**
   * The party's certificates, current first per suite.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<PartyCertificate> certificates() {
    return certificates;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PartyInfo)) {
      return false;
    }
    PartyInfo that = (PartyInfo) o;
    return Objects.equals(partyId, that.partyId)
        && Objects.equals(name, that.name)
        && Objects.equals(certificates, that.certificates);
  }

  @Override
  public int hashCode() {
    return Objects.hash(partyId, name, certificates);
  }

  @Override
  public String toString() {
    return "PartyInfo{"
        + "partyId="
        + partyId
        + ", "
        + "name="
        + name
        + ", "
        + "certificates="
        + certificates
        + "}";
  }

  /** Builds a {@link PartyInfo}. Not thread-safe. */
  public static final class Builder {

    private @Nullable PartyId partyId;
    private @Nullable String name;
    private final List<PartyCertificate> certificates = new ArrayList<>();

    private Builder() {}

    /**
     * Sets: the party id.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder partyId(PartyId value) {
      Objects.requireNonNull(value, "partyId == null");
      this.partyId = value;
      return this;
    }

    /**
     * Sets: the party's name.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder name(@Nullable String value) {
      this.name = value;
      return this;
    }

    /**
     * Sets: the party's certificates, current first per suite.
     *
     * @param values the values (replacing earlier ones)
     * @return this builder
     * @throws NullPointerException if {@code values} is or holds null
     */
    public Builder certificates(java.util.Collection<? extends PartyCertificate> values) {
      List<PartyCertificate> copy = List.copyOf(Objects.requireNonNull(values, "values == null"));
      this.certificates.clear();
      this.certificates.addAll(copy);
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the PartyInfo
     * @throws IllegalStateException if a required field is missing
     */
    public PartyInfo build() {
      return new PartyInfo(this);
    }
  }
}
