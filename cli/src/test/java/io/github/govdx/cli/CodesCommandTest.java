package io.github.govdx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.cli.CliRun.Result;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CodesCommandTest {

  @Test
  void list_oneTableEditionALine_idNameEditionRows_exit0() {
    Result r = CliRun.run("codes", "list");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> lines = Arrays.asList(r.out().split("\n"));
    assertThat(lines).allSatisfy(l -> assertThat(l.split("\t", -1)).hasSize(4));
    // GB/T 3304-1991 lists 56 ethnic groups; GB/T 2261.1-2003 has 4 sex codes.
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).startsWith("GB/T 3304\t").endsWith("\t1991\t56"));
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).startsWith("GB/T 2261.1\t").endsWith("\t2003\t4"));
    // both GB/T 2260 editions are listed
    assertThat(lines.stream().filter(l -> l.startsWith("GB/T 2260\t")).collect(Collectors.toList()))
        .hasSize(2);
  }

  @Test
  void show_printsProvenanceAndEveryEntry() {
    Result r = CliRun.run("codes", "show", "GB/T 2261.1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> entries =
        Arrays.stream(r.out().split("\n"))
            .filter(l -> !l.startsWith("#"))
            .collect(Collectors.toList());
    assertThat(entries).hasSize(4);
    assertThat(r.out()).contains("# GB/T 2261.1-2003").contains("# rows: 4");
    assertThat(entries).anySatisfy(l -> assertThat(l).startsWith("1\t男性\t"));
  }

  @Test
  void show_compactAliasAndEdition_json() {
    Result r = CliRun.run("codes", "show", "gbt2260", "--edition", "2007", "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = r.json();
    assertThat(json.path("table").path("id").asText()).isEqualTo("GB/T 2260");
    assertThat(json.path("table").path("edition").asText()).isEqualTo("2007");
    assertThat(json.path("entries").size()).isEqualTo(json.path("table").path("rows").asInt());
  }

  @Test
  void lookup_knownCode_printsNames_exit0() {
    // GB/T 2260: 110105 is 朝阳区 (Chaoyang District) of Beijing, parent 110100/110000 by edition.
    Result r = CliRun.run("codes", "lookup", "GB/T 2260", "110105");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("110105\t朝阳区\t");
  }

  @Test
  void lookup_unknownCode_exit1_gdx5104() {
    Result r = CliRun.run("codes", "lookup", "GB/T 3304", "99");
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("check failed: GDX-5104");
  }

  @Test
  void show_unknownTable_exit2_gdx1002() {
    Result r = CliRun.run("codes", "show", "GB/T 9999");
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-1002");
    Result edition = CliRun.run("codes", "show", "GB/T 3304", "--edition", "1066");
    assertThat(edition.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(edition.err()).contains("GDX-1002").contains("1991");
  }

  @Test
  void codes_withoutSubcommand_exit2_showsUsage() {
    Result r = CliRun.run("codes");
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5001").contains("list").contains("lookup");
  }
}
