package io.github.govdx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.govdx.cli.CliRun.Result;
import io.github.govdx.client.outbox.OutboxEntry;
import io.github.govdx.client.outbox.OutboxState;
import io.github.govdx.client.outbox.OutboxStore;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.store.jdbc.JdbcStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code govdx outbox status|list|retry} on an outbox table in an H2 file database, written by the library's JDBC
 * outbox store (five entries: two delivered, one dead, two pending).
 */
class OutboxCommandTest {

  @TempDir Path dir;

  private String url;
  private final List<String> ids = new ArrayList<>();

  @BeforeEach
  void outbox() {
    url = "jdbc:h2:file:" + dir.resolve("outbox-db").toAbsolutePath();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      JdbcStores stores = JdbcStores.builder().dataSource(pool).build();
      stores.createTables();
      OutboxStore store = stores.outboxStore();
      Instant t0 = Instant.now().minus(Duration.ofMinutes(10));
      for (int i = 0; i < 5; i++) {
        OutboxEntry e =
            OutboxEntry.builder()
                .id(UUID.randomUUID().toString())
                .receiver(PartyId.parse("113205000141605070"))
                .resourceCode("335002001/00003")
                .idempotencyKey("outbox-cli-test-" + i)
                .messageId(UUID.randomUUID().toString())
                .recordCount(i + 1)
                .envelope(new byte[] {1, 2, 3})
                .ownCopy(new byte[] {4, 5, 6})
                .state(OutboxState.PENDING)
                .createdAt(t0.plusSeconds(i))
                .nextAttemptAt(t0.plusSeconds(i))
                .build();
        store.add(e);
        ids.add(e.id());
      }
      List<OutboxEntry> claimed =
          store.claim("cli-test", t0.plusSeconds(10), t0.plusSeconds(60), 3);
      store.delivered(claimed.get(0).id(), t0.plusSeconds(11), "{}");
      store.delivered(claimed.get(1).id(), t0.plusSeconds(12), "{}");
      store.dead(claimed.get(2).id(), "cli-test", t0.plusSeconds(13), "GDX-3301", "access denied");
    }
  }

  @Test
  void status_countsPerState_andTheBacklogAge() {
    Result r = CliRun.run("outbox", "status", "--jdbc", url, "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode counts = r.json().path("counts");
    assertThat(counts.path("delivered").asLong()).isEqualTo(2);
    assertThat(counts.path("dead").asLong()).isEqualTo(1);
    assertThat(counts.path("pending").asLong()).isEqualTo(2);
    assertThat(counts.path("in_flight").asLong()).isZero();
    assertThat(r.json().path("backlogAgeSeconds").asLong()).isBetween(590L, 3600L);
    Result text = CliRun.run("outbox", "status", "--jdbc", url);
    assertThat(text.out()).contains("dead       1").contains("oldest undelivered");
  }

  @Test
  void list_deadByDefault_otherStates_paged() {
    Result dead = CliRun.run("outbox", "list", "--jdbc", url, "--json");
    assertThat(dead.exitCode()).as(dead.toString()).isZero();
    JsonNode entries = dead.json().path("entries");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).path("id").asText()).isEqualTo(ids.get(2));
    assertThat(entries.get(0).path("lastErrorCode").asText()).isEqualTo("GDX-3301");

    Result pending =
        CliRun.run("outbox", "list", "--jdbc", url, "--state", "pending", "--limit", "1", "--json");
    JsonNode first = pending.json().path("entries");
    assertThat(first).hasSize(1);
    assertThat(first.get(0).path("id").asText()).isEqualTo(ids.get(3));
    Result next =
        CliRun.run(
            "outbox",
            "list",
            "--jdbc",
            url,
            "--state",
            "pending",
            "--after",
            first.get(0).path("sequence").asText(),
            "--json");
    assertThat(next.json().path("entries").get(0).path("id").asText()).isEqualTo(ids.get(4));
    assertThat(next.json().path("entries")).hasSize(1);

    // the entries were submitted about ten minutes ago
    Result old =
        CliRun.run(
            "outbox",
            "list",
            "--jdbc",
            url,
            "--state",
            "pending",
            "--older-than",
            "PT5M",
            "--json");
    assertThat(old.json().path("entries")).hasSize(2);
    Result older =
        CliRun.run(
            "outbox",
            "list",
            "--jdbc",
            url,
            "--state",
            "pending",
            "--older-than",
            "PT1H",
            "--json");
    assertThat(older.json().path("entries")).isEmpty();
  }

  @Test
  void retry_deadEntry_thenAgain_isRefusedWithItsCode() {
    Result ok = CliRun.run("outbox", "retry", ids.get(2), "--jdbc", url);
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(ok.out()).contains("pending again");
    Result again = CliRun.run("outbox", "retry", ids.get(2), "--jdbc", url);
    assertThat(again.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(again.err()).contains("GDX-5120");
    Result status = CliRun.run("outbox", "status", "--jdbc", url, "--json");
    assertThat(status.json().path("counts").path("pending").asLong()).isEqualTo(3);
  }

  @Test
  void badState_wrongPrefix_missingJdbc_areTypedErrors() {
    Result state = CliRun.run("outbox", "list", "--jdbc", url, "--state", "lost");
    assertThat(state.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(state.err()).contains("GDX-5001");
    Result prefix =
        CliRun.run("outbox", "status", "--jdbc", url, "--table-prefix", "other_", "--json");
    assertThat(prefix.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(prefix.json().path("error").path("code").asText()).isEqualTo("GDX-1602");
    assertThat(CliRun.run("outbox", "status").err()).contains("GDX-5001");
  }
}
