package io.github.govdx.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The mapping of failures to exit codes and error codes, independent of any real command. */
class BaseCommandTest {

  @Command(name = "probe")
  static final class Probe extends BaseCommand {
    private final Supplier<Integer> body;

    Probe(Supplier<Integer> body) {
      this.body = body;
    }

    @Override
    protected int execute() {
      return body.get();
    }
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Supplier<Integer> body, String... args) {
    CliContext ctx =
        new CliContext(
            Clock.systemUTC(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    Probe probe = new Probe(body);
    probe.bind(ctx);
    return new CommandLine(probe).execute(args);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void libraryFailure_isCheckFailed_exit1_withLibraryCode() {
    int code =
        run(
            () -> {
              throw new GovdxException(CoreErrorCode.PARTY_ID_INVALID, "bad party");
            });
    assertThat(code).isEqualTo(1);
    assertThat(err()).isEqualTo("probe: check failed: GDX-1501: bad party\n");
  }

  @Test
  void cliFailure_keepsItsExitCode_exit2() {
    int code =
        run(
            () -> {
              throw CliException.error(CliErrorCode.FILE_UNREADABLE, "--in x: no such file");
            });
    assertThat(code).isEqualTo(2);
    assertThat(err()).isEqualTo("probe: error: GDX-5002: --in x: no such file\n");
  }

  @Test
  void inputFailure_keepsLibraryCode_butExit2() {
    GovdxException cause =
        new GovdxException(CoreErrorCode.CODE_TABLE_MALFORMED, "line 3: two columns");
    int code =
        run(
            () -> {
              throw CliException.inputFailure("--table t.csv", cause);
            });
    assertThat(code).isEqualTo(2);
    assertThat(err()).isEqualTo("probe: error: GDX-1001: --table t.csv: line 3: two columns\n");
  }

  @Test
  void unexpectedException_isInternalError_exit2_gdx5901() {
    int code =
        run(
            () -> {
              throw new IllegalStateException("kaput");
            });
    assertThat(code).isEqualTo(2);
    assertThat(err()).contains("GDX-5901").contains("IllegalStateException").contains("kaput");
  }

  @Test
  void json_failure_isOneDocumentOnStdout() throws IOException {
    int code =
        run(
            () -> {
              throw new GovdxException(CoreErrorCode.PARTY_ID_INVALID, "bad party");
            },
            "--json");
    assertThat(code).isEqualTo(1);
    assertThat(err()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(out.toByteArray());
    assertThat(json.path("command").asText()).isEqualTo("probe");
    assertThat(json.path("ok").asBoolean(true)).isFalse();
    assertThat(json.path("exitCode").asInt()).isEqualTo(1);
    assertThat(json.path("error").path("code").asText()).isEqualTo("GDX-1501");
    assertThat(json.path("error").path("title").asText()).isEqualTo("invalid party identifier");
  }

  @Test
  void json_success_carriesOkAndExitCode() throws IOException {
    int code = run(() -> 0, "--json");
    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toByteArray());
    assertThat(json.path("ok").asBoolean()).isTrue();
    assertThat(json.path("exitCode").asInt()).isZero();
    assertThat(json.fieldNames().next()).isEqualTo("command");
  }
}
