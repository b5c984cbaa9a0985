package io.github.govdx.benchmarks.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.govdx.client.CircuitBreakerPolicy;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.QueryResult;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.InMemoryPartyDirectory;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A sealed data query on loopback: the govdx client (seal the query, send, open and bind the sealed result,
 * validate and map one record) against raw OkHttp + the raw codec doing the same cryptography by hand (seal,
 * send, open), and against raw OkHttp sending already-sealed bytes (transport only). The server is a JDK
 * {@code HttpServer} that opens each query with the provider's codec and answers with a result sealed to the
 * caller, so both sides pay the full GM (or INTL) cost per call.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ClientSealedQueryBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 * Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientSealedQueryBenchmark {

  static final PartyId CONSUMER = PartyId.parse("11320500014160478L/hotline");
  static final PartyId PROVIDER = PartyId.parse("11320500014160486F");
  static final String RESOURCE = "335001001/00012";
  static final String RECORD = "{\"xm\":\"张三\",\"sfzh\":\"11010519491231002X\",\"xb\":\"1\"}";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Param({"GM", "INTL"})
  public Suite suite;

  private HttpServer server;
  private OkHttpClient raw;
  private ExchangeClient client;
  private EnvelopeCodec consumerCodec;
  private String base;
  private byte[] preSealed;

  /** Keys, codecs, the loopback provider and the clients. */
  @Setup
  public void setUp() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = Instant.parse("2030-01-01T00:00:00Z");
    KeyPair caKeys = KeyPairs.generate(suite);
    X509Certificate ca = Certificates.selfSignedCa("bench CA", caKeys, from, to);
    TrustStore trust = TrustStore.of(ca);
    KeyPair ck = KeyPairs.generate(suite);
    KeyPair pk = KeyPairs.generate(suite);
    X509Certificate cc =
        Certificates.issue(CONSUMER, ck.getPublic(), ca, caKeys.getPrivate(), from, to);
    X509Certificate pc =
        Certificates.issue(PROVIDER, pk.getPublic(), ca, caKeys.getPrivate(), from, to);
    InMemoryPartyDirectory dir =
        InMemoryPartyDirectory.builder().add(CONSUMER, cc).add(PROVIDER, pc).build();
    PartyCredentials consumer =
        PartyCredentials.builder()
            .partyId(CONSUMER)
            .privateKey(ck.getPrivate())
            .certificateChain(List.of(cc, ca))
            .build();
    PartyCredentials provider =
        PartyCredentials.builder()
            .partyId(PROVIDER)
            .privateKey(pk.getPrivate())
            .certificateChain(List.of(pc, ca))
            .build();
    EnvelopeCodec providerCodec =
        EnvelopeCodec.builder().credentials(provider).trustStore(trust).directory(dir).build();
    consumerCodec =
        EnvelopeCodec.builder().credentials(consumer).trustStore(trust).directory(dir).build();
    byte[] result = ("{\"records\":[" + RECORD + "]}").getBytes(StandardCharsets.UTF_8);
    byte[] detail =
        ("{\"resourceCode\":\""
                + RESOURCE
                + "\",\"name\":\"n\",\"provider\":\""
                + PROVIDER
                + "\",\"shareType\":\"unconditional\",\"items\":[{\"name\":\"xm\"},{\"name\":\"sfzh\"},{\"name\":\"xb\"}]}")
            .getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/data/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          OpenedMessage in = providerCodec.open(body);
          RoutingHeaders h =
              RoutingHeaders.builder()
                  .messageId(UUID.randomUUID().toString())
                  .sender(PROVIDER)
                  .receiver(in.headers().sender())
                  .resourceCode(RESOURCE)
                  .action("query.result")
                  .correlationId(in.headers().messageId())
                  .build();
          byte[] out = providerCodec.seal(h, result).toBytes();
          exchange.getResponseHeaders().set("Content-Type", "application/govdx-envelope+json");
          exchange.sendResponseHeaders(200, out.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
          }
        });
    server.createContext(
        "/v1/catalog/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, detail.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(detail);
          }
        });
    // transport only: the same sizes, no cryptography on either side
    byte[] staticAnswer =
        providerCodec
            .seal(
                RoutingHeaders.builder()
                    .messageId(UUID.randomUUID().toString())
                    .sender(PROVIDER)
                    .receiver(CONSUMER)
                    .resourceCode(RESOURCE)
                    .action("query.result")
                    .correlationId("x")
                    .build(),
                result)
            .toBytes();
    server.createContext(
        "/v1/static/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("Content-Type", "application/govdx-envelope+json");
          exchange.sendResponseHeaders(200, staticAnswer.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(staticAnswer);
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    // TCP_NODELAY on the client too: a POST's header and body writes would otherwise wait for
    // delayed ACKs
    raw = new OkHttpClient.Builder().socketFactory(NoDelaySockets.INSTANCE).build();
    client =
        ExchangeClient.builder()
            .endpoint(URI.create(base))
            .party(CONSUMER)
            .credentials(consumer)
            .trustStore(trust)
            .directory(dir)
            .suite(suite)
            .httpClient(raw)
            .circuitBreaker(CircuitBreakerPolicy.disabled())
            .build();
    preSealed = sealQuery();
  }

  private byte[] sealQuery() {
    RoutingHeaders h =
        RoutingHeaders.builder()
            .messageId(UUID.randomUUID().toString())
            .sender(CONSUMER)
            .receiver(PROVIDER)
            .resourceCode(RESOURCE)
            .action("query")
            .build();
    return consumerCodec
        .seal(h, "{\"filter\":{\"sfzh\":\"11010519491231002X\"}}".getBytes(StandardCharsets.UTF_8))
        .toBytes();
  }

  /** Stops everything. */
  @TearDown
  public void tearDown() {
    client.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private Response post(String path, byte[] body) throws IOException {
    return raw.newCall(
            new Request.Builder()
                .url(base + path)
                .header("X-Gdx-Party", CONSUMER.toString())
                .post(RequestBody.create(body, MediaType.get("application/govdx-envelope+json")))
                .build())
        .execute();
  }

  /**
   * Raw OkHttp with the codec by hand: seal, send, open, parse.
   *
   * @return the parsed result
   * @throws IOException on failure
   */
  @Benchmark
  public JsonNode rawOkHttpWithCodec() throws IOException {
    try (Response r = post("/v1/data/" + RESOURCE + "/query", sealQuery())) {
      return MAPPER.readTree(consumerCodec.open(r.body().bytes()).payload());
    }
  }

  /**
   * The govdx client: sealed query, bound and validated result, typed records.
   *
   * @return the result
   */
  @Benchmark
  public QueryResult<JsonNode> govdxSealedQuery() {
    return client
        .data()
        .query(
            QueryRequest.builder()
                .resourceCode(RESOURCE)
                .filter("sfzh", "11010519491231002X")
                .build());
  }

  /**
   * Transport only: already-sealed bytes, answer read but not opened.
   *
   * @return the answer size
   * @throws IOException on failure
   */
  @Benchmark
  public int rawOkHttpTransportOnly() throws IOException {
    try (Response r = post("/v1/static/query", preSealed)) {
      return r.body().bytes().length;
    }
  }
}
