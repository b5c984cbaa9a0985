package io.github.govdx.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.govdx.core.codes.CodeTable;
import io.github.govdx.core.codes.CodeTableReader;
import java.io.ByteArrayInputStream;

/**
 * Coverage-guided fuzzing of {@link CodeTableReader} (CSV and JSON table files). The committed corpus
 * ({@code src/test/resources/io/github/govdx/core/fuzz/CodeTableReaderJazzerTestInputs/<method>/}) runs as a
 * regression test in every build; {@code JAZZER_FUZZ=1} fuzzes (docs/security.md, "Fuzzing").
 */
class CodeTableReaderJazzerTest {

  @FuzzTest
  void readCsv(byte[] file) {
    FuzzContract.handledOrRefused(
        () -> check(CodeTableReader.readCsv(new ByteArrayInputStream(file), "fuzz.csv")));
  }

  @FuzzTest
  void readJson(byte[] file) {
    FuzzContract.handledOrRefused(
        () -> check(CodeTableReader.readJson(new ByteArrayInputStream(file), "fuzz.json")));
  }

  /** A table that was read must answer lookups for each of its codes without failing. */
  private static void check(CodeTable table) {
    table
        .entries()
        .forEach(
            e -> {
              table.lookup(e.code());
              table.parent(e.code());
              table.children(e.code());
            });
    table.search(table.nameZh());
  }
}
