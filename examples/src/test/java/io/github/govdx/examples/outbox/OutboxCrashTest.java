package io.github.govdx.examples.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.crypto.evidence.Receipt;
import io.github.govdx.examples.DemoCatalog;
import io.github.govdx.testkit.ExchangeSandbox;
import io.github.govdx.testkit.Fault;
import io.github.govdx.testkit.Route;
import io.github.govdx.testkit.StoredBatch;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12's crash proof with real processes: a sender JVM pushing 1,000 records through the outbox is killed
 * with SIGKILL at five random moments (while submitting, between commit and send, while the receiver handles a
 * push, and after it stored one but before the receipt came back — the receiver answers 40 ms late to widen that
 * window) and started again each time; after the last start the receiver holds each of the 1,000 exactly once
 * and every entry is delivered with a receipt over its message. On H2 (a file) and on PostgreSQL. Then two
 * sender JVMs share one PostgreSQL outbox, one is killed, and nothing stays stuck beyond the lease.
 */
class OutboxCrashTest {

  private static final int RECORDS = Integer.getInteger("govdx.outbox.crash.records", 1000);
  private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final Duration LEASE = Duration.ofSeconds(3);

  @TempDir Path dir;

  private ExchangeSandbox sandbox;
  private final List<Process> senders = new ArrayList<>();
  private final String schema = "gdx_outbox_" + Long.toHexString(System.nanoTime());

  @BeforeEach
  void start() {
    sandbox = ExchangeSandbox.builder().port(0).start();
    sandbox.writeCredentials(dir);
    // the receiver stores the push, then takes 40 ms to answer: kills land after "stored" too
    sandbox.inject(Route.DATA_PUSH, Fault.latency(Duration.ofMillis(40)).afterHandling());
  }

  @AfterEach
  void stop() throws Exception {
    for (Process p : senders) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    sandbox.close();
    if (postgresUp()) {
      try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  private static boolean postgresUp() {
    try (Socket s = new Socket("127.0.0.1", 5432)) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private String url(String engine) throws Exception {
    if (engine.equals("h2")) {
      return "jdbc:h2:file:" + dir.resolve("outbox").toAbsolutePath();
    }
    if (!postgresUp()) {
      throw new AssertionError(
          "PostgreSQL is not reachable at 127.0.0.1:5432 — start it with `pg_ctlcluster 15 main"
              + " start` (or run .ci/services)");
    }
    try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    }
    return PG_URL + "?currentSchema=" + schema;
  }

  private Process sender(String url, int from, int to, String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                OutboxSenderNode.class.getName(),
                dir.toString(),
                sandbox.baseUri().toString(),
                url,
                "gdx_",
                Integer.toString(from),
                Integer.toString(to),
                Long.toString(LEASE.toMillis()),
                name)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()))
            .start();
    senders.add(p);
    return p;
  }

  private void awaitDone(Process p, String name, Duration limit) throws Exception {
    if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " did not finish within " + limit + ": " + log(name));
    }
    assertThat(Files.exists(dir.resolve("done-" + name)))
        .as("%s exited %d: %s", name, p.exitValue(), log(name))
        .isTrue();
  }

  private String log(String name) throws Exception {
    Path f = dir.resolve(name + ".log");
    if (!Files.exists(f)) {
      return "(no log)";
    }
    String s = Files.readString(f);
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }

  /** The receiver's view: each record stored exactly once, RECORDS of them. */
  private void assertEachStoredOnce(int count) {
    Map<String, Integer> seen = new HashMap<>();
    for (StoredBatch b : sandbox.batches(DemoCatalog.DEMANDS)) {
      for (JsonNode r : b.records()) {
        seen.merge(r.get("gdbh").asText(), 1, Integer::sum);
      }
    }
    assertThat(seen).hasSize(count);
    assertThat(seen.values()).allMatch(n -> n == 1);
  }

  /** The sender's view: every entry delivered, its receipt over its own message id. */
  private void assertAllDelivered(String url, int count) throws Exception {
    try (Connection c =
            url.startsWith("jdbc:h2:")
                ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT state, message_id, receipt FROM gdx_outbox")) {
      int n = 0;
      while (rs.next()) {
        n++;
        assertThat(rs.getString(1)).isEqualTo("delivered");
        Receipt r = Receipt.parse(rs.getString(3).getBytes(StandardCharsets.UTF_8));
        assertThat(r.messageId()).isEqualTo(rs.getString(2));
      }
      assertThat(n).isEqualTo(count);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void killedFiveTimes_eachRecordArrivesExactlyOnce(String engine) throws Exception {
    String url = url(engine);
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    for (int kill = 0; kill < 5; kill++) {
      Process p = sender(url, 0, RECORDS, "sender");
      Thread.sleep(rnd.nextLong(1_500, 4_000));
      assertThat(p.isAlive()).as("sender ended early: %s", log("sender")).isTrue();
      p.destroyForcibly(); // SIGKILL
      p.waitFor(10, TimeUnit.SECONDS);
    }
    awaitDone(sender(url, 0, RECORDS, "sender"), "sender", Duration.ofMinutes(4));
    assertEachStoredOnce(RECORDS);
    assertAllDelivered(url, RECORDS);
  }

  @Test
  void twoSendersOnOnePostgresOutbox_oneKilled_nothingStuckBeyondTheLease() throws Exception {
    String url = url("postgresql");
    int total = Math.min(RECORDS, 400);
    int half = total / 2;
    String aName = "a-" + UUID.randomUUID();
    Process a = sender(url, 0, half, aName);
    String bName = "b-" + UUID.randomUUID();
    Process b = sender(url, half, total, bName);
    Thread.sleep(3_000);
    assertThat(a.isAlive()).as("a ended early: %s", log(aName)).isTrue();
    a.destroyForcibly();
    a.waitFor(10, TimeUnit.SECONDS);
    // b submits its half, then delivers everything left, a's in-flight entries once their leases
    // run out
    awaitDone(b, bName, Duration.ofMinutes(4));
    // a's unsubmitted records are submitted by a restarted a
    String a2 = "a2-" + UUID.randomUUID();
    awaitDone(sender(url, 0, half, a2), a2, Duration.ofMinutes(4));
    assertEachStoredOnce(total);
    assertAllDelivered(url, total);
  }
}
