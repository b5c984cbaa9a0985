package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.govdx.client.auth.GatewaySecret;
import io.github.govdx.client.auth.GovdxHmacAuthenticator;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.evidence.EvidenceLogVerifier;
import io.github.govdx.store.jdbc.JdbcStores;
import io.github.govdx.store.redis.RedisStores;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two standalone sandbox JVMs ({@code SandboxMain --port 0 --state jdbc:postgresql://… --redis redis://…}) and one
 * in-process {@link ExchangeSandbox} on the same {@link SandboxState} act as one platform: the same test keys at
 * every instance, a gateway-signed request replayed to another instance is refused as a replayed nonce, a sealed
 * push sent through two instances is accepted once, a retry with the same {@code Idempotency-Key} at another
 * instance gets the stored answer, a batch pushed through one instance is answered by a query through another,
 * and the evidence chain written by all of them is one intact chain. Needs PostgreSQL and Redis (fails, never
 * skips, when they are absent; under {@code CI=true} too).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxClusterProcessTest {

  private static final String PG_ADMIN =
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=5&socketTimeout=30";
  private static final String REDIS = "redis://127.0.0.1:6379";
  private static final String DEMANDS = "335002001/00003";
  private static final String PUSH_PATH = "/v1/data/335002001/00003/batches";
  private static final String QUERY_PATH = "/v1/data/335002001/00003/query";
  private static final String ENV = "application/govdx-envelope+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING =
      Pattern.compile("listening on (http://127\\.0\\.0\\.1:[0-9]+)");

  private Path dir;

  private final String schema = "gdx_sbx_" + UUID.randomUUID().toString().substring(0, 8);
  private final String prefix = "sbx" + UUID.randomUUID().toString().substring(0, 6) + "_";
  private final List<Process> processes = new ArrayList<>();
  private final List<URI> bases = new ArrayList<>();
  private final OkHttpClient http =
      new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
  private HikariDataSource pool;
  private RedisStores redis;
  private ExchangeSandbox local;

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("govdx-sandbox-cluster-");
    require(5432, "PostgreSQL is not reachable at 127.0.0.1:5432 — `pg_ctlcluster 15 main start`");
    require(6379, "Redis is not reachable at 127.0.0.1:6379 — `redis-server --daemonize yes`");
    try (Connection c = DriverManager.getConnection(PG_ADMIN);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String url = PG_ADMIN + "&currentSchema=" + schema;
    for (int i = 0; i < 2; i++) {
      startProcess(i, url);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(8);
    pool = new HikariDataSource(config);
    redis = RedisStores.builder().uri(REDIS).keyPrefix(prefix + ":").build();
    local =
        ExchangeSandbox.builder()
            .sharedState(
                SandboxState.builder().dataSource(pool).tablePrefix(prefix).redis(redis).build())
            .start();
    bases.add(local.baseUri());
  }

  @AfterAll
  void stop() throws Exception {
    for (Process p : processes) {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (local != null) {
      local.close();
    }
    if (redis != null) {
      redis.close();
    }
    if (pool != null) {
      pool.close();
    }
    try (Connection c = DriverManager.getConnection(PG_ADMIN);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
    RedisClient client = RedisClient.create(REDIS);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      List<String> keys = c.sync().keys(prefix + ":*");
      if (!keys.isEmpty()) {
        c.sync().del(keys.toArray(String[]::new));
      }
    } finally {
      client.shutdown();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  private void startProcess(int i, String url) throws Exception {
    Path out = dir.resolve("sandbox-" + i + ".out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                SandboxMain.class.getName(),
                "--port",
                "0",
                "--state",
                url,
                "--state-prefix",
                prefix,
                "--redis",
                REDIS,
                "--credentials",
                dir.resolve("credentials-" + i).toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    processes.add(p);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      String text = Files.exists(out) ? Files.readString(out) : "";
      Matcher m = LISTENING.matcher(text);
      if (m.find() && text.contains("Ctrl-C to stop.")) {
        bases.add(URI.create(m.group(1)));
        assertThat(text).contains("shared state: ").doesNotContain("password");
        return;
      }
      if (!p.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("sandbox " + i + " did not start:\n" + text);
      }
      Thread.sleep(100);
    }
  }

  private static void require(int port, String message) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    } catch (IOException e) {
      throw new AssertionError(message + " (required, also when CI=true; or run .ci/services)", e);
    }
  }

  // ---- helpers ----

  private record Resp(int status, okhttp3.Headers headers, byte[] body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }
  }

  private Request signed(String alias, Request request) {
    TestParty party = local.party(alias);
    return GovdxHmacAuthenticator.builder()
        .keyId(party.gatewayKeyId())
        .secret(GatewaySecret.of(party.gatewaySecretBytes()))
        .build()
        .authenticate(request)
        .request();
  }

  private Request post(URI base, String alias, String path, byte[] body, String key) {
    Request.Builder b =
        new Request.Builder()
            .url(base + path)
            .header("X-Gdx-Party", local.party(alias).partyId().toString())
            .post(RequestBody.create(body, MediaType.get(ENV)));
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return b.build();
  }

  private Resp send(Request r) {
    try (Response response = http.newCall(r).execute()) {
      return new Resp(response.code(), response.headers(), response.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Envelope seal(String alias, String action, String payload) {
    TestParty p = local.party(alias);
    RoutingHeaders h =
        RoutingHeaders.builder()
            .messageId(UUID.randomUUID().toString())
            .issuedAt(Instant.now())
            .sender(p.partyId())
            .receiver(provider().partyId())
            .resourceCode(DEMANDS)
            .action(action)
            .build();
    return local.codecFor(p).seal(h, payload.getBytes(StandardCharsets.UTF_8));
  }

  /** The provider of the demands resource (the built-in provider answers for it). */
  private TestParty provider() {
    return local.party(local.resource(DEMANDS).orElseThrow().get("provider").asText());
  }

  private static String record(String gdbh) {
    return "{\"gdbh\": \""
        + gdbh
        + "\", \"sqqd\": \"电话\", \"sqlx\": \"投诉\", \"sqnr\": \"小区路灯不亮\", "
        + "\"xzqh\": \"320505\", \"slsj\": \"2026-11-24T08:12:00Z\"}";
  }

  // ---- tests ----

  @Test
  void everyInstanceIssuedTheSameTestCredentials() throws IOException {
    Path a = dir.resolve("credentials-0");
    local.writeCredentials(dir.resolve("credentials-local"));
    List<Path> pems;
    try (Stream<Path> s = Files.walk(a)) {
      pems = s.filter(f -> f.toString().endsWith(".pem")).toList();
    }
    assertThat(pems).hasSizeGreaterThan(4); // the CA, and each party's key and certificate
    for (String other : List.of("credentials-1", "credentials-local")) {
      for (Path f : pems) {
        assertThat(Files.readString(dir.resolve(other).resolve(a.relativize(f))))
            .as(other + "/" + a.relativize(f))
            .isEqualTo(Files.readString(f));
      }
    }
  }

  @Test
  void aSignedRequestReplayedToAnotherInstanceIsRefusedAsAReplayedNonce() {
    Request once =
        signed(
            "hotline",
            new Request.Builder()
                .url(bases.get(0) + "/v1/catalog/resources/" + DEMANDS)
                .header("X-Gdx-Party", local.party("hotline").partyId().toString())
                .get()
                .build());
    Resp ok = send(once);
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    for (int i = 1; i < bases.size(); i++) {
      Request replayed =
          once.newBuilder().url(bases.get(i) + "/v1/catalog/resources/" + DEMANDS).build();
      Resp r = send(replayed);
      assertThat(r.status()).as("instance " + i + ": " + r.text()).isEqualTo(401);
      assertThat(r.json().get("code").asText()).isEqualTo("GDX-3104");
    }
  }

  @Test
  void oneSealedPushThroughTwoInstancesIsAcceptedOnce_andARetryElsewhereGetsTheStoredAnswer()
      throws IOException {
    Envelope push = seal("hotline", "push", "{\"records\": [" + record("GD2026120400001") + "]}");
    String key = "push-" + UUID.randomUUID();
    Resp first =
        send(signed("hotline", post(bases.get(0), "hotline", PUSH_PATH, push.toBytes(), key)));
    assertThat(first.status()).as(first.text()).isEqualTo(201);
    String batchId =
        JSON.readTree(local.codecFor(local.party("hotline")).open(first.body()).payload())
            .get("batchId")
            .asText();

    // the same Idempotency-Key at the other instances: the stored answer, not a second batch
    for (int i = 1; i < bases.size(); i++) {
      Resp retry =
          send(signed("hotline", post(bases.get(i), "hotline", PUSH_PATH, push.toBytes(), key)));
      assertThat(retry.status()).as("instance " + i + ": " + retry.text()).isEqualTo(201);
      assertThat(retry.header("Idempotency-Replayed")).contains("true");
      assertThat(retry.body()).isEqualTo(first.body());
    }

    // the same envelope under a new key at another instance: the shared replay cache refuses it
    Resp replay =
        send(
            signed(
                "hotline",
                post(
                    bases.get(1),
                    "hotline",
                    PUSH_PATH,
                    push.toBytes(),
                    "push-" + UUID.randomUUID())));
    assertThat(replay.status()).as(replay.text()).isEqualTo(400);
    assertThat(replay.json().get("code").asText()).isEqualTo("GDX-3304");
    assertThat(replay.json().get("source").asText()).isEqualTo("provider");

    List<StoredBatch> stored =
        local.batches(DEMANDS).stream().filter(b -> b.batchId().equals(batchId)).toList();
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).messageId()).isEqualTo(push.headers().messageId());
  }

  @Test
  void thirtyRacingCopiesOfOnePushOverTheInstancesAreAcceptedExactlyOnce() throws Exception {
    Envelope push = seal("hotline", "push", "{\"records\": [" + record("GD2026120400777") + "]}");
    int copies = 30;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(copies);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Resp>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < copies; i++) {
        URI base = bases.get(i % bases.size());
        Request r =
            signed(
                "hotline",
                post(
                    base,
                    "hotline",
                    PUSH_PATH,
                    push.toBytes(),
                    "r-" + i + "-" + UUID.randomUUID()));
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return send(r);
                }));
      }
      go.countDown();
      int accepted = 0;
      for (java.util.concurrent.Future<Resp> f : answers) {
        Resp r = f.get(60, TimeUnit.SECONDS);
        if (r.status() == 201) {
          accepted++;
        } else {
          assertThat(r.status()).as(r.text()).isEqualTo(400);
          assertThat(r.json().get("code").asText()).isEqualTo("GDX-3304");
        }
      }
      assertThat(accepted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(local.batches(DEMANDS))
        .filteredOn(b -> b.messageId().equals(push.headers().messageId()))
        .hasSize(1);
  }

  @Test
  void aBatchPushedThroughOneInstanceIsAnsweredByAQueryThroughAnother() throws Exception {
    String gdbh = "GD2026120400" + (100 + (int) (Math.random() * 800));
    Envelope push = seal("hotline", "push", "{\"records\": [" + record(gdbh) + "]}");
    Resp pushed =
        send(
            signed(
                "hotline",
                post(
                    bases.get(1), "hotline", PUSH_PATH, push.toBytes(), "p-" + UUID.randomUUID())));
    assertThat(pushed.status()).as(pushed.text()).isEqualTo(201);

    String owner = provider().alias();
    Envelope query = seal(owner, "query", "{\"filter\": {\"gdbh\": \"" + gdbh + "\"}}");
    Resp answer = send(signed(owner, post(bases.get(0), owner, QUERY_PATH, query.toBytes(), null)));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    EnvelopeCodec codec = local.codecFor(provider());
    OpenedMessage opened = codec.open(answer.body());
    JsonNode records = JSON.readTree(opened.payload()).get("records");
    assertThat(records).hasSize(1);
    assertThat(records.get(0).get("gdbh").asText()).isEqualTo(gdbh);
  }

  @Test
  void theInstancesWriteOneIntactEvidenceChain() {
    JdbcStores stores = JdbcStores.builder().dataSource(pool).tablePrefix(prefix).build();
    long before = EvidenceLogVerifier.verify(stores.evidenceStore("sandbox")).entries();
    for (int i = 0; i < bases.size(); i++) {
      Envelope each =
          seal("hotline", "push", "{\"records\": [" + record("GD20261204009" + (90 + i)) + "]}");
      Resp r =
          send(
              signed(
                  "hotline",
                  post(
                      bases.get(i),
                      "hotline",
                      PUSH_PATH,
                      each.toBytes(),
                      "e-" + UUID.randomUUID())));
      assertThat(r.status()).as(r.text()).isEqualTo(201);
    }
    EvidenceLogVerifier.Result r = EvidenceLogVerifier.verify(stores.evidenceStore("sandbox"));
    assertThat(r.intact()).as(r.toString()).isTrue();
    // each push: the opened request and the sealed receipt, one chain across the three instances
    assertThat(r.entries()).isEqualTo(before + 2L * bases.size());
  }
}
