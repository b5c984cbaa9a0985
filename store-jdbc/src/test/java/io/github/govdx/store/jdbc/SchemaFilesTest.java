package io.github.govdx.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.govdx.client.provider.IdempotencyClaim;
import io.github.govdx.crypto.evidence.EvidenceStore;
import io.github.govdx.store.jdbc.internal.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The DDL files shipped in the jar ({@code io/github/govdx/store/jdbc/schema/<engine>/V1__govdx_store.sql}) are the
 * only copy of the tables: each runs, as a migration tool would run it (the whole file), on its real engine in a
 * schema or database of its own, twice (idempotent), and the stores then work on those tables without {@code
 * createTables()}; {@code createTables()} with another prefix creates the same tables under that prefix; and
 * docs/store-jdbc.md shows the PostgreSQL file exactly.
 */
class SchemaFilesTest {

  private static final String[] TABLES = {
    "first_seen", "idempotency", "evidence_head", "evidence", "outbox"
  };

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.class,
      names = {
        "POSTGRESQL",
        "MARIADB",
        "H2"
      }) // one per engine (the affected-rows MariaDB is the same DDL)
  void theShippedFileRunsOnItsEngineAndTheStoresUseItsTables(TestDatabase engine) throws Exception {
    Dialect dialect = Dialect.valueOf(engine.name());
    String sql = resource(dialect.schemaResource());
    String schema = "gdx_ddl_" + UUID.randomUUID().toString().substring(0, 8);
    String url = createSchema(engine, schema);
    try (HikariDataSource pool = pool(url)) {
      for (int run = 0; run < 2; run++) { // IF NOT EXISTS: a second run changes nothing
        try (Connection c = pool.getConnection();
            Statement s = c.createStatement()) {
          if (engine == TestDatabase.H2) {
            s.execute("RUNSCRIPT FROM 'classpath:/" + dialect.schemaResource() + "'");
          } else {
            s.execute(sql); // the file as it is: one multi-statement batch
          }
        }
      }
      assertThat(tables(pool, "gdx_")).containsExactlyInAnyOrder(TABLES);

      JdbcStores stores = JdbcStores.builder().dataSource(pool).build(); // no createTables()
      Instant exp = Instant.now().plusSeconds(60);
      assertThat(stores.replayCache().firstSeen("m-1", exp)).isTrue();
      assertThat(stores.replayCache().firstSeen("m-1", exp)).isFalse();
      assertThat(
              stores
                  .idempotencyStore()
                  .claim("k-1", "fp", Instant.now().plusSeconds(5), exp)
                  .outcome())
          .isEqualTo(IdempotencyClaim.Outcome.ACQUIRED);
      io.github.govdx.crypto.evidence.EvidenceStore chain = stores.evidenceStore("ddl");
      chain.append((seq, previous) -> new EvidenceStore.Entry(seq, "{\"n\":" + seq + "}", "ab"));
      java.util.List<String> lines = new java.util.ArrayList<>();
      chain.read(lines::add);
      assertThat(lines).hasSize(1);
      assertThat(stores.outboxStore().stats()).isNotNull();

      // createTables() with another prefix: the same file, every gdx_ replaced
      JdbcStores other = JdbcStores.builder().dataSource(pool).tablePrefix("dept_").build();
      other.createTables();
      assertThat(tables(pool, "dept_")).containsExactlyInAnyOrder(TABLES);
      assertThat(other.replayCache().firstSeen("m-1", exp)).isTrue();
    } finally {
      dropSchema(engine, schema);
    }
  }

  @Test
  void theDocsShowThePostgresqlFileExactly() throws IOException {
    String file = resource(Dialect.POSTGRESQL.schemaResource());
    String statements = file.substring(file.indexOf("CREATE TABLE"));
    String doc = Files.readString(Path.of("..", "docs", "store-jdbc.md"), StandardCharsets.UTF_8);
    int start = doc.indexOf("```sql\n", doc.indexOf("## Tables (DDL)")) + "```sql\n".length();
    String block = doc.substring(start, doc.indexOf("```", start));
    assertThat(block).isEqualTo(statements);
    for (Dialect d : Dialect.values()) {
      assertThat(doc).contains("`" + d.schemaResource() + "`");
    }
  }

  @Test
  void everyFileCreatesTheSameTables_andTheOutboxIndexesOfItsEngine() throws IOException {
    for (Dialect d : Dialect.values()) {
      String sql = resource(d.schemaResource());
      assertThat(names(sql, "TABLE"))
          .as(d.name())
          .containsExactlyInAnyOrder(
              "gdx_first_seen",
              "gdx_idempotency",
              "gdx_evidence_head",
              "gdx_evidence",
              "gdx_outbox");
      // PostgreSQL: partial indexes (the claim's plain index scans); the others have none
      assertThat(names(sql, "INDEX"))
          .as(d.name())
          .containsExactlyInAnyOrder(
              "gdx_first_seen_exp",
              "gdx_idempotency_exp",
              d == Dialect.POSTGRESQL ? "gdx_outbox_pending" : "gdx_outbox_due",
              "gdx_outbox_leased",
              "gdx_outbox_order");
      assertThat(sql.contains(" WHERE state")).isEqualTo(d == Dialect.POSTGRESQL);
    }
  }

  private static TreeSet<String> names(String sql, String kind) {
    TreeSet<String> n = new TreeSet<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(kind + " IF NOT EXISTS (\\w+)").matcher(sql);
    while (m.find()) {
      n.add(m.group(1));
    }
    return n;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SchemaFilesTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(4);
    config.setConnectionTimeout(5_000);
    return new HikariDataSource(config);
  }

  private static String createSchema(TestDatabase engine, String schema) {
    String admin = engine.adminUrl();
    try {
      switch (engine) {
        case POSTGRESQL -> {
          admin(admin, "CREATE SCHEMA " + schema);
          return admin + "&currentSchema=" + schema;
        }
        case MARIADB -> {
          admin(admin, "CREATE DATABASE " + schema);
          return admin.replace("/test?", "/" + schema + "?") + "&allowMultiQueries=true";
        }
        default -> {
          return "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1";
        }
      }
    } catch (SQLException e) {
      throw engine.notReachable(e);
    }
  }

  private static void dropSchema(TestDatabase engine, String schema) throws SQLException {
    switch (engine) {
      case POSTGRESQL -> admin(engine.adminUrl(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      case MARIADB -> admin(engine.adminUrl(), "DROP DATABASE IF EXISTS " + schema);
      default -> admin("jdbc:h2:mem:" + schema, "SHUTDOWN");
    }
  }

  private static void admin(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static TreeSet<String> tables(HikariDataSource pool, String prefix) throws SQLException {
    TreeSet<String> out = new TreeSet<>();
    try (Connection c = pool.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      String catalog = c.getCatalog();
      String schema = c.getSchema();
      try (ResultSet rs = md.getTables(catalog, schema, null, new String[] {"TABLE"})) {
        while (rs.next()) {
          String t = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          if (t.startsWith(prefix)) {
            out.add(t.substring(prefix.length()));
          }
        }
      }
    }
    return out;
  }
}
