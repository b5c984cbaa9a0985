package io.github.govdx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.govdx.cli.CliRun.Result;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.evidence.EvidenceLog;
import io.github.govdx.store.jdbc.JdbcStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceCommandTest {

  @TempDir Path dir;

  Path log;
  String head;

  /** A real log of three sealed messages, written by the library's EvidenceLog. */
  @BeforeEach
  void writeLog() throws IOException {
    Path a = Pki.keygen(dir, "a", "gm", Pki.A);
    Path b = Pki.keygen(dir, "b", "gm", Pki.B);
    Path payload = Files.writeString(dir.resolve("p.json"), "{\"n\":1}");
    log = dir.resolve("evidence.log");
    try (EvidenceLog evidence = EvidenceLog.open(log, Clock.systemUTC())) {
      for (int i = 0; i < 3; i++) {
        Path out = dir.resolve("m" + i + ".json");
        Result r =
            CliRun.run(
                "seal",
                "--key",
                Pki.key(a),
                "--cert",
                Pki.cert(a),
                "--to",
                Pki.cert(b),
                "--from-party",
                Pki.A,
                "--to-party",
                Pki.B,
                "--resource",
                "R-000" + i,
                "--in",
                payload.toString(),
                "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        head = evidence.recordSealed(Envelope.parse(Files.readAllBytes(out)));
      }
    }
  }

  @Test
  void verify_timestampedLog_withTsaTrust_verifiesEveryToken() throws IOException {
    io.github.govdx.testkit.TestPki pki = io.github.govdx.testkit.TestPki.create();
    Path stamped = dir.resolve("stamped.log");
    Files.copy(log, stamped);
    try (EvidenceLog evidence = EvidenceLog.open(stamped, Clock.systemUTC())) {
      evidence.timestamp(pki.timestampAuthority());
    }
    Path anchors =
        Files.writeString(
            dir.resolve("tsa-ca.pem"), io.github.govdx.crypto.key.Pem.write(pki.caCertificate()));
    Result ok =
        CliRun.run("evidence", "verify", stamped.toString(), "--tsa-trust", anchors.toString());
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(ok.out()).contains("time-stamps    1 verified");
    Path otherCa =
        Files.writeString(
            dir.resolve("other-ca.pem"),
            io.github.govdx.crypto.key.Pem.write(
                io.github.govdx.testkit.TestPki.create().caCertificate()));
    Result bad =
        CliRun.run("evidence", "verify", stamped.toString(), "--tsa-trust", otherCa.toString());
    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(1);
    assertThat(bad.err()).contains("GDX-2502").contains("time-stamp");
  }

  @Test
  void verify_intactLog_exit0() {
    Result r = CliRun.run("evidence", "verify", log.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("3 entries").contains(head);
  }

  @Test
  void verify_expectedHead_exit0_json() {
    Result r = CliRun.run("evidence", "verify", log.toString(), "--head", head, "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.json().path("intact").asBoolean()).isTrue();
    assertThat(r.json().path("entries").asLong()).isEqualTo(3);
    assertThat(r.json().path("head").asText()).isEqualTo(head);
  }

  @Test
  void verify_modifiedLine_exit1_gdx2502_namesLine() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
    lines.set(1, lines.get(1).replace("R-0001", "R-0009"));
    Files.write(log, lines, StandardCharsets.UTF_8);
    Result r = CliRun.run("evidence", "verify", log.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("check failed: GDX-2502").contains("line 2");
  }

  @Test
  void verify_deletedLine_exit1() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
    lines.remove(1);
    Files.write(log, lines, StandardCharsets.UTF_8);
    Result r = CliRun.run("evidence", "verify", log.toString(), "--json");
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.json().path("error").path("code").asText()).isEqualTo("GDX-2502");
    assertThat(r.json().path("firstBrokenLine").asLong()).isEqualTo(2);
  }

  @Test
  void verify_truncatedTail_detectedOnlyWithHead_exit1() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
    Files.write(log, lines.subList(0, 2), StandardCharsets.UTF_8);
    assertThat(CliRun.run("evidence", "verify", log.toString()).exitCode()).isZero();
    Result r = CliRun.run("evidence", "verify", log.toString(), "--head", head);
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("GDX-2502").contains("cut off");
  }

  /** The same three envelopes recorded in a govdx-store-jdbc chain in an H2 file database. */
  private String jdbcChain() throws IOException {
    String url = "jdbc:h2:file:" + dir.resolve("evidence-db").toAbsolutePath();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      JdbcStores stores = JdbcStores.builder().dataSource(pool).build();
      stores.createTables();
      EvidenceLog evidence = EvidenceLog.create(stores.evidenceStore("hotline"), Clock.systemUTC());
      for (int i = 0; i < 3; i++) {
        head =
            evidence.recordSealed(
                Envelope.parse(Files.readAllBytes(dir.resolve("m" + i + ".json"))));
      }
    }
    return url;
  }

  @Test
  void verify_jdbcChain_intact_thenTampered_exit1() throws Exception {
    String url = jdbcChain();

    Result ok =
        CliRun.run("evidence", "verify", "--jdbc", url, "--chain", "hotline", "--head", head);
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(ok.out()).contains("3 entries").contains(head);

    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      assertThat(
              s.executeUpdate(
                  "UPDATE gdx_evidence SET line = REPLACE(line, 'R-0002', 'R-0009') WHERE seq = 3"))
          .isEqualTo(1);
    }
    Result bad = CliRun.run("evidence", "verify", "--jdbc", url, "--chain", "hotline", "--json");
    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(bad.json().path("firstBrokenLine").asLong()).isEqualTo(3);
  }

  @Test
  void verify_jdbcWrongPrefix_exit2_gdx1602() throws Exception {
    String url = jdbcChain();
    Result r =
        CliRun.run(
            "evidence", "verify", "--jdbc", url, "--chain", "hotline", "--table-prefix", "other_");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-1602");
  }

  @Test
  void verify_jdbcWithoutChain_orWithLog_exit2_usage() throws Exception {
    assertThat(CliRun.run("evidence", "verify", "--jdbc", "jdbc:h2:mem:x").err())
        .contains("GDX-5001");
    assertThat(
            CliRun.run(
                    "evidence", "verify", log.toString(), "--jdbc", "jdbc:h2:mem:x", "--chain", "c")
                .err())
        .contains("GDX-5001");
  }

  @Test
  void verify_missingLog_exit2_gdx5002() {
    Result r = CliRun.run("evidence", "verify", dir.resolve("none.log").toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5002");
  }
}
