package io.github.govdx.examples.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.RetryPolicy;
import io.github.govdx.client.auth.GatewaySecret;
import io.github.govdx.client.auth.GovdxHmacAuthenticator;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.client.outbox.OutboxState;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.InMemoryPartyDirectory;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.store.jdbc.JdbcStores;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A sender process for the outbox crash tests: a department system that pushes records {@code from..to-1} of the
 * 12345 demands through a durable outbox on H2 (a file) or PostgreSQL, configured only from the sandbox's
 * credentials directory. On start it submits what is not in the outbox yet (a restart resumes), dispatches until
 * every entry is delivered or dead, then writes {@code done} and exits. The test kills it with SIGKILL at random.
 *
 * <p>Arguments: credentials directory, base URL, JDBC URL, table prefix, from, to, lease in ms, instance name.
 */
public final class OutboxSenderNode {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OutboxSenderNode() {}

  /**
   * Runs the sender.
   *
   * @param args see the class comment
   * @throws Exception on failure (the test reads the log)
   */
  public static void main(String[] args) throws Exception {
    Path creds = Path.of(args[0]);
    URI base = URI.create(args[1]);
    String jdbcUrl = args[2];
    String prefix = args[3];
    int from = Integer.parseInt(args[4]);
    int to = Integer.parseInt(args[5]);
    Duration lease = Duration.ofMillis(Long.parseLong(args[6]));
    String name = args[7];

    JsonNode index = JSON.readTree(creds.resolve("test-parties.json").toFile());
    JsonNode hotline = null;
    JsonNode bigdata = null;
    for (JsonNode p : index.get("parties")) {
      if (p.get("alias").asText().equals("hotline")) {
        hotline = p;
      } else if (p.get("alias").asText().equals("bigdata")) {
        bigdata = p;
      }
    }
    PartyId self = PartyId.parse(hotline.get("partyId").asText());
    PartyCredentials keys =
        PartyCredentials.builder()
            .partyId(self)
            .privateKey(
                Pem.readPrivateKey(Pem.read(creds.resolve(hotline.get("privateKey").asText()))))
            .certificateChain(
                Pem.readCertificates(Pem.read(creds.resolve(hotline.get("certificate").asText()))))
            .build();
    TrustStore trust =
        TrustStore.of(Pem.readCertificates(Pem.read(creds.resolve("test-ca.cert.pem"))));
    InMemoryPartyDirectory directory =
        InMemoryPartyDirectory.builder()
            .add(
                PartyId.parse(bigdata.get("partyId").asText()),
                Pem.readCertificates(Pem.read(creds.resolve(bigdata.get("certificate").asText())))
                    .get(0))
            .build();

    DataSource ds;
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(jdbcUrl);
      ds = h2;
    } else {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(jdbcUrl);
      pg.setUser("postgres");
      ds = pg;
    }
    JdbcStores stores = JdbcStores.builder().dataSource(ds).tablePrefix(prefix).build();
    stores.createTables();

    try (ExchangeClient client =
            ExchangeClient.builder()
                .endpoint(base)
                .party(self)
                .credentials(keys)
                .trustStore(trust)
                .directory(directory)
                .authenticator(
                    GovdxHmacAuthenticator.builder()
                        .keyId(hotline.get("gatewayKeyId").asText())
                        .secret(
                            GatewaySecret.of(
                                Base64.getDecoder()
                                    .decode(hotline.get("gatewaySecretBase64").asText())))
                        .build())
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
                .build();
        Outbox outbox =
            Outbox.builder()
                .client(client)
                .store(stores.outboxStore())
                .instanceId(name)
                .lease(lease)
                .backoff(Duration.ofMillis(50), Duration.ofMillis(500))
                .pollInterval(Duration.ofMillis(100))
                .workers(4)
                .build()) {
      outbox.start();
      Set<String> submitted = submittedKeys(ds, prefix);
      for (int i = from; i < to; i++) {
        String key = String.format("outbox-crash-%07d", i);
        if (submitted.contains(key)) {
          continue;
        }
        ObjectNode r = JSON.createObjectNode();
        r.put("gdbh", String.format("GD20261204%07d", i));
        r.put("sqqd", "电话");
        r.put("sqlx", "投诉");
        r.put("sqnr", "小区路灯不亮，夜间出行不便");
        r.put("xzqh", "320505");
        r.put("slsj", "2026-12-04T08:12:00Z");
        outbox.submit(
            PushRequest.builder()
                .resourceCode("335002001/00003")
                .addRecord(r)
                .idempotencyKey(key)
                .build());
      }
      while (outbox.stats().count(OutboxState.PENDING) + outbox.stats().count(OutboxState.IN_FLIGHT)
          > 0) {
        Thread.sleep(100);
      }
    }
    Files.writeString(Path.of(args[0]).resolve("done-" + name), "done");
  }

  private static Set<String> submittedKeys(DataSource ds, String prefix) throws Exception {
    Set<String> out = new HashSet<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT idempotency_key FROM " + prefix + "outbox")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
