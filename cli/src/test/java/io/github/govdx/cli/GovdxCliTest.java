package io.github.govdx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.cli.CliRun.Result;
import org.junit.jupiter.api.Test;

class GovdxCliTest {

  @Test
  void help_listsCommandsAndExitCodes_exit0() {
    Result r = CliRun.run("--help");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(GovdxCli.EXIT_OK);
    assertThat(r.out()).contains("Usage: govdx").contains("Exit codes:").contains("GDX-");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void version_printsProjectVersion_exit0() {
    Result r = CliRun.run("--version");
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_OK);
    assertThat(r.out())
        .startsWith("govdx ")
        .doesNotContain("${project.version}")
        .doesNotContain("unknown");
  }

  @Test
  void run_withoutSubcommand_isUsageError_exit2() {
    Result r = CliRun.run();
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5001").contains("Usage: govdx");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void run_unknownOption_isUsageError_exit2() {
    Result r = CliRun.run("--no-such-option");
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("govdx: error: GDX-5001:").contains("--no-such-option");
  }

  @Test
  void run_unknownSubcommandWithJson_printsJsonError_exit2() {
    Result r = CliRun.run("--json", "frobnicate");
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    JsonNode json = r.json();
    assertThat(json.path("ok").asBoolean(true)).isFalse();
    assertThat(json.path("exitCode").asInt()).isEqualTo(2);
    assertThat(json.path("error").path("code").asText()).isEqualTo("GDX-5001");
    assertThat(r.err()).isEmpty();
  }
}
