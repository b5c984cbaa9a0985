package io.github.govdx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.cli.CliRun.Result;
import io.github.govdx.testkit.ExchangeSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code govdx transfer export} and {@code govdx transfer import} against a real sandbox over HTTP. */
class DatasetCommandsTest {

  private static final String DEMANDS = "335002001/00003";

  @TempDir Path dir;

  private ExchangeSandbox sandbox;
  private String creds;

  @BeforeEach
  void start() {
    sandbox = ExchangeSandbox.builder().port(0).start();
    creds = sandbox.writeCredentials(dir.resolve("keys")).toString();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private Result run(String party, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--credentials");
    all.add(creds);
    all.add("--party");
    all.add(party);
    return CliRun.run(all.toArray(new String[0]));
  }

  private static String demand(int i, String area) {
    return "{\"gdbh\":\"GD-"
        + i
        + "\",\"sqqd\":\"电话\",\"sqlx\":\"投诉\",\"sqnr\":\"第"
        + i
        + "号诉求\",\"xzqh\":\""
        + area
        + "\",\"slsj\":\"2026-12-04T08:12:00Z\"}";
  }

  private Path ndjson(String name, int count, int badAt) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append(demand(i, i == badAt ? "99999X" : "320505")).append('\n');
    }
    return Files.writeString(dir.resolve(name), sb.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void exportThenImport_recordsArriveInOrder_gapAndInvalidRecordRefused() throws Exception {
    Path src = ndjson("demands.ndjson", 2_500, -1);
    Result exported =
        run(
            "hotline",
            "transfer",
            "export",
            src.toString(),
            "--to",
            "bigdata",
            "--resource",
            DEMANDS,
            "--records-per-part",
            "1000",
            "--watermark",
            "w-1",
            "--spool",
            dir.resolve("spool").toString(),
            "--json");
    assertThat(exported.exitCode()).as(exported.toString()).isZero();
    JsonNode e = exported.json();
    assertThat(e.path("records").asLong()).isEqualTo(2_500);
    assertThat(e.path("parts").asInt()).isEqualTo(3);

    Path out = dir.resolve("imported.ndjson");
    Result imported =
        run(
            "bigdata",
            "transfer",
            "import",
            e.path("manifestTransferId").asText(),
            "--from",
            "hotline",
            "--resource",
            DEMANDS,
            "--out",
            out.toString(),
            "--spool",
            dir.resolve("in").toString(),
            "--json");
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.json().path("records").asLong()).isEqualTo(2_500);
    assertThat(imported.json().path("watermark").asText()).isEqualTo("w-1");
    ObjectMapper m = new ObjectMapper();
    List<String> want = Files.readAllLines(src);
    List<String> got = Files.readAllLines(out);
    assertThat(got).hasSize(want.size());
    for (int i = 0; i < want.size(); i++) {
      assertThat(m.readTree(got.get(i))).isEqualTo(m.readTree(want.get(i)));
    }

    // an incremental export that does not continue w-1 is refused, and no output is written
    Result next =
        run(
            "hotline",
            "transfer",
            "export",
            ndjson("next.ndjson", 10, -1).toString(),
            "--to",
            "bigdata",
            "--resource",
            DEMANDS,
            "--previous-watermark",
            "w-2",
            "--watermark",
            "w-3",
            "--json");
    assertThat(next.exitCode()).as(next.toString()).isZero();
    Path gapOut = dir.resolve("gap.ndjson");
    Result gap =
        run(
            "bigdata",
            "transfer",
            "import",
            next.json().path("manifestTransferId").asText(),
            "--from",
            "hotline",
            "--resource",
            DEMANDS,
            "--last-watermark",
            "w-1",
            "--out",
            gapOut.toString());
    assertThat(gap.exitCode()).as(gap.toString()).isNotZero();
    assertThat(gap.err()).contains("GDX-3422");
    assertThat(gapOut).doesNotExist();
    assertThat(dir.resolve(".gap.ndjson.part")).doesNotExist();

    // an invalid record: refused before anything is sent
    Result bad =
        run(
            "hotline",
            "transfer",
            "export",
            ndjson("bad.ndjson", 20, 7).toString(),
            "--to",
            "bigdata",
            "--resource",
            DEMANDS);
    assertThat(bad.exitCode()).as(bad.toString()).isNotZero();
    assertThat(bad.err()).contains("GDX-3410").contains("record 7");
    assertThat(bad.err()).doesNotContain("99999X");
  }
}
