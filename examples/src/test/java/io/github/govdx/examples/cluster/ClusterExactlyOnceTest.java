package io.github.govdx.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.key.InMemoryPartyDirectory;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.crypto.key.Pkcs12;
import io.github.govdx.examples.DemoCatalog;
import io.github.govdx.testkit.TestPki;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's several-processes proof: three provider JVMs on one PostgreSQL (idempotency store, the handler's
 * effects) and one Redis (replay cache). A driver sends sealed pushes to random instances, replays each envelope
 * under another key to a second instance (refused, {@code GDX-2303}), retries it with the same
 * {@code Idempotency-Key} at a third (the stored answer), and kills one instance with SIGKILL mid-run and starts it
 * again. Then: every push got its answer (nothing lost), every replay was refused with its code, and each distinct
 * push has exactly one effect. Finally 50 threads race one envelope over the three instances: exactly one is
 * accepted.
 */
class ClusterExactlyOnceTest {

  private static final int PUSHES = Integer.getInteger("govdx.cluster.pushes", 2000);
  private static final int NODES = 3;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration GIVE_UP = Duration.ofSeconds(90);

  @TempDir Path dir;

  private final String schema = "gdx_cluster_" + Long.toHexString(System.nanoTime());
  private final String prefix = "gdxtest:" + UUID.randomUUID() + ":";
  private final List<Process> nodes = new ArrayList<>();
  private final AtomicReferenceArray<URI> bases = new AtomicReferenceArray<>(NODES);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private EnvelopeCodec sender;
  private final AtomicInteger unanswered = new AtomicInteger();
  private PartyId consumer;

  @BeforeEach
  void start() throws Exception {
    Servers.requirePostgres();
    Servers.requireRedis();
    try (Connection db = DriverManager.getConnection(Servers.PG_URL, "postgres", "");
        Statement st = db.createStatement()) {
      st.execute("create schema " + schema);
      st.execute(
          "create table "
              + schema
              + ".effects(push_key varchar(128) primary key, message_id varchar(64) not null,"
              + " node int not null, records int not null)");
      st.execute(
          "create table " + schema + ".runs(push_key varchar(128) not null, node int not null)");
    }
    TestPki pki = TestPki.create();
    PartyId provider = DemoCatalog.CITY_MANAGEMENT;
    consumer = DemoCatalog.HOTLINE;
    PartyCredentials providerKeys = pki.issue(provider);
    PartyCredentials consumerKeys = pki.issue(consumer);
    Files.write(dir.resolve("test-provider.p12"), Pkcs12.write(providerKeys, "test".toCharArray()));
    Files.writeString(dir.resolve("test-ca.pem"), Pem.write(pki.caCertificate()));
    Files.writeString(dir.resolve("test-consumer.pem"), Pem.write(consumerKeys.certificate()));
    Files.writeString(dir.resolve("provider.id"), provider.toString());
    Files.writeString(dir.resolve("consumer.id"), consumer.toString());
    sender =
        EnvelopeCodec.builder()
            .credentials(consumerKeys)
            .trustStore(pki.trustStore())
            .directory(
                InMemoryPartyDirectory.builder().add(provider, providerKeys.certificate()).build())
            .build();
    for (int i = 0; i < NODES; i++) {
      nodes.add(null);
      startNode(i);
    }
  }

  @AfterEach
  void stop() throws Exception {
    for (Process p : nodes) {
      if (p != null) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    try (Connection db = DriverManager.getConnection(Servers.PG_URL, "postgres", "");
        Statement st = db.createStatement()) {
      st.execute("drop schema if exists " + schema + " cascade");
    }
    ClusterStores.dropRedisKeys(Servers.REDIS_URI, prefix);
  }

  private void startNode(int i) throws Exception {
    Path portFile = dir.resolve("node-" + i + ".port");
    Files.deleteIfExists(portFile);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-Dsun.net.httpserver.nodelay=true",
                "-cp",
                System.getProperty("java.class.path"),
                ProviderNode.class.getName(),
                dir.toString(),
                Integer.toString(i),
                Servers.PG_URL,
                schema,
                Servers.REDIS_URI,
                prefix)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("node-" + i + ".log").toFile())
            .start();
    nodes.set(i, p);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.exists(portFile)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "node " + i + " did not start: " + Files.readString(dir.resolve("node-" + i + ".log")));
      }
      Thread.sleep(50);
    }
    bases.set(i, URI.create("http://127.0.0.1:" + Files.readString(portFile).trim()));
  }

  private byte[] sealedPush(int n) {
    ObjectNode record = JSON.createObjectNode();
    record.put("gdbh", String.format("GD20261203%07d", n));
    record.put("sqqd", "电话");
    record.put("sqlx", "投诉");
    record.put("sqnr", "小区路灯不亮，夜间出行不便");
    record.put("xzqh", "320505");
    record.put("slsj", "2026-12-03T08:12:00Z");
    ObjectNode payload = JSON.createObjectNode();
    payload.putArray("records").add(record);
    return sender
        .seal(
            RoutingHeaders.builder()
                .messageId(UUID.randomUUID().toString())
                .sender(consumer)
                .receiver(DemoCatalog.CITY_MANAGEMENT)
                .resourceCode(DemoCatalog.DEMANDS)
                .action("push")
                .build(),
            payload.toString().getBytes(StandardCharsets.UTF_8))
        .toBytes();
  }

  /** One answer from a node, or empty when the node did not answer (dead, restarting). */
  private Optional<HttpResponse<String>> send(int node, String key, byte[] body)
      throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                bases.get(node).resolve("/v1/data/" + DemoCatalog.DEMANDS + "/batches"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/govdx-envelope+json")
            .header("X-Gdx-Party", consumer.toString())
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      unanswered.incrementAndGet();
      return Optional.empty();
    }
  }

  /**
   * Sends until a final answer (anything but no answer, 409 in progress or 503 unavailable), starting at
   * {@code first} and moving on to the next node each time.
   */
  private HttpResponse<String> sendUntilFinal(int first, String key, byte[] body)
      throws InterruptedException {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    for (int attempt = 0; ; attempt++) {
      Optional<HttpResponse<String>> r = send((first + attempt) % NODES, key, body);
      if (r.isPresent() && r.get().statusCode() != 409 && r.get().statusCode() != 503) {
        return r.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no final answer for " + key + " within " + GIVE_UP);
      }
      Thread.sleep(attempt < 3 ? 20 : 200);
    }
  }

  @Test
  void pushesReplaysRetriesAndAKilledInstance_eachPushHandledOnce_everyReplayRefused()
      throws Exception {
    AtomicInteger done = new AtomicInteger();
    ConcurrentHashMap<String, String> problems = new ConcurrentHashMap<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < PUSHES; i++) {
      keys.add(UUID.randomUUID().toString());
    }
    ExecutorService workers = Executors.newFixedThreadPool(6);
    List<Future<?>> futures = new ArrayList<>();
    AtomicInteger next = new AtomicInteger();
    for (int w = 0; w < 6; w++) {
      futures.add(
          workers.submit(
              () -> {
                for (int n = next.getAndIncrement(); n < PUSHES; n = next.getAndIncrement()) {
                  String key = keys.get(n);
                  byte[] body = sealedPush(n);
                  int a = ThreadLocalRandom.current().nextInt(NODES);
                  HttpResponse<String> first = sendUntilFinal(a, key, body);
                  if (first.statusCode() != 201) {
                    problems.put(key, "first attempt " + first.statusCode() + " " + first.body());
                  }
                  HttpResponse<String> replay =
                      sendUntilFinal(a + 1, UUID.randomUUID().toString(), body);
                  if (replay.statusCode() != 400 || !replay.body().contains("GDX-2303")) {
                    problems.put(
                        key, "replay answered " + replay.statusCode() + " " + replay.body());
                  }
                  HttpResponse<String> retry = sendUntilFinal(a + 2, key, body);
                  if (retry.statusCode() != 201
                      || !retry
                          .headers()
                          .firstValue("Idempotency-Replayed")
                          .orElse("")
                          .equals("true")) {
                    problems.put(key, "retry answered " + retry.statusCode() + " " + retry.body());
                  }
                  done.incrementAndGet();
                }
                return null;
              }));
    }
    int victim = ThreadLocalRandom.current().nextInt(NODES);
    waitFor(done, PUSHES / 3);
    nodes.get(victim).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    waitFor(done, PUSHES / 2);
    startNode(victim);
    for (Future<?> f : futures) {
      f.get(10, TimeUnit.MINUTES);
    }
    workers.shutdown();

    assertThat(problems).as("pushes whose answers broke a promise").isEmpty();
    assertThat(unanswered.get()).as("requests the killed instance left unanswered").isPositive();
    try (Connection db = DriverManager.getConnection(Servers.PG_URL, "postgres", "");
        Statement st = db.createStatement()) {
      assertThat(count(st, "select count(*) from " + schema + ".effects")).isEqualTo(PUSHES);
      long runs = count(st, "select count(*) from " + schema + ".runs");
      long rerun =
          count(
              st,
              "select count(*) from (select push_key from "
                  + schema
                  + ".runs group by push_key having count(*) > 1) x");
      // A handler that committed its effect and was killed before its answer was stored runs again
      // when the
      // push is resumed after the lease; its effect is kept once by the dedupe key. At most the
      // pushes in
      // flight on the killed instance can be affected.
      assertThat(runs - PUSHES).isLessThanOrEqualTo(6);
      assertThat(rerun).isLessThanOrEqualTo(6);
    }
  }

  @Test
  void fiftyRacersOneEnvelopeOverThreeInstances_exactlyOneAccepted() throws Exception {
    byte[] body = sealedPush(9_999_999);
    ExecutorService racers = Executors.newFixedThreadPool(50);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      int node = i % NODES;
      answers.add(
          racers.submit(
              () -> {
                go.await();
                return sendUntilFinal(node, UUID.randomUUID().toString(), body);
              }));
    }
    go.countDown();
    int accepted = 0;
    int refused = 0;
    for (Future<HttpResponse<String>> f : answers) {
      HttpResponse<String> r = f.get(2, TimeUnit.MINUTES);
      if (r.statusCode() == 201) {
        accepted++;
      } else if (r.statusCode() == 400 && r.body().contains("GDX-2303")) {
        refused++;
      }
    }
    racers.shutdown();
    assertThat(accepted).isEqualTo(1);
    assertThat(refused).isEqualTo(49);
    try (Connection db = DriverManager.getConnection(Servers.PG_URL, "postgres", "");
        Statement st = db.createStatement()) {
      assertThat(count(st, "select count(*) from " + schema + ".runs")).isEqualTo(1);
    }
  }

  private static void waitFor(AtomicInteger done, int target) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (done.get() < target && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static long count(Statement st, String sql) throws java.sql.SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
