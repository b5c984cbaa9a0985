package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SandboxMainTest {

  @Test
  void exportSeed_writesAStartingPoint(@TempDir Path dir) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new SandboxMain());
    cl.setOut(new PrintWriter(out));
    int code = cl.execute("--export-seed", dir.toString());
    assertThat(code).isZero();
    assertThat(dir.resolve("parties.json")).exists();
    assertThat(dir.resolve("datasets").resolve("335001001-00012.json")).exists();
    assertThat(out.toString()).contains("built-in seed written");
  }

  @Test
  void badReviewMode_exitCode2(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new SandboxMain());
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("--review", "sometimes", "--port", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--review");
    Files.writeString(dir.resolve("parties.json"), "{}");
    assertThat(new CommandLine(new SandboxMain()).execute("--seed", dir.toString(), "--port", "0"))
        .isEqualTo(1);
  }

  @Test
  void sharedStateOptions_refuseWhatCannotWork() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new SandboxMain());
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("--port", "0", "--redis", "redis://127.0.0.1:6379")).isEqualTo(2);
    assertThat(err.toString()).contains("--redis needs --state");

    err.getBuffer().setLength(0);
    assertThat(cl.execute("--port", "0", "--rate-limit", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--rate-limit");

    err.getBuffer().setLength(0);
    assertThat(cl.execute("--port", "0", "--state", "jdbc:oracle:thin:@db:1521/x")).isEqualTo(1);
    assertThat(err.toString()).contains("--state").contains("jdbc:postgresql");

    err.getBuffer().setLength(0);
    assertThat(
            cl.execute("--port", "0", "--state", "jdbc:h2:mem:x", "--state-prefix", "bad-prefix!"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("tablePrefix");
  }

  @Test
  void theBannerNeverShowsADatabasePassword() {
    assertThat(
            SharedStateOptions.redact(
                "jdbc:postgresql://db:5432/x?user=sandbox&password=s3cret&ssl=true"))
        .doesNotContain("s3cret")
        .contains("password=***")
        .contains("ssl=true");
    assertThat(SharedStateOptions.redact("jdbc:mariadb://root:s3cret@db:3306/x"))
        .doesNotContain("s3cret");
  }
}
