package io.github.govdx.client;

import io.github.govdx.client.application.ApplicationsClient;
import io.github.govdx.client.catalog.CatalogClient;
import io.github.govdx.client.data.DataClient;
import io.github.govdx.client.directory.DirectoryClient;
import io.github.govdx.client.objection.ObjectionsClient;
import io.github.govdx.client.subscription.SubscriptionsClient;
import io.github.govdx.client.transfer.TransfersClient;
import io.github.govdx.core.party.PartyId;

/**
 * The synchronous client of the exchange platform ({@code docs/protocol.md}), for one calling party. Made
 * only by {@link #builder()}; its typed sub-clients cover the catalog, the party directory, access
 * applications, data query and push, subscriptions and data objections. Every call goes through the govdx
 * pipeline: request id, gateway authentication, sealing, retries, circuit breaker, rate limit, timeouts,
 * masked logging.
 *
 * <pre>{@code
 * try (ExchangeClient client = ExchangeClient.builder()
 *     .endpoint(URI.create("https://exchange.example.gov.cn/gdx"))
 *     .party(PartyId.parse("11320500014160478L/hotline"))
 *     .credentials(credentials).trustStore(trust)
 *     .authenticator(authenticator)
 *     .build()) {
 *   QueryResult<JsonNode> r = client.data().query(QueryRequest.builder()
 *       .resourceCode("335001001/00012").filter("sfzh", idNumber).build());
 * }
 * }</pre>
 *
 * <p>Its OkHttp client, pipeline, sub-clients and envelope codec are made on its first call, from the settings it
 * was built with. Immutable and thread-safe: share one instance. {@link #close()} releases only what the client created
 * (never an {@code OkHttpClient} passed to the builder).
 */
public final class ExchangeClient implements AutoCloseable {

  static {
    io.github.govdx.client.internal.ClientAccess.install(c -> c.parts.get().data());
  }

  private final ExchangeClientBuilder.LazyParts parts;

  ExchangeClient(ExchangeClientBuilder.LazyParts parts) {
    this.parts = parts;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static ExchangeClientBuilder builder() {
    return new ExchangeClientBuilder();
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
  public CatalogClient catalog() {
    return parts.get().catalog().sync();
  }

  /**
   * The party directory.
   *
   * @return the directory sub-client
   */
  public DirectoryClient directory() {
    return parts.get().directory().sync();
  }

  /**
   * Access applications.
   *
   * @return the applications sub-client
   */
  public ApplicationsClient applications() {
    return parts.get().applications().sync();
  }

  /**
   * Data query and push.
   *
   * @return the data sub-client
   */
  public DataClient data() {
    return parts.get().data().sync();
  }

  /**
   * Subscriptions and event feeds.
   *
   * @return the subscriptions sub-client
   */
  public SubscriptionsClient subscriptions() {
    return parts.get().subscriptions().sync();
  }

  /**
   * Data objections.
   *
   * @return the objections sub-client
   */
  public ObjectionsClient objections() {
    return parts.get().objections().sync();
  }

  /**
   * File transfers (文件交换): large files as sealed streams, uploaded and downloaded in parts with resume
   * ({@code docs/files.md}). Blocking; there is no asynchronous form.
   *
   * @return the transfers sub-client
   */
  public TransfersClient transfers() {
    return parts.get().transfers();
  }

  /** Releases the connection pool and threads if this client created them; idempotent. */
  @Override
  public void close() {
    parts.close();
  }

  @Override
  public String toString() {
    return "ExchangeClient{party=" + party() + "}";
  }
}
