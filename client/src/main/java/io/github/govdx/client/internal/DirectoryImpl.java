package io.github.govdx.client.internal;

import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ExchangeServiceException;
import io.github.govdx.client.directory.DirectoryAsyncClient;
import io.github.govdx.client.directory.DirectoryClient;
import io.github.govdx.client.directory.PartyCertificate;
import io.github.govdx.client.directory.PartyInfo;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.PartyDirectory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** The party directory calls of {@code docs/protocol.md} section 7, sync and async, sharing one cache. */
public final class DirectoryImpl {

  private final Transport transport;
  private final TtlCache<PartyId, PartyInfo> cache;

  /**
   * Creates the directory calls.
   *
   * @param transport the transport
   * @param cache the party cache
   */
  public DirectoryImpl(Transport transport, TtlCache<PartyId, PartyInfo> cache) {
    this.transport = transport;
    this.cache = cache;
  }

  private ApiCall<PartyInfo> call(PartyId party) {
    return ApiCall.<PartyInfo>builder("GET", (s, h, b, st) -> cache.put(party, Json.partyInfo(b)))
        .operation("directory.get")
        .path("parties", party.toString())
        .build();
  }

  /**
   * Looks a party up, from the cache when fresh.
   *
   * @param party the party
   * @return the party
   */
  public PartyInfo party(PartyId party) {
    Objects.requireNonNull(party, "party == null");
    PartyInfo p = cache.get(party);
    return p != null ? p : transport.execute(call(party));
  }

  /** @return the synchronous client */
  public DirectoryClient sync() {
    return new DirectoryClient() {
      @Override
      public PartyInfo party(PartyId party) {
        return DirectoryImpl.this.party(party);
      }

      @Override
      public List<X509Certificate> certificates(PartyId party) {
        return DirectoryImpl.this.party(party).certificates().stream()
            .map(PartyCertificate::certificate)
            .toList();
      }

      @Override
      public void invalidate(PartyId party) {
        cache.remove(Objects.requireNonNull(party, "party == null"));
      }
    };
  }

  /**
   * Adapts a directory client to crypto's {@link PartyDirectory} contract, in which a party that is not known
   * has no certificates rather than being an error: a {@code 404} / {@code GDX-3202} answer becomes an empty
   * list, so the codec can fall back from a system party ({@code USCC/system}) to its department. Every other
   * failure is rethrown.
   *
   * @param client the directory client
   * @return the party directory
   */
  public static PartyDirectory asPartyDirectory(DirectoryClient client) {
    Objects.requireNonNull(client, "client == null");
    return party -> {
      try {
        return client.certificates(party);
      } catch (ExchangeServiceException e) {
        if (e.errorCode() == ClientErrorCode.PARTY_NOT_FOUND) {
          return List.of();
        }
        throw e;
      }
    };
  }

  /** @return the asynchronous client */
  public DirectoryAsyncClient async() {
    return party -> {
      Objects.requireNonNull(party, "party == null");
      PartyInfo p = cache.get(party);
      return p != null ? CompletableFuture.completedFuture(p) : transport.executeAsync(call(party));
    };
  }
}
