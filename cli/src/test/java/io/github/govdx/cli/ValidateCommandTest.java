package io.github.govdx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  /** A catalog entry in the 2017 catalog guide's shape: a citizen ID number and a GB/T 2261.1 sex code. */
  private static final String ENTRY =
      String.join(
          "\n",
          "{",
          "  \"classification\" : { \"category\" : \"基础信息资源目录\", \"item\" : \"人口\", \"subItem\" : \"\", \"detail\" : \"\" },",
          "  \"name\" : \"人口基本信息\",",
          "  \"resourceCode\" : \"110001/000001\",",
          "  \"provider\" : \"某市公安局\",",
          "  \"providerCode\" : \"11320500014160478L\",",
          "  \"summary\" : \"户籍人口的基本信息\",",
          "  \"format\" : { \"category\" : \"1\", \"type\" : \"mysql\" },",
          "  \"items\" : [ {",
          "    \"name\" : \"公民身份号码\", \"field\" : \"gmsfhm\", \"dataType\" : \"C\", \"dataElement\" : \"citizen_id_number\",",
          "    \"format\" : \"\", \"codeTable\" : \"\", \"codeTableEdition\" : \"\", \"identifier\" : \"\", \"required\" : true,",
          "    \"sensitivity\" : \"L4\"",
          "  }, {",
          "    \"name\" : \"性别\", \"field\" : \"xb\", \"dataType\" : \"C\", \"dataElement\" : \"\",",
          "    \"format\" : \"n1\", \"codeTable\" : \"GB/T 2261.1\", \"codeTableEdition\" : \"\", \"identifier\" : \"\",",
          "    \"required\" : true, \"sensitivity\" : \"L2\"",
          "  } ],",
          "  \"sharing\" : { \"type\" : \"2\", \"conditions\" : \"仅限政务服务办理使用\", \"legalBasis\" : \"\",",
          "    \"methodCategory\" : \"1\", \"methodType\" : \"1\" },",
          "  \"open\" : { \"open\" : false, \"conditions\" : \"\" },",
          "  \"updateCycle\" : \"2\",",
          "  \"publishDate\" : \"2024-02-29\",",
          "  \"relatedCodes\" : [ ]",
          "}");

  // GB 11643 Annex example 11010519491231002X is valid; ...0021 breaks its check character.
  // GB/T 2261.1: 1 male, 2 female; 3 is not a code.
  private static final String NDJSON =
      String.join(
          "\n",
          "{\"gmsfhm\":\"11010519491231002X\",\"xb\":\"1\"}",
          "{\"gmsfhm\":\"110105194912310021\",\"xb\":\"3\"}",
          "",
          "{\"gmsfhm\":\"11010519491231002X\"}",
          "not json",
          "");

  @TempDir Path dir;

  Path entry;

  @BeforeEach
  void files() throws IOException {
    entry = Files.writeString(dir.resolve("entry.json"), ENTRY);
  }

  @Test
  void ndjson_everyViolationALine_exit1() throws IOException {
    Path in = Files.writeString(dir.resolve("people.ndjson"), NDJSON);
    Result r = CliRun.run("validate", "--catalog", entry.toString(), "--in", in.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    List<String> lines = Arrays.asList(r.out().split("\n"));
    List<String> codes =
        lines.stream()
            .filter(l -> !l.startsWith("#"))
            .map(l -> l.split("\t", -1))
            .map(c -> c[0] + " " + c[1] + " " + c[3])
            .collect(Collectors.toList());
    assertThat(codes)
        .containsExactly("1 /gmsfhm GDX-1408", "1 /xb GDX-1407", "2 /xb GDX-1401", "3  GDX-1412");
    assertThat(lines.get(0).split("\t", -1)[2]).isEqualTo("公民身份号码");
    assertThat(lines.get(lines.size() - 1)).startsWith("# 4 record(s) checked, 3 invalid");
    assertThat(r.out()).as("messages never repeat the value").doesNotContain("110105194912310021");
  }

  @Test
  void jsonArray_allValid_exit0() throws IOException {
    Path in =
        Files.writeString(
            dir.resolve("ok.json"),
            "[{\"gmsfhm\":\"11010519491231002X\",\"xb\":\"2\"},{\"gmsfhm\":\"11010519491231002X\",\"xb\":\"1\"}]");
    Result r = CliRun.run("validate", "--catalog", entry.toString(), "--in", in.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("# 2 record(s) checked, 0 invalid").contains("all valid");
  }

  @Test
  void singleRecord_json_listsViolations_exit1() throws IOException {
    Path in =
        Files.writeString(
            dir.resolve("one.json"), "  {\"gmsfhm\":\"11010519491231002X\",\"xb\":\"x\"}");
    Result r =
        CliRun.run("validate", "--json", "--catalog", entry.toString(), "--in", in.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    JsonNode json = r.json();
    assertThat(json.path("recordsChecked").asLong()).isEqualTo(1);
    assertThat(json.path("violations").get(0).path("pointer").asText()).isEqualTo("/xb");
    assertThat(json.path("violations").get(0).path("messageZh").asText()).isNotBlank();
  }

  @Test
  void maxViolations_countsTheRest() throws IOException {
    Path in = Files.writeString(dir.resolve("people.ndjson"), NDJSON);
    Result r =
        CliRun.run(
            "validate",
            "--json",
            "--catalog",
            entry.toString(),
            "--in",
            in.toString(),
            "--max-violations",
            "1");
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.json().path("violations")).hasSize(1);
    assertThat(r.json().path("droppedViolations").asLong()).isEqualTo(3);
  }

  @Test
  void malformedCatalogEntry_exit2_withLibraryCode() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"name\":\"x\"}");
    Path in = Files.writeString(dir.resolve("one.json"), "{}");
    Result r = CliRun.run("validate", "--catalog", bad.toString(), "--in", in.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).containsPattern("error: GDX-13\\d\\d");
  }

  @Test
  void missingRecords_exit2_gdx5002() {
    Result r =
        CliRun.run(
            "validate",
            "--catalog",
            entry.toString(),
            "--in",
            dir.resolve("none.ndjson").toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5002");
  }

  /** The resource schema file equivalent of {@link #ENTRY}. */
  private static final String SCHEMA =
      String.join(
          "\n",
          "{\"id\": \"110001/000001\", \"name\": \"人口基本信息\", \"fields\": [",
          "  {\"key\": \"gmsfhm\", \"element\": \"citizen_id_number\", \"required\": true, \"sensitivity\": \"L4\"},",
          "  {\"key\": \"xb\", \"nameZh\": \"性别\", \"dataType\": \"字符型\", \"format\": \"n1\",",
          "   \"codeTable\": \"GB/T 2261.1\", \"required\": true, \"sensitivity\": \"L2\"}]}");

  @Test
  void schemaFile_ndjson_sameReportAsCatalogEntry_exit1() throws IOException {
    Path schema = Files.writeString(dir.resolve("person.schema.json"), SCHEMA);
    Path in = Files.writeString(dir.resolve("people.ndjson"), NDJSON);
    Result bySchema = CliRun.run("validate", "--schema", schema.toString(), "--in", in.toString());
    Result byCatalog = CliRun.run("validate", "--catalog", entry.toString(), "--in", in.toString());
    assertThat(bySchema.exitCode()).as(bySchema.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    List<String> codes =
        Arrays.stream(bySchema.out().split("\n"))
            .filter(l -> !l.startsWith("#"))
            .map(l -> l.split("\t", -1))
            .map(c -> c[0] + " " + c[1] + " " + c[3])
            .collect(Collectors.toList());
    assertThat(codes)
        .containsExactly("1 /gmsfhm GDX-1408", "1 /xb GDX-1407", "2 /xb GDX-1401", "3  GDX-1412");
    assertThat(bySchema.out()).isEqualTo(byCatalog.out());
  }

  @Test
  void schemaFile_jsonArray_allValid_exit0() throws IOException {
    Path schema = Files.writeString(dir.resolve("person.schema.json"), SCHEMA);
    Path in =
        Files.writeString(
            dir.resolve("ok.json"),
            "[{\"gmsfhm\":\"11010519491231002X\",\"xb\":\"2\"},{\"gmsfhm\":\"11010519491231002X\",\"xb\":\"1\"}]");
    Result r = CliRun.run("validate", "--schema", schema.toString(), "--in", in.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("# 2 record(s) checked, 0 invalid").contains("all valid");
  }

  @Test
  void schemaFile_singleRecord_json_exit1() throws IOException {
    Path schema = Files.writeString(dir.resolve("person.schema.json"), SCHEMA);
    Path in =
        Files.writeString(
            dir.resolve("one.json"), "{\"gmsfhm\":\"11010519491231002X\",\"xb\":\"x\",\"zz\":1}");
    Result r =
        CliRun.run("validate", "--json", "--schema", schema.toString(), "--in", in.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.json().path("violations").findValuesAsText("code"))
        .containsExactlyInAnyOrder("GDX-1404", "GDX-1407", "GDX-1409");
  }

  @Test
  void shippedExampleSchema_validatesShippedRecords_exit1() {
    Path examples = Path.of("..", "docs", "examples");
    Result r =
        CliRun.run(
            "validate",
            "--schema",
            examples.resolve("person.schema.json").toString(),
            "--in",
            examples.resolve("person-records.ndjson").toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.out()).contains("# 3 record(s) checked, 2 invalid");
  }

  @Test
  void exportedJsonSchema_givesTheSameReportAsTheSchemaFile_andAnAlteredOneIsRefused()
      throws IOException {
    Path examples = Path.of("..", "docs", "examples");
    Path schemaFile = examples.resolve("person.schema.json");
    Path records = examples.resolve("person-records.ndjson");
    String exported =
        io.github.govdx.core.validate.RecordValidator.builder(
                io.github.govdx.core.validate.ResourceSchemas.fromJson(schemaFile))
            .build()
            .jsonSchemaText();
    Path jsonSchema = Files.writeString(dir.resolve("person.json-schema.json"), exported);
    Result byFile =
        CliRun.run("validate", "--schema", schemaFile.toString(), "--in", records.toString());
    Result byExport =
        CliRun.run("validate", "--schema", jsonSchema.toString(), "--in", records.toString());
    assertThat(byExport.exitCode()).as(byExport.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(byExport.out()).isEqualTo(byFile.out());

    Path altered =
        Files.writeString(
            dir.resolve("altered.json"),
            exported.replaceFirst(
                "\"type\" : \"object\",", "\"type\" : \"object\", \"minProperties\" : 1,"));
    Result r = CliRun.run("validate", "--schema", altered.toString(), "--in", records.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-1413").contains("'minProperties'");
  }

  @Test
  void badSchemaFile_exit2_gdx1414_namesPointer() throws IOException {
    Path in = Files.writeString(dir.resolve("one.json"), "{}");
    Path jsonSchema = Files.writeString(dir.resolve("schema.json"), "{\"type\":\"object\"}");
    Result r = CliRun.run("validate", "--schema", jsonSchema.toString(), "--in", in.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-1414").contains("/type: unknown property");

    Path badType =
        Files.writeString(
            dir.resolve("bad-type.json"),
            SCHEMA.replace("\"dataType\": \"字符型\"", "\"dataType\": \"text\""));
    r = CliRun.run("validate", "--schema", badType.toString(), "--in", in.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err())
        .contains("GDX-1414")
        .contains("/fields/1/dataType: unknown data type 'text'");

    Path notJson = Files.writeString(dir.resolve("not.json"), "name: x");
    r = CliRun.run("validate", "--schema", notJson.toString(), "--in", in.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-1414").contains("not well-formed JSON");
  }

  @Test
  void schemaFileWithUnknownCodeTable_exit2_gdx1413() throws IOException {
    Path in = Files.writeString(dir.resolve("one.json"), "{}");
    Path schema =
        Files.writeString(dir.resolve("s.json"), SCHEMA.replace("GB/T 2261.1", "GB/T 9999"));
    Result r = CliRun.run("validate", "--schema", schema.toString(), "--in", in.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-1413");
  }

  @Test
  void schemaAndCatalogTogether_orNeither_exit2_gdx5001() throws IOException {
    Path in = Files.writeString(dir.resolve("one.json"), "{}");
    Result both =
        CliRun.run(
            "validate",
            "--catalog",
            entry.toString(),
            "--schema",
            entry.toString(),
            "--in",
            in.toString());
    assertThat(both.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(both.err()).contains("GDX-5001");
    Result neither = CliRun.run("validate", "--in", in.toString());
    assertThat(neither.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(neither.err()).contains("GDX-5001");
  }
}
