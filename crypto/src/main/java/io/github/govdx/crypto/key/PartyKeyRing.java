package io.github.govdx.crypto.key;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The key pairs one party holds at once during a key rollover (密钥更新): all of one party and one suite, each
 * with its own certificate and key id. An {@link io.github.govdx.crypto.EnvelopeCodec} on a ring opens mail
 * sealed to any key in it (chosen by the envelope's {@code kid}) and signs and seals with the {@linkplain
 * #current(Instant) current} one: the newest (latest {@code notBefore}) whose certificate is valid now.
 *
 * <p>The rollover procedure (docs/keys.md): {@link #add(PartyCredentials) add} the new pair and publish its
 * certificate in the party directory; the codec signs with it once it is valid, and keeps opening mail sealed to
 * the old pair; after the overlap {@link #remove(String) remove} the old pair: mail still sealed to it is refused
 * ({@code GDX-2106}). Changes take effect on the next message, without a restart.
 *
 * <p>Thread-safe (copy-on-write: changes are rare, reads are on every message).
 */
public final class PartyKeyRing {

  private static final Comparator<PartyCredentials> NEWEST_FIRST =
      Comparator.comparing(PartyCredentials::notBefore).reversed();

  private final PartyId partyId;
  private final Suite suite;
  private final CopyOnWriteArrayList<PartyCredentials> keys = new CopyOnWriteArrayList<>();

  private PartyKeyRing(PartyCredentials first) {
    this.partyId = first.partyId();
    this.suite = first.suite();
    keys.add(first);
  }

  /**
   * A ring with one or more key pairs.
   *
   * @param first a key pair
   * @param more more key pairs of the same party and suite
   * @return the ring
   * @throws IllegalArgumentException if a pair belongs to another party or suite
   */
  public static PartyKeyRing of(PartyCredentials first, PartyCredentials... more) {
    PartyKeyRing ring = new PartyKeyRing(Objects.requireNonNull(first, "first == null"));
    for (PartyCredentials c : more) {
      ring.add(c);
    }
    return ring;
  }

  /**
   * Adds a key pair (or replaces the one with the same key id).
   *
   * @param credentials the pair
   * @throws IllegalArgumentException if it belongs to another party or suite
   */
  public synchronized void add(PartyCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials == null");
    if (!credentials.partyId().equals(partyId) || credentials.suite() != suite) {
      throw new IllegalArgumentException(
          "a "
              + credentials.suite()
              + " key of "
              + credentials.partyId()
              + " does not belong in the "
              + suite
              + " ring of "
              + partyId);
    }
    keys.removeIf(k -> k.keyId().equals(credentials.keyId()));
    keys.add(credentials);
  }

  /**
   * Removes a key pair: mail sealed to it is refused from now on.
   *
   * @param keyId the key id ({@link PartyCredentials#keyId()})
   * @return whether a pair was removed
   * @throws IllegalStateException if it is the last pair
   */
  public synchronized boolean remove(String keyId) {
    Objects.requireNonNull(keyId, "keyId == null");
    if (keys.size() == 1 && keys.get(0).keyId().equals(keyId)) {
      throw new IllegalStateException("cannot remove the last key pair of " + partyId);
    }
    return keys.removeIf(k -> k.keyId().equals(keyId));
  }

  /**
   * The party.
   *
   * @return the party id
   */
  public PartyId partyId() {
    return partyId;
  }

  /**
   * The suite of every pair.
   *
   * @return the suite
   */
  public Suite suite() {
    return suite;
  }

  /**
   * The pair with a key id.
   *
   * @param keyId the key id
   * @return the pair, or empty
   */
  public Optional<PartyCredentials> byKeyId(String keyId) {
    for (PartyCredentials k : keys) {
      if (k.keyId().equals(keyId)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /**
   * The pair whose decryption key has a key id: its encryption certificate's (a dual pair) or its single
   * certificate's.
   *
   * @param keyId the key id of the envelope's recipient ({@code kid} of the JWE)
   * @return the pair, or empty
   */
  public Optional<PartyCredentials> byDecryptionKeyId(String keyId) {
    for (PartyCredentials k : keys) {
      if (k.decryptionKeyId().equals(keyId)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /**
   * The pair to sign and seal with at an instant: the newest one whose certificate is valid then; when none is
   * (all expired, or the new one not yet valid and the old one gone), the one whose certificate ends last.
   *
   * @param at the instant
   * @return the pair
   */
  public PartyCredentials current(Instant at) {
    Objects.requireNonNull(at, "at == null");
    List<PartyCredentials> all = all();
    for (PartyCredentials k : all) {
      if (k.isValidAt(at)) {
        return k;
      }
    }
    return all.stream().max(Comparator.comparing(PartyCredentials::notAfter)).orElseThrow();
  }

  /**
   * Every pair, newest first.
   *
   * @return an unmodifiable snapshot
   */
  public List<PartyCredentials> all() {
    List<PartyCredentials> copy = new ArrayList<>(keys);
    copy.sort(NEWEST_FIRST);
    return List.copyOf(copy);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("PartyKeyRing{party=").append(partyId).append(", kids=[");
    for (PartyCredentials k : all()) {
      b.append(k.keyId()).append(' ');
    }
    return b.toString().trim() + "], privateKeys=[REDACTED]}";
  }
}
