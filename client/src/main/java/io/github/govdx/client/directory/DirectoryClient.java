package io.github.govdx.client.directory;

import io.github.govdx.client.ExchangeException;
import io.github.govdx.core.party.PartyId;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The party directory of the exchange ({@code docs/protocol.md} section 7): a party's certificates, cached
 * for the client's directory TTL. Certificates found here are still checked against the client's trust
 * store when used: the directory is a convenience, trust comes from the CA. Thread-safe.
 */
public interface DirectoryClient {

  /**
   * Looks a party up (from the cache when fresh).
   *
   * @param party the party
   * @return the party and its certificates
   * @throws ExchangeException e.g. {@code GDX-3202} if the party is unknown
   */
  PartyInfo party(PartyId party);

  /**
   * The party's leaf certificates, current first (from the cache when fresh).
   *
   * @param party the party
   * @return the certificates, possibly empty
   * @throws ExchangeException if the lookup fails
   */
  List<X509Certificate> certificates(PartyId party);

  /**
   * Drops a party from the cache, e.g. after its key was rotated.
   *
   * @param party the party
   */
  void invalidate(PartyId party);
}
