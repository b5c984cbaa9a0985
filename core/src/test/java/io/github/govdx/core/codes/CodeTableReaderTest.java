package io.github.govdx.core.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeTableReaderTest {

  private static final String HEAD = "# id: GB/T 2260\n# edition: 2023\n# name-zh: 行政区划代码\n";

  private static InputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readCsv_validFile_entriesParentsAttributesAndQuotes() {
    CodeTable t =
        CodeTableReader.readCsv(
            in(
                "\uFEFF"
                    + HEAD
                    + "# source: test\n# licence: CC0\n"
                    + "code,name_zh,name_en,parent,level\r\n"
                    + "110000,北京市,Beijing,,province\r\n"
                    + "110105,\"朝阳区, \"\"东\"\"\",,110000,county\n\n"),
            "regions.csv");
    assertThat(t.id()).isEqualTo("GB/T 2260");
    assertThat(t.edition()).isEqualTo("2023");
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.lookup("110105").orElseThrow().nameZh()).isEqualTo("朝阳区, \"东\"");
    assertThat(t.parent("110105").map(CodeEntry::code)).contains("110000");
    assertThat(t.lookup("110000").orElseThrow().attributes()).containsEntry("level", "province");
    assertThat(t.source()).isEqualTo("test");
    assertThat(t.licence()).contains("CC0");
  }

  @Test
  void readJson_validFile_sameTableAsCsv() {
    String json =
        "{\"id\":\"GB/T 2260\",\"edition\":\"2023\",\"nameZh\":\"行政区划代码\",\n\"entries\":[\n"
            + "{\"code\":\"110000\",\"nameZh\":\"北京市\",\"nameEn\":\"Beijing\",\"attributes\":{\"level\":\"province\"}},\n"
            + "{\"code\":\"110105\",\"nameZh\":\"朝阳区\",\"parent\":\"110000\",\"attributes\":{\"level\":\"county\"}}\n]}";
    CodeTable fromJson = CodeTableReader.readJson(in(json), "regions.json");
    CodeTable fromCsv =
        CodeTableReader.readCsv(
            in(
                HEAD
                    + "code,name_zh,name_en,parent,level\n"
                    + "110000,北京市,Beijing,,province\n110105,朝阳区,,110000,county\n"),
            "regions.csv");
    assertThat(fromJson).isEqualTo(fromCsv);
  }

  @Test
  void read_pathByExtension(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, HEAD + "code,name_zh\n1,一\n");
    assertThat(CodeTableReader.read(csv).size()).isEqualTo(1);
    Path json = dir.resolve("t.JSON");
    Files.writeString(json, "{\"id\":\"X\",\"edition\":\"1\",\"nameZh\":\"x\",\"entries\":[]}");
    assertThat(CodeTableReader.read(json).size()).isZero();
    assertThatThrownBy(() -> CodeTableReader.read(dir.resolve("missing.csv")))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-1004: missing.csv");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "code,name_zh\\n1,一\\n|1|table id missing",
        "# id: X\\n# name-zh: x\\ncode,name_zh\\n1,一|3|edition missing",
        "# id: X\\n# edition: 1\\ncode,name_zh\\n|3|Chinese table name",
        "# id: X\\n# id: Y\\n|2|metadata key 'id' repeated",
        "# id X\\n|1|metadata line must be",
        "# id: X\\n# edition: 1\\n# name-zh: x\\n\\n|4|no header row",
        "# id: X\\n# edition: 1\\n# name-zh: x\\nname_zh,code\\n|4|header must start with code,name_zh",
        "# id: X\\n# edition: 1\\n# name-zh: x\\ncode,name_zh,a,a\\n|4|column 'a' repeated",
        "# id: X\\n# edition: 1\\n# name-zh: x\\ncode,name_zh\\n1,一\\n2,二,extra\\n|6|expected 2 fields, found 3",
        "# id: X\\n# edition: 1\\n# name-zh: x\\ncode,name_zh\\n1,一\\n\\n1,又一\\n|7|duplicate code 1 (first on line 5)",
        "# id: X\\n# edition: 1\\n# name-zh: x\\ncode,name_zh\\n,一\\n|5|empty code",
        "# id: X\\n# edition: 1\\n# name-zh: x\\ncode,name_zh\\n1,\\n|5|empty name_zh for code 1",
        "# id: X\\n# edition: 1\\n# name-zh: x\\ncode,name_zh\\n1,\"一\\n|5|unterminated quoted field in column 2",
        "# id: X\\n# edition: 1\\n# name-zh: x\\ncode,name_zh\\n1,\"一\"x\\n|5|text after closing quote",
        "# id: X\\n# edition: 1\\n# name-zh: x\\ncode,name_zh\\n1,一\"\\n|5|quote inside unquoted field",
        "# id: X\\n# edition: 1\\n# name-zh: x\\ncode,name_zh,parent\\n1,一,\\n2,二,9\\n|6|parent 9 of code 2 is not in the table",
        "# id: X\\n# edition: 1\\n# name-zh: x\\ncode,name_zh,parent\\n1,一,2\\n2,二,1\\n|5|parent chain of code 1 is a cycle",
        "# id: X\\n# edition: 1\\n# name-zh: x\\ncode,name_zh,parent\\n1,一,1\\n|5|code 1 is its own parent",
        "# govdx-code-table: 2\\n# id: X\\n# edition: 1\\n# name-zh: x\\ncode,name_zh\\n|1|unsupported format version 2",
      })
  void readCsv_malformed_messageNamesFileLineAndReason(String content, int line, String reason) {
    assertThatThrownBy(() -> CodeTableReader.readCsv(in(content.replace("\\n", "\n")), "bad.csv"))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-1001: bad.csv line " + line + ": ")
        .hasMessageContaining(reason)
        .satisfies(
            e ->
                assertThat(((GovdxException) e).errorCode())
                    .isEqualTo(CoreErrorCode.CODE_TABLE_MALFORMED));
  }

  @Test
  void readCsv_invalidUtf8_namesLine() {
    byte[] head = (HEAD + "code,name_zh\n1,").getBytes(StandardCharsets.UTF_8);
    byte[] data = java.util.Arrays.copyOf(head, head.length + 2);
    data[head.length] = (byte) 0xC3;
    data[head.length + 1] = (byte) '\n';
    assertThatThrownBy(() -> CodeTableReader.readCsv(new ByteArrayInputStream(data), "bad.csv"))
        .hasMessage("GDX-1001: bad.csv line 5: not valid UTF-8");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[]|1|top level must be a JSON object",
        "{\"id\":\"X\",\\n\"edition\":1}|2|field 'edition' must be a string",
        "{\"id\":\"X\",\"edition\":\"1\",\"nameZh\":\"x\",\"entries\":\\n{}}|2|'entries' must be an array",
        "{\"id\":\"X\",\"edition\":\"1\",\"nameZh\":\"x\",\"entries\":[\\n{\"code\":\"1\",\"nameZh\":\"一\"},\\n{\"code\":\"1\",\"nameZh\":\"二\"}]}|3|duplicate code 1 (first on line 2)",
        "{\"id\":\"X\",\"edition\":\"1\",\"nameZh\":\"x\",\"entries\":[\\n{\"code\":1,\"nameZh\":\"一\"}]}|2|'code' must be a string",
        "{\"id\":\"X\",\"edition\":\"1\",\"nameZh\":\"x\",\"entries\":[\\n\\n{\"code\":\"1\",\"nameZh\":\"一\",\"parent\":\"0\"}]}|3|parent 0 of code 1 is not in the table",
        "{\"id\":\"X\",\\n\\n\"edition\" \"1\"}|3|invalid JSON",
        "{\"id\":\"X\",\"edition\":\"1\",\"nameZh\":\"x\",\"entries\":[\\n{\"code\":\"1\",\"nameZh\":\"一\",\"attributes\":{\"a\":1}}]}|2|attribute 'a' must be a string",
        "{\"id\":\"X\",\"edition\":\"1\",\"nameZh\":\"x\",\"entries\":[]}\\n[]|2|content after the top-level object",
      })
  void readJson_malformed_messageNamesFileLineAndReason(String content, int line, String reason) {
    assertThatThrownBy(() -> CodeTableReader.readJson(in(content.replace("\\n", "\n")), "bad.json"))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-1001: bad.json line " + line + ": ")
        .hasMessageContaining(reason);
  }

  @Test
  void readCsv_tooLarge_refusedBeforeParsing() {
    InputStream huge =
        new InputStream() {
          private long left = CodeTableReader.MAX_BYTES + 10L;

          @Override
          public int read() {
            return left-- > 0 ? 'a' : -1;
          }
        };
    assertThatThrownBy(() -> CodeTableReader.readCsv(huge, "huge.csv"))
        .hasMessageStartingWith("GDX-1003: huge.csv");
  }
}
