package io.github.govdx.examples.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.ProviderRequest;
import io.github.govdx.client.provider.ProviderResponse;
import io.github.govdx.client.transfer.SendFileRequest;
import io.github.govdx.client.transfer.Transfer;
import io.github.govdx.client.transfer.TransferResult;
import io.github.govdx.client.transfer.TransferState;
import io.github.govdx.examples.TestDatabase;
import io.github.govdx.store.jdbc.JdbcStores;
import io.github.govdx.testkit.ExchangeSandbox;
import io.github.govdx.testkit.SandboxProvider;
import io.github.govdx.testkit.TestParty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files delivered to a provider with two instances (issue 15, {@code docs/protocol.md} §15.8): the sandbox sends
 * each request of the delivery to the next instance in turn (a load balancer), both share one spool directory and
 * one database with the idempotency store and the transactional inbox. The file handler writes a row with the
 * transaction's connection and fails after its write the first time: its row and the claims roll back, the sandbox
 * completes again, and the file is stored once; a later completion is answered from the store. On H2 and PostgreSQL.
 */
class ProviderFilesInboxTest {

  private static final String RESOURCE = "335003001/00031";

  @TempDir Path tmp;

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

  /** One provider instance: its own JdbcStores on the shared database, the shared spool directory. */
  private ProviderEndpoint instance(AtomicBoolean failAfterWrite, AtomicInteger runs) {
    TestParty city = sandbox.party("citymgmt");
    JdbcStores stores = JdbcStores.builder().dataSource(ds).build();
    return ProviderEndpoint.builder()
        .party(city.partyId())
        .credentials(city.credentials())
        .trustStore(sandbox.trustStore())
        .directory(sandbox.directory())
        .idempotencyStore(stores.idempotencyStore())
        .inboxTransactions(stores.inboxTransactions())
        .transferSpool(tmp.resolve("provider-spool"))
        .files(
            RESOURCE,
            f -> {
              runs.incrementAndGet();
              Connection c = stores.currentConnection().orElseThrow();
              try (PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO case_files (transfer_id, message_id, length) VALUES (?, ?, ?)")) {
                s.setString(1, f.transferId());
                s.setString(2, f.messageId());
                s.setLong(3, Files.size(f.path()));
                s.executeUpdate();
              }
              if (failAfterWrite.getAndSet(false)) {
                throw new IllegalStateException("the handler failed after its write");
              }
            })
        .build();
  }

  private List<String> rows() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT transfer_id, length FROM case_files")) {
      while (rs.next()) {
        out.add(rs.getString(1) + " " + rs.getLong(2));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void twoInstances_handlerFailsOnce_fileStoredOnce_senderSeesItDelivered(String engine)
      throws Exception {
    sandbox = ExchangeSandbox.builder().start();
    db = TestDatabase.open(engine, "gdx_files_");
    ds = db.dataSource();
    JdbcStores.builder().dataSource(ds).build().createTables();
    // no key on purpose: a file handled twice would show as a second row
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE case_files (transfer_id VARCHAR(128) NOT NULL,"
              + " message_id VARCHAR(64) NOT NULL, length BIGINT NOT NULL)");
    }
    AtomicBoolean fail = new AtomicBoolean(true);
    AtomicInteger runs = new AtomicInteger();
    ProviderEndpoint one = instance(fail, runs);
    ProviderEndpoint two = instance(fail, runs);
    SandboxProvider[] instances = {ExchangeSandbox.provider(one), ExchangeSandbox.provider(two)};
    AtomicInteger turn = new AtomicInteger();
    sandbox.registerProvider(
        sandbox.party("citymgmt").partyId(),
        request -> instances[turn.getAndIncrement() % 2].handle(request));

    byte[] content = new byte[2 * 1024 * 1024 + 99];
    new Random(31).nextBytes(content);
    Path src = tmp.resolve("case-file.pdf");
    Files.write(src, content);
    try (ExchangeClient hotline = sandbox.client("hotline")) {
      TransferResult sent =
          hotline
              .transfers()
              .send(
                  SendFileRequest.builder()
                      .receiver(sandbox.party("citymgmt").partyId())
                      .resourceCode(RESOURCE)
                      .source(src)
                      .spoolDirectory(tmp.resolve("sender-spool"))
                      .partSize(1024 * 1024)
                      .build());
      long until = System.nanoTime() + 30_000_000_000L;
      Transfer t = hotline.transfers().get(sent.transferId());
      while (t.state() != TransferState.DELIVERED && System.nanoTime() < until) {
        Thread.sleep(50);
        t = hotline.transfers().get(sent.transferId());
      }
      assertThat(t.state()).isEqualTo(TransferState.DELIVERED);
      hotline.transfers().verifyReceipt(sent);

      // the first run wrote and failed (rolled back), the sandbox's next completion ran it again
      assertThat(runs.get()).isEqualTo(2);
      assertThat(rows()).containsExactly(sent.transferId() + " " + content.length);

      // a completion repeated at either instance is answered from the store
      for (ProviderEndpoint p : List.of(one, two)) {
        ProviderResponse again =
            p.handle(
                ProviderRequest.of(
                    "POST",
                    "/v1/transfers/" + sent.transferId() + "/complete",
                    Map.of("X-Gdx-Party", sandbox.party("hotline").partyId().toString()),
                    new byte[0]));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers()).containsEntry("Idempotency-Replayed", "true");
      }
      assertThat(runs.get()).isEqualTo(2);
      assertThat(rows()).hasSize(1);
    }
  }
}
