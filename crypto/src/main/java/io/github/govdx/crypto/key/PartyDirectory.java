package io.github.govdx.crypto.key;

import io.github.govdx.core.party.PartyId;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Looks up the certificates of a party, so a sender can seal to a receiver (the exchange's party directory,
 * DESIGN §5). Implementations must be thread-safe; {@link InMemoryPartyDirectory} is the built-in one, and
 * the client module offers one backed by the exchange.
 */
@FunctionalInterface
public interface PartyDirectory {

  /**
   * The certificates of a party, preferred first (e.g. the newest during a key rollover).
   *
   * @param party the party
   * @return the certificates, empty when the party is unknown; never {@code null}
   */
  List<X509Certificate> certificates(PartyId party);
}
