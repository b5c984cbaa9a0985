package io.github.govdx.examples.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.ProviderRequest;
import io.github.govdx.client.provider.ProviderResponse;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.examples.TestDatabase;
import io.github.govdx.store.jdbc.JdbcStores;
import io.github.govdx.testkit.ExchangeSandbox;
import io.github.govdx.testkit.TestParty;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transactional inbox (issue 12): a provider whose push handler writes to the same database as its idempotency
 * store, with {@code ProviderEndpoint.Builder.inboxTransactions(JdbcStores.inboxTransactions())}. A handler that
 * fails after writing leaves neither its row nor a claim, and the retry stores the batch once; a repeat is answered
 * from the store; two instances racing one push handle it once. On PostgreSQL and H2.
 */
class TransactionalInboxTest {

  private static final String RESOURCE = "335003001/00031";

  private ExchangeSandbox sandbox;
  private DataSource ds;
  private TestDatabase db;

  @AfterEach
  void stop() throws Exception {
    if (sandbox != null) {
      sandbox.close();
    }
    if (db != null) {
      db.close();
    }
  }

  /** One provider instance: its own JdbcStores on the shared database, the handler writing a row per record. */
  private ProviderEndpoint provider(
      ResourceDetail detail, AtomicBoolean failAfterWrite, AtomicInteger runs) {
    TestParty city = sandbox.party("citymgmt");
    JdbcStores stores = JdbcStores.builder().dataSource(ds).build();
    return ProviderEndpoint.builder()
        .party(city.partyId())
        .credentials(city.credentials())
        .trustStore(sandbox.trustStore())
        .directory(sandbox.directory())
        .replayCache(stores.replayCache())
        .idempotencyStore(stores.idempotencyStore())
        .inboxTransactions(stores.inboxTransactions())
        .push(
            detail,
            p -> {
              runs.incrementAndGet();
              Connection c = stores.currentConnection().orElseThrow();
              try (PreparedStatement s =
                  c.prepareStatement("INSERT INTO work_orders (gdbh, message_id) VALUES (?, ?)")) {
                for (var r : p.records()) {
                  s.setString(1, r.get("gdbh").asText());
                  s.setString(2, p.messageId());
                  s.executeUpdate();
                }
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
              if (failAfterWrite.get()) {
                throw new IllegalStateException("the handler failed after its write");
              }
              return "wo-" + p.messageId();
            })
        .build();
  }

  private byte[] sealedPush(EnvelopeCodec sender, String gdbh) {
    String record =
        "{\"records\":[{\"gdbh\":\""
            + gdbh
            + "\",\"sqlx\":\"投诉\",\"sqnr\":\"路灯不亮\",\"xzqh\":\"320505\","
            + "\"pdsj\":\"2026-12-04T08:20:00Z\",\"blsx\":\"2026-12-07\"}]}";
    return sender
        .seal(
            RoutingHeaders.builder()
                .messageId(UUID.randomUUID().toString())
                .sender(sandbox.party("hotline").partyId())
                .receiver(sandbox.party("citymgmt").partyId())
                .resourceCode(RESOURCE)
                .action("push")
                .build(),
            record.getBytes(StandardCharsets.UTF_8))
        .toBytes();
  }

  private ProviderResponse send(ProviderEndpoint p, String key, byte[] body) {
    return p.handle(
        ProviderRequest.of(
            "POST",
            "/v1/data/" + RESOURCE + "/batches",
            Map.of(
                "Content-Type",
                "application/govdx-envelope+json",
                "X-Gdx-Party",
                sandbox.party("hotline").partyId().toString(),
                "Idempotency-Key",
                key),
            body));
  }

  private List<String> rows() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT gdbh FROM work_orders ORDER BY gdbh")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void handlerWorkClaimAndAnswerCommitTogether(String engine) throws Exception {
    sandbox = ExchangeSandbox.builder().start();
    db = TestDatabase.open(engine, "gdx_inbox_");
    ds = db.dataSource();
    JdbcStores.builder().dataSource(ds).build().createTables();
    // no primary key on purpose: a push handled twice would show as a second row
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE work_orders (gdbh VARCHAR(32) NOT NULL, message_id VARCHAR(64) NOT NULL)");
    }
    ResourceDetail detail;
    try (ExchangeClient c = sandbox.client("citymgmt")) {
      detail = c.catalog().detail(RESOURCE);
    }
    AtomicBoolean fail = new AtomicBoolean(true);
    AtomicInteger runs = new AtomicInteger();
    ProviderEndpoint one = provider(detail, fail, runs);
    ProviderEndpoint two = provider(detail, fail, runs);
    EnvelopeCodec sender = sandbox.codecFor(sandbox.party("hotline"));

    // 1. the handler writes, then fails: its row and both claims roll back
    byte[] push = sealedPush(sender, "GD2026120400001");
    ProviderResponse failed = send(one, "inbox-test-key-0001", push);
    assertThat(failed.status()).isEqualTo(500);
    assertThat(rows()).isEmpty();

    // 2. the retry (same key, same envelope) on the other instance runs the handler again and
    // stores once
    fail.set(false);
    ProviderResponse ok = send(two, "inbox-test-key-0001", push);
    assertThat(ok.status()).isEqualTo(201);
    assertThat(rows()).containsExactly("GD2026120400001");

    // 3. a repeat is answered from the store: no second handler run
    int before = runs.get();
    ProviderResponse again = send(one, "inbox-test-key-0001", push);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.headers()).containsEntry("Idempotency-Replayed", "true");
    assertThat(runs.get()).isEqualTo(before);

    // 4. twenty threads on two instances race one new push: handled once, everyone gets its answer
    byte[] raced = sealedPush(sender, "GD2026120400002");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<ProviderResponse>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ProviderEndpoint p = i % 2 == 0 ? one : two;
      answers.add(pool.submit(() -> send(p, "inbox-test-key-0002", raced)));
    }
    int created = 0;
    for (Future<ProviderResponse> f : answers) {
      int status = f.get().status();
      assertThat(status).isIn(201, 409, 503);
      if (status == 201) {
        created++;
      }
    }
    pool.shutdown();
    assertThat(created).isPositive();
    assertThat(rows()).containsExactly("GD2026120400001", "GD2026120400002");
  }
}
