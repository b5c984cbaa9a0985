package io.github.govdx.spring.internal;

import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeServiceException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.PartyDirectory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/** The exchange's party directory, through a client (cached by it); an unknown party has no certificates. */
public final class ClientDirectory implements PartyDirectory {

  private final ExchangeClient client;

  /**
   * Wraps a client.
   *
   * @param client the client
   */
  public ClientDirectory(ExchangeClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  @Override
  public List<X509Certificate> certificates(PartyId party) {
    try {
      return client.directory().certificates(party);
    } catch (ExchangeServiceException e) {
      if (e.status() == 404) {
        return List.of();
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return "ClientDirectory{" + client + "}";
  }
}
