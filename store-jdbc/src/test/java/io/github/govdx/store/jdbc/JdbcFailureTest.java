package io.github.govdx.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.govdx.client.contract.ReplayCacheContract;
import io.github.govdx.client.provider.IdempotencyClaim;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.crypto.replay.ReplayCache;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stores fail closed: a missing table is {@code GDX-1602}; a database that goes away (a PRIVATE PostgreSQL
 * cluster made for this test on its own port and stopped with {@code pg_ctl -m immediate}, i.e. killed — the shared
 * server is never touched) makes every call fail with {@code GDX-1601} within a few seconds, never {@code true} or
 * {@code ACQUIRED}; when it is back the same store objects work again, and what they recorded before the outage is
 * still refused.
 */
@ExtendWith(TestDatabase.Cleanup.class)
class JdbcFailureTest {

  private static final Duration WITHIN = Duration.ofSeconds(8);

  private static String id() {
    return "91350100M000100Y43 " + UUID.randomUUID();
  }

  private static Instant in(int seconds) {
    return Instant.now().plusSeconds(seconds);
  }

  private static void failsClosed(String code, ThrowingCallable call) {
    long start = System.nanoTime();
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StateStoreException.class, e -> assertThat(e.code()).isEqualTo(code));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WITHIN);
  }

  @Test
  void missingTables_GDX1602_notRetryable() {
    JdbcStores s =
        JdbcStores.builder()
            .dataSource(TestDatabase.H2.pool())
            .tablePrefix("gdx_never_created_")
            .build();

    failsClosed("GDX-1602", () -> s.replayCache().firstSeen(id(), in(60)));
    failsClosed("GDX-1602", () -> s.idempotencyStore().claim(id(), "fp", in(60), in(600)));
    assertThatThrownBy(() -> s.nonceCache().firstUse(id(), in(60)))
        .isInstanceOfSatisfying(
            StateStoreException.class, e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  void badPrefix_refusedAtBuild() {
    assertThatThrownBy(() -> JdbcStores.builder().tablePrefix("gdx; DROP TABLE x; --"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdbcStores.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void privatePostgresKilledAndRestarted_failsClosedThenRecovers() throws Exception {
    try (PrivatePostgres pg = PrivatePostgres.start()) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(pg.url());
      config.setConnectionTimeout(2_000);
      config.setMaximumPoolSize(4);
      try (HikariDataSource pool = new HikariDataSource(config)) {
        JdbcStores stores =
            JdbcStores.builder()
                .dataSource(pool)
                .queryTimeout(Duration.ofSeconds(2))
                .clock(Clock.systemUTC())
                .build();
        stores.createTables();
        ReplayCache replay = stores.replayCache();
        IdempotencyStore idem = stores.idempotencyStore();
        String before = id();
        assertThat(replay.firstSeen(before, in(600))).isTrue();
        String key = id();
        IdempotencyClaim claim = idem.claim(key, "fp", in(60), in(600));
        assertThat(claim.outcome()).isEqualTo(IdempotencyClaim.Outcome.ACQUIRED);

        pg.kill();

        failsClosed("GDX-1601", () -> replay.firstSeen(id(), in(600)));
        failsClosed("GDX-1601", () -> replay.firstSeen(before, in(600)));
        // an early claim (the codec's) fails closed the same way; its release neither throws nor
        // hangs
        ReplayCache.Claim early = replay.claim(id(), in(600));
        failsClosed("GDX-1601", early::firstSeen);
        long releasing = System.nanoTime();
        early.release();
        assertThat(Duration.ofNanos(System.nanoTime() - releasing)).isLessThan(WITHIN);
        byte[] refused = ReplayCacheContract.openWhileStoreDown_failsClosed(replay, WITHIN);
        failsClosed("GDX-1601", () -> stores.nonceCache().firstUse(id(), in(600)));
        failsClosed("GDX-1601", () -> idem.claim(id(), "fp", in(60), in(600)));
        failsClosed("GDX-1601", () -> idem.release(key, claim.token().orElseThrow()));
        failsClosed(
            "GDX-1601",
            () ->
                stores
                    .outboxStore()
                    .deliveredAll(
                        java.util.List.of(
                            new io.github.govdx.client.outbox.OutboxStore.Receipted(
                                id(), java.time.Instant.now(), "{}"))));

        pg.restart();

        Duration took = recovers(() -> replay.firstSeen(id(), in(600)));
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(replay.firstSeen(before, in(600))).isFalse();
        ReplayCacheContract.openAfterOutage_acceptedOnce(replay, refused);
        assertThat(idem.claim(key, "fp", in(60), in(600)).outcome())
            .isEqualTo(IdempotencyClaim.Outcome.IN_PROGRESS);
      }
    }
  }

  private static <T> Duration recovers(Supplier<T> call) throws InterruptedException {
    long start = System.nanoTime();
    while (true) {
      try {
        call.get();
        return Duration.ofNanos(System.nanoTime() - start);
      } catch (StateStoreException e) {
        if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  /**
   * A PostgreSQL cluster of this test's own ({@code initdb} in a temporary directory, its own port, trust auth),
   * run through {@code pg_ctl} as the {@code postgres} OS user when the test runs as root.
   */
  private static final class PrivatePostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;

    private PrivatePostgres(Path bin, Path dir, int port) {
      this.bin = bin;
      this.dir = dir;
      this.port = port;
    }

    static PrivatePostgres start() throws IOException, InterruptedException {
      Path bin = binaries();
      Path dir = Files.createTempDirectory("govdx-pg-");
      if (root()) {
        run(List.of("chown", "postgres", dir.toString()));
      }
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      PrivatePostgres pg = new PrivatePostgres(bin, dir, port);
      pg.pg(
          bin.resolve("initdb").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-A",
          "trust",
          "-U",
          "postgres",
          "--no-sync");
      pg.restart();
      return pg;
    }

    String url() {
      return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&connectTimeout=2";
    }

    void restart() throws IOException, InterruptedException {
      pg(
          bin.resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-l",
          dir.resolve("log").toString(),
          "-w",
          "-o",
          "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
          "start");
    }

    /** Stops the server without a shutdown checkpoint, as a crash would. */
    void kill() throws IOException, InterruptedException {
      pg(
          bin.resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-m",
          "immediate",
          "-w",
          "stop");
    }

    @Override
    public void close() throws IOException, InterruptedException {
      try {
        if (Files.exists(dir.resolve("data/postmaster.pid"))) {
          kill();
        }
      } finally {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }

    private void pg(String... command) throws IOException, InterruptedException {
      List<String> c = new ArrayList<>();
      if (root()) {
        c.addAll(List.of("runuser", "-u", "postgres", "--"));
      }
      c.addAll(List.of(command));
      run(c);
    }

    private static boolean root() {
      return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command)
                + " failed: "
                + new String(out, java.nio.charset.StandardCharsets.UTF_8));
      }
    }

    private static Path binaries() throws IOException {
      Path base = Path.of("/usr/lib/postgresql");
      if (Files.isDirectory(base)) {
        try (Stream<Path> versions = Files.list(base)) {
          Path bin =
              versions
                  .map(v -> v.resolve("bin"))
                  .filter(b -> Files.isExecutable(b.resolve("initdb")))
                  .max(Comparator.naturalOrder())
                  .orElse(null);
          if (bin != null) {
            return bin;
          }
        }
      }
      throw new AssertionError(
          "PostgreSQL server binaries (initdb, pg_ctl) are not installed under /usr/lib/postgresql —"
              + " install them (Debian: apt-get install postgresql) or run .ci/run");
    }
  }
}
