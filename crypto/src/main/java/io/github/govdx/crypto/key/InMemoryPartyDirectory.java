package io.github.govdx.crypto.key;

import io.github.govdx.core.party.PartyId;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable in-memory {@link PartyDirectory}. Thread-safe.
 *
 * <pre>{@code
 * PartyDirectory dir = InMemoryPartyDirectory.builder().add(receiverCertificate).build();
 * }</pre>
 */
public final class InMemoryPartyDirectory implements PartyDirectory {

  private final Map<PartyId, List<X509Certificate>> entries;

  private InMemoryPartyDirectory(Map<PartyId, List<X509Certificate>> entries) {
    this.entries = entries;
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<X509Certificate> certificates(PartyId party) {
    Objects.requireNonNull(party, "party == null");
    return entries.getOrDefault(party, List.of());
  }

  @Override
  public String toString() {
    return "InMemoryPartyDirectory" + entries.keySet();
  }

  /** Builder of {@link InMemoryPartyDirectory}. Not thread-safe. */
  public static final class Builder {

    private final Map<PartyId, List<X509Certificate>> entries = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a certificate for a party.
     *
     * @param party the party
     * @param certificate the certificate
     * @return this builder
     */
    public Builder add(PartyId party, X509Certificate certificate) {
      Objects.requireNonNull(party, "party == null");
      Objects.requireNonNull(certificate, "certificate == null");
      entries.computeIfAbsent(party, p -> new ArrayList<>()).add(certificate);
      return this;
    }

    /**
     * Adds a certificate for the party it names ({@link Certificates#partyOf(X509Certificate)}).
     *
     * @param certificate the certificate
     * @return this builder
     * @throws IllegalArgumentException if the certificate names no party
     */
    public Builder add(X509Certificate certificate) {
      Objects.requireNonNull(certificate, "certificate == null");
      PartyId p =
          Certificates.partyOf(certificate)
              .orElseThrow(() -> new IllegalArgumentException("certificate names no party"));
      return add(p, certificate);
    }

    /**
     * Builds the directory.
     *
     * @return the directory
     */
    public InMemoryPartyDirectory build() {
      Map<PartyId, List<X509Certificate>> copy = new LinkedHashMap<>();
      entries.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return new InMemoryPartyDirectory(Map.copyOf(copy));
    }
  }
}
