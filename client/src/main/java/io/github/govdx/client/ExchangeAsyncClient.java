package io.github.govdx.client;

import io.github.govdx.client.application.ApplicationsAsyncClient;
import io.github.govdx.client.catalog.CatalogAsyncClient;
import io.github.govdx.client.data.DataAsyncClient;
import io.github.govdx.client.directory.DirectoryAsyncClient;
import io.github.govdx.client.objection.ObjectionsAsyncClient;
import io.github.govdx.client.subscription.SubscriptionsAsyncClient;
import io.github.govdx.core.party.PartyId;

/**
 * The asynchronous client of the exchange platform: the same calls as {@link ExchangeClient}, returning
 * {@link java.util.concurrent.CompletableFuture}s that complete on OkHttp's dispatcher threads and fail with
 * an {@link ExchangeException} (wrapped in a {@link java.util.concurrent.CompletionException} where the
 * {@code CompletableFuture} API wraps). Cancelling a future cancels its HTTP call. Made by
 * {@link ExchangeClientBuilder#buildAsync()}.
 *
 * <p>Immutable and thread-safe. {@link #close()} releases only what the client created.
 */
public final class ExchangeAsyncClient implements AutoCloseable {

  private final ExchangeClientBuilder.LazyParts parts;

  ExchangeAsyncClient(ExchangeClientBuilder.LazyParts parts) {
    this.parts = parts;
  }

  /**
   * The calling party.
   *
   * @return the party this client calls as
   */
  public PartyId party() {
    return parts.party();
  }

  /**
   * The catalog.
   *
   * @return the catalog sub-client
   */
  public CatalogAsyncClient catalog() {
    return parts.get().catalog().async();
  }

  /**
   * The party directory.
   *
   * @return the directory sub-client
   */
  public DirectoryAsyncClient directory() {
    return parts.get().directory().async();
  }

  /**
   * Access applications.
   *
   * @return the applications sub-client
   */
  public ApplicationsAsyncClient applications() {
    return parts.get().applications().async();
  }

  /**
   * Data query and push.
   *
   * @return the data sub-client
   */
  public DataAsyncClient data() {
    return parts.get().data().async();
  }

  /**
   * Subscriptions and event feeds.
   *
   * @return the subscriptions sub-client
   */
  public SubscriptionsAsyncClient subscriptions() {
    return parts.get().subscriptions().async();
  }

  /**
   * Data objections.
   *
   * @return the objections sub-client
   */
  public ObjectionsAsyncClient objections() {
    return parts.get().objections().async();
  }

  /** Releases the connection pool and threads if this client created them; idempotent. */
  @Override
  public void close() {
    parts.close();
  }

  @Override
  public String toString() {
    return "ExchangeAsyncClient{party=" + party() + "}";
  }
}
