package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.govdx.client.RateLimit;
import io.github.govdx.client.auth.GatewaySecret;
import io.github.govdx.client.auth.GovdxHmacAuthenticator;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.store.redis.RedisStores;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two in-process sandboxes on one {@link SandboxState} without Redis, on each JDBC engine (PostgreSQL, MariaDB, H2):
 * the same CA, a nonce replayed to the other is refused, a sealed push through both is stored once, a same-key
 * retry at the other gets the stored answer, and the batch is visible to both; and, with Redis, one per-party rate
 * limit for both. PostgreSQL, MariaDB and Redis must be running (the test fails, never skips, without them).
 */
class SandboxSharedStateTest {

  private static final String DEMANDS = "335002001/00003";
  private static final String PUSH = "/v1/data/335002001/00003/batches";
  private static final String PEOPLE = "335001001/00012";
  private static final String ENV = "application/govdx-envelope+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OkHttpClient HTTP = new OkHttpClient();

  /** Redis (RedisStores fails to build, never skips, when it is absent). */
  private static final String REDIS = "redis://127.0.0.1:6379";

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb", "h2"})
  void twoSandboxesOnOneDatabaseActAsOnePlatform(String engine) throws Exception {
    String name = "gdx_sbx_" + UUID.randomUUID().toString().substring(0, 8);
    String url = createDatabase(engine, name);
    try (HikariDataSource pool = pool(url)) {
      SandboxState state = SandboxState.builder().dataSource(pool).tablePrefix("s_").build();
      try (ExchangeSandbox a = ExchangeSandbox.builder().sharedState(state).start();
          ExchangeSandbox b = ExchangeSandbox.builder().sharedState(state).start()) {
        assertThat(b.pki().caCertificate()).isEqualTo(a.pki().caCertificate());
        assertThat(b.party("hotline").credentials().certificate())
            .isEqualTo(a.party("hotline").credentials().certificate());

        Request once = signed(a, "hotline", get(a.baseUri(), a));
        assertThat(send(once)[0]).isEqualTo("200");
        String[] replayed = send(once.newBuilder().url(b.baseUri() + path()).build());
        assertThat(replayed[0]).as(replayed[1]).isEqualTo("401");
        assertThat(replayed[1]).contains("GDX-3104");

        Envelope push = seal(a, "GD2026120400" + engine.length() + "01");
        String key = "k-" + UUID.randomUUID();
        String[] first = send(signed(a, "hotline", post(a.baseUri(), a, push, key)));
        assertThat(first[0]).as(first[1]).isEqualTo("201");
        String[] retry = send(signed(b, "hotline", post(b.baseUri(), b, push, key)));
        assertThat(retry[0]).as(retry[1]).isEqualTo("201");
        assertThat(retry[1]).isEqualTo(first[1]);
        String[] again =
            send(signed(b, "hotline", post(b.baseUri(), b, push, "k-" + UUID.randomUUID())));
        assertThat(again[0]).as(again[1]).isEqualTo("400");
        assertThat(again[1]).contains("GDX-3304");
        assertThat(b.batches(DEMANDS)).hasSize(1);
        assertThat(a.batches(DEMANDS).get(0).messageId()).isEqualTo(push.headers().messageId());

        // an application approved at A grants the conditional query at B
        String person = a.records(PEOPLE).get(0).get("sfzh").asText();
        String filter = "{\"filter\": {\"sfzh\": \"" + person + "\"}}";
        String[] denied = send(signed(b, "hotline", query(b, seal(b, PEOPLE, "query", filter))));
        assertThat(denied[0]).as(denied[1]).isEqualTo("403");
        String[] app =
            send(
                signed(
                    a,
                    "hotline",
                    new Request.Builder()
                        .url(a.baseUri() + "/v1/applications")
                        .header("X-Gdx-Party", a.party("hotline").partyId().toString())
                        .post(
                            RequestBody.create(
                                ("{\"resourceCode\": \""
                                        + PEOPLE
                                        + "\", \"purpose\": \"核验\", \"items\": [\"xm\", \"sfzh\"]}")
                                    .getBytes(StandardCharsets.UTF_8),
                                MediaType.get("application/json")))
                        .build()));
        assertThat(app[0]).as(app[1]).isEqualTo("201");
        String[] allowed = send(signed(b, "hotline", query(b, seal(b, PEOPLE, "query", filter))));
        assertThat(allowed[0]).as(allowed[1]).isEqualTo("200");
        JsonNode records =
            JSON.readTree(
                    b.codecFor(b.party("hotline"))
                        .open(allowed[1].getBytes(StandardCharsets.UTF_8))
                        .payload())
                .get("records");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).has("xb")).isFalse(); // only the items the application asked for
      }
    } finally {
      dropDatabase(engine, name);
    }
  }

  @Test
  void tablePrefix_thatIsNotAPlainIdentifier_isRefusedAtTheSandboxsBuilder() {
    for (String bad : new String[] {"gdx; DROP TABLE x; --", "1gdx", "", "a".repeat(32)}) {
      assertThatThrownBy(() -> SandboxState.builder().tablePrefix(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tablePrefix");
    }
    SandboxState.builder().tablePrefix("gdx_sandbox_2_");
  }

  @Test
  void theRateLimitOfAPartyIsSharedThroughRedis() throws Exception {
    String name = "gdx_sbx_" + UUID.randomUUID().toString().substring(0, 8);
    String prefix = "sbxrl" + UUID.randomUUID().toString().substring(0, 6) + ":";
    try (HikariDataSource pool = pool("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        RedisStores redis = RedisStores.builder().uri(REDIS).keyPrefix(prefix).build()) {
      SandboxState state = SandboxState.builder().dataSource(pool).redis(redis).build();
      RateLimit oneAMinute = RateLimit.perSecond(1.0 / 60, 1);
      try (ExchangeSandbox a =
              ExchangeSandbox.builder().sharedState(state).rateLimit(oneAMinute).start();
          ExchangeSandbox b =
              ExchangeSandbox.builder().sharedState(state).rateLimit(oneAMinute).start()) {
        assertThat(send(signed(a, "hotline", get(a.baseUri(), a)))[0]).isEqualTo("200");
        String[] limited = send(signed(b, "hotline", get(b.baseUri(), b)));
        assertThat(limited[0]).as(limited[1]).isEqualTo("429");
        assertThat(limited[1]).contains("GDX-3108");
        // another party has its own bucket
        assertThat(send(signed(b, "police", get(b.baseUri(), b, "police")))[0]).isEqualTo("200");
      }
    } finally {
      RedisClient client = RedisClient.create(REDIS);
      try (StatefulRedisConnection<String, String> c = client.connect()) {
        List<String> keys = c.sync().keys(prefix + "*");
        if (!keys.isEmpty()) {
          c.sync().del(keys.toArray(String[]::new));
        }
      } finally {
        client.shutdown();
      }
    }
  }

  private static String path() {
    return "/v1/catalog/resources/" + DEMANDS;
  }

  private static Request get(URI base, ExchangeSandbox s) {
    return get(base, s, "hotline");
  }

  private static Request get(URI base, ExchangeSandbox s, String alias) {
    return new Request.Builder()
        .url(base + path())
        .header("X-Gdx-Party", s.party(alias).partyId().toString())
        .get()
        .build();
  }

  private static Request post(URI base, ExchangeSandbox s, Envelope body, String key) {
    return new Request.Builder()
        .url(base + PUSH)
        .header("X-Gdx-Party", s.party("hotline").partyId().toString())
        .header("Idempotency-Key", key)
        .post(RequestBody.create(body.toBytes(), MediaType.get(ENV)))
        .build();
  }

  private static Request query(ExchangeSandbox s, Envelope body) {
    return new Request.Builder()
        .url(s.baseUri() + "/v1/data/" + PEOPLE + "/query")
        .header("X-Gdx-Party", s.party("hotline").partyId().toString())
        .post(RequestBody.create(body.toBytes(), MediaType.get(ENV)))
        .build();
  }

  private static Envelope seal(ExchangeSandbox s, String code, String action, String payload) {
    JsonNode entry = s.resource(code).orElseThrow();
    TestParty p = s.party("hotline");
    RoutingHeaders h =
        RoutingHeaders.builder()
            .messageId(UUID.randomUUID().toString())
            .issuedAt(Instant.now())
            .sender(p.partyId())
            .receiver(io.github.govdx.core.party.PartyId.parse(entry.get("provider").asText()))
            .resourceCode(code)
            .action(action)
            .build();
    return s.codecFor(p).seal(h, payload.getBytes(StandardCharsets.UTF_8));
  }

  private static Request signed(ExchangeSandbox s, String alias, Request r) {
    TestParty p = s.party(alias);
    return GovdxHmacAuthenticator.builder()
        .keyId(p.gatewayKeyId())
        .secret(GatewaySecret.of(p.gatewaySecretBytes()))
        .build()
        .authenticate(r)
        .request();
  }

  /** Status and body text. */
  private static String[] send(Request r) {
    try (Response response = HTTP.newCall(r).execute()) {
      return new String[] {
        Integer.toString(response.code()),
        new String(response.body().bytes(), StandardCharsets.UTF_8)
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Envelope seal(ExchangeSandbox s, String gdbh) {
    JsonNode entry = s.resource(DEMANDS).orElseThrow();
    TestParty p = s.party("hotline");
    RoutingHeaders h =
        RoutingHeaders.builder()
            .messageId(UUID.randomUUID().toString())
            .issuedAt(Instant.now())
            .sender(p.partyId())
            .receiver(io.github.govdx.core.party.PartyId.parse(entry.get("provider").asText()))
            .resourceCode(DEMANDS)
            .action("push")
            .build();
    String record =
        "{\"gdbh\": \""
            + gdbh
            + "\", \"sqqd\": \"电话\", \"sqlx\": \"投诉\", \"sqnr\": \"小区路灯不亮\", "
            + "\"xzqh\": \"320505\", \"slsj\": \"2026-11-24T08:12:00Z\"}";
    return s.codecFor(p)
        .seal(h, ("{\"records\": [" + record + "]}").getBytes(StandardCharsets.UTF_8));
  }

  private static HikariDataSource pool(String url) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setMaximumPoolSize(8);
    c.setConnectionTimeout(5_000);
    return new HikariDataSource(c);
  }

  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

  private static String createDatabase(String engine, String name) {
    try {
      switch (engine) {
        case "postgresql" -> {
          admin(PG, "CREATE SCHEMA " + name);
          return PG + "&currentSchema=" + name;
        }
        case "mariadb" -> {
          admin(MARIADB, "CREATE DATABASE " + name);
          return MARIADB.replace("/test?", "/" + name + "?");
        }
        default -> {
          return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        }
      }
    } catch (SQLException e) {
      throw new AssertionError(
          engine
              + " is not reachable — start it (or run .ci/services); it is required, also when"
              + " CI=true",
          e);
    }
  }

  private static void dropDatabase(String engine, String name) throws SQLException {
    switch (engine) {
      case "postgresql" -> admin(PG, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
      case "mariadb" -> admin(MARIADB, "DROP DATABASE IF EXISTS " + name);
      default -> admin("jdbc:h2:mem:" + name, "SHUTDOWN");
    }
  }

  private static void admin(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
