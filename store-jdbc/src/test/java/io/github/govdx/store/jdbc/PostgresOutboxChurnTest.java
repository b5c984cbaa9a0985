package io.github.govdx.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.client.outbox.OutboxEntry;
import io.github.govdx.client.outbox.OutboxStore;
import io.github.govdx.store.jdbc.internal.JdbcOutboxStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox's claim on PostgreSQL stays cheap however many entries went through it: every state change leaves a
 * dead index entry behind (state is indexed, so no update is HOT), and a claim that read those again each time cost
 * more with every delivery (performance.md, "Durable outbox"). After 1,500 entries claimed and delivered the
 * claim's candidate query must read a few dozen buffers, not thousands, and never through a bitmap scan (which
 * cannot mark dead entries).
 */
@ExtendWith(TestDatabase.Cleanup.class)
class PostgresOutboxChurnTest {

  @Test
  void claimReadsFewBuffers_afterThousandsOfDeliveries() throws SQLException, java.io.IOException {
    String prefix = "c" + UUID.randomUUID().toString().substring(0, 8) + "_";
    OutboxStore store = TestDatabase.POSTGRESQL.outboxStore(prefix, true);
    Instant t0 = Instant.now().minusSeconds(5);
    int total = 1_500;
    for (int i = 0; i < total; i++) {
      store.add(OutboxEntries.pending(t0));
    }
    int delivered = 0;
    while (true) {
      List<OutboxEntry> claimed =
          store.claim("worker", Instant.now(), Instant.now().plusSeconds(30), 8);
      if (claimed.isEmpty()) {
        break;
      }
      for (OutboxEntry e : claimed) {
        assertThat(store.delivered(e.id(), Instant.now(), "{}")).isTrue();
        delivered++;
      }
    }
    assertThat(delivered).isEqualTo(total);
    // Three fresh entries: the claim must find them among 1,500 delivered rows and their dead
    // versions.
    List<String> fresh = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      OutboxEntry e = OutboxEntries.pending(t0);
      store.add(e);
      fresh.add(e.id());
    }

    // The claims above met every dead entry once and marked it; this read must skip them all.
    JsonNode plan = explain(prefix + "outbox");
    assertThat(plan.toString()).doesNotContain("Bitmap").doesNotContain("Seq Scan");
    JsonNode top = plan.path("Plan");
    long buffers = top.path("Shared Hit Blocks").asLong() + top.path("Shared Read Blocks").asLong();
    assertThat(buffers).as("buffers read by one claim's candidate query: %s", plan).isLessThan(150);
    assertThat(store.claim("worker", Instant.now(), Instant.now().plusSeconds(30), 8))
        .extracting(OutboxEntry::id)
        .containsExactlyElementsOf(fresh);
  }

  private static JsonNode explain(String table) throws SQLException, java.io.IOException {
    long now = Instant.now().toEpochMilli();
    try (Connection c = TestDatabase.POSTGRESQL.pool().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement set = c.prepareStatement("SET LOCAL enable_bitmapscan = off");
          PreparedStatement s =
              c.prepareStatement(
                  "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) "
                      + JdbcOutboxStore.candidateQuery(table))) {
        set.execute();
        s.setLong(1, now);
        s.setInt(2, 8);
        s.setLong(3, now);
        s.setInt(4, 8);
        s.setInt(5, 8);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return new ObjectMapper().readTree(rs.getString(1)).get(0);
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }
}
