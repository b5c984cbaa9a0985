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
}
