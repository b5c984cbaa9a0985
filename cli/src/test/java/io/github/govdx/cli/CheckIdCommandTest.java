package io.github.govdx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.cli.CliRun.Result;
import org.junit.jupiter.api.Test;

class CheckIdCommandTest {

  // GB 11643-1999 Annex example: 11010519491231002X is valid; changing the check character breaks
  // it.
  private static final String CITIZEN_VALID = "11010519491231002X";
  private static final String CITIZEN_BAD_CHECK = "110105194912310021";

  @Test
  void checkId_allValid_printsValueTabValid_exit0() {
    Result r = CliRun.run("check-id", "gb11643", CITIZEN_VALID);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(CITIZEN_VALID + "\tvalid\n");
  }

  @Test
  void checkId_oneInvalid_printsCodeAndReason_exit1() {
    Result r = CliRun.run("check-id", "gb11643", CITIZEN_VALID, CITIZEN_BAD_CHECK);
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).isEqualTo(CITIZEN_VALID + "\tvalid");
    String[] cols = lines[1].split("\t", -1);
    assertThat(cols).hasSize(4);
    assertThat(cols[0]).isEqualTo(CITIZEN_BAD_CHECK);
    assertThat(cols[1]).isEqualTo("invalid");
    assertThat(cols[2]).isEqualTo("GDX-1106");
    assertThat(cols[3]).isNotBlank();
  }

  @Test
  void checkId_usccAndOrganizationCode() {
    // 11320500014160478L: GB 32100 MOD 31 check character L over an embedded GB 11714 code
    // 01416047-8
    Result r = CliRun.run("check-id", "gb32100", "11320500014160478L", "11320500014160478M");
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.out()).startsWith("11320500014160478L\tvalid\n11320500014160478M\tinvalid\tGDX-");
    Result org = CliRun.run("check-id", "GB11714", "014160478");
    assertThat(org.exitCode()).as(org.toString()).isZero();
    assertThat(org.out()).isEqualTo("014160478\tvalid\n");
    Result orgBad = CliRun.run("check-id", "gb11714", "014160479");
    assertThat(orgBad.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(orgBad.out()).startsWith("014160479\tinvalid\tGDX-1106\t");
  }

  @Test
  void checkId_json_listsEveryResult() {
    Result r = CliRun.run("--json", "check-id", "gb11643", CITIZEN_VALID, CITIZEN_BAD_CHECK);
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    JsonNode json = r.json();
    assertThat(json.path("command").asText()).isEqualTo("check-id");
    assertThat(json.path("ok").asBoolean(true)).isFalse();
    assertThat(json.path("results")).hasSize(2);
    assertThat(json.path("results").get(0).path("valid").asBoolean()).isTrue();
    assertThat(json.path("results").get(1).path("code").asText()).isEqualTo("GDX-1106");
    assertThat(json.path("results").get(1).path("rule").asText()).isNotBlank();
  }

  @Test
  void checkId_unknownType_exit2_gdx5105() {
    Result r = CliRun.run("check-id", "iban", "DE00");
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5105");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void checkId_noValues_exit2_gdx5001() {
    Result r = CliRun.run("check-id", "gb11643");
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5001");
  }
}
