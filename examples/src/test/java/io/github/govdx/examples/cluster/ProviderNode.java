package io.github.govdx.examples.cluster;

import com.sun.net.httpserver.HttpServer;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.ProviderRequest;
import io.github.govdx.client.provider.ProviderResponse;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.InMemoryPartyDirectory;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.crypto.key.Pkcs12;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.examples.DemoCatalog;
import io.github.govdx.testkit.ExchangeSandbox;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * One provider instance of the cluster test, run as its own JVM: a {@link ProviderEndpoint} on the JDK HTTP
 * server whose replay cache is Redis and whose idempotency store is PostgreSQL, shared with the other instances.
 * Its push handler writes the batch's effect to PostgreSQL keyed by the push's idempotency key (the dedupe key the
 * endpoint hands it) and counts every run of itself.
 *
 * <p>Arguments: {@code <dir> <instance> <pgUrl> <schema> <redisUri> <keyPrefix>}. It writes its port to
 * {@code <dir>/node-<instance>.port} once it serves.
 */
public final class ProviderNode {

  private ProviderNode() {}

  /**
   * Runs the node until killed.
   *
   * @param args see the class comment
   * @throws Exception on start-up failure
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int instance = Integer.parseInt(args[1]);
    ClusterStores stores = ClusterStores.open(args[2], args[3], args[4], args[5]);
    ResourceDetail detail;
    try (ExchangeSandbox catalog = ExchangeSandbox.builder().start();
        ExchangeClient c = catalog.client("hotline")) {
      detail = c.catalog().detail(DemoCatalog.DEMANDS);
    }
    PartyId provider = PartyId.parse(Files.readString(dir.resolve("provider.id")).trim());
    PartyId consumer = PartyId.parse(Files.readString(dir.resolve("consumer.id")).trim());
    ProviderEndpoint endpoint =
        ProviderEndpoint.builder()
            .party(provider)
            .credentials(Pkcs12.read(dir.resolve("test-provider.p12"), "test".toCharArray()))
            .trustStore(TrustStore.of(Pem.readCertificates(Pem.read(dir.resolve("test-ca.pem")))))
            .directory(
                InMemoryPartyDirectory.builder()
                    .add(
                        consumer,
                        Pem.readCertificates(Pem.read(dir.resolve("test-consumer.pem"))).get(0))
                    .build())
            .replayCache(stores.replayCache())
            .idempotencyStore(stores.idempotencyStore())
            .idempotencyLease(Duration.ofSeconds(3))
            .push(
                detail,
                push -> {
                  try (Connection db = stores.connection()) {
                    try (PreparedStatement run =
                        db.prepareStatement(
                            "insert into "
                                + stores.schema()
                                + ".runs(push_key, node) values (?, ?)")) {
                      run.setString(1, push.idempotencyKey());
                      run.setInt(2, instance);
                      run.executeUpdate();
                    }
                    try (PreparedStatement effect =
                        db.prepareStatement(
                            "insert into "
                                + stores.schema()
                                + ".effects(push_key, message_id, node, records) values (?, ?, ?, ?)"
                                + " on conflict (push_key) do nothing")) {
                      effect.setString(1, push.idempotencyKey());
                      effect.setString(2, push.messageId());
                      effect.setInt(3, instance);
                      effect.setInt(4, push.records().size());
                      effect.executeUpdate();
                    }
                    return "node" + instance + "-" + push.messageId();
                  } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("effect not stored", e);
                  }
                })
            .build();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/v1/data/",
        exchange -> {
          Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
          byte[] body = exchange.getRequestBody().readNBytes(10 * 1024 * 1024);
          ProviderResponse answer =
              endpoint.handle(
                  ProviderRequest.of(
                      exchange.getRequestMethod(),
                      exchange.getRequestURI().getPath(),
                      headers,
                      body));
          answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
          exchange.sendResponseHeaders(
              answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
          }
        });
    server.start();
    Path tmp = dir.resolve("node-" + instance + ".port.tmp");
    Files.writeString(tmp, Integer.toString(server.getAddress().getPort()), StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve("node-" + instance + ".port"), StandardCopyOption.ATOMIC_MOVE);
  }
}
