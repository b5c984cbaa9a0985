package io.github.govdx.client.directory;

import io.github.govdx.core.party.PartyId;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous form of {@link DirectoryClient}; shares its cache. Thread-safe.
 */
public interface DirectoryAsyncClient {

  /**
   * Looks a party up (from the cache when fresh).
   *
   * @param party the party
   * @return the party and its certificates
   */
  CompletableFuture<PartyInfo> party(PartyId party);
}
