package io.github.govdx.core.codes;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables shipped in the govdx-core jar under {@code io/github/govdx/core/codes/tables/}, listed in
 * {@code index.csv}. Each table is parsed once, on first use ({@link ConcurrentHashMap#computeIfAbsent} makes
 * concurrent first uses wait for one load). Thread-safe.
 */
final class BuiltinCodeTableSource implements CodeTableSource {

  private static final Logger LOG = LoggerFactory.getLogger(BuiltinCodeTableSource.class);
  private static final String DIR = "tables/";

  static final BuiltinCodeTableSource INSTANCE = new BuiltinCodeTableSource();

  private final Map<String, Map<String, String>> files;
  private final ConcurrentHashMap<String, CodeTable> loaded = new ConcurrentHashMap<>();

  BuiltinCodeTableSource() {
    Map<String, Map<String, String>> m = new HashMap<>();
    for (List<String> row : readIndex()) {
      m.computeIfAbsent(row.get(0), k -> new HashMap<>()).put(row.get(1), row.get(2));
    }
    Map<String, Map<String, String>> frozen = new HashMap<>();
    m.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
    this.files = Map.copyOf(frozen);
  }

  private static List<List<String>> readIndex() {
    String file = "index.csv";
    try (InputStream in = open(file)) {
      List<List<String>> rows = CodeTableReader.readPlainCsv(in, file);
      return rows.subList(1, rows.size());
    } catch (IOException e) {
      throw new GovdxException(
          CoreErrorCode.CODE_TABLE_UNREADABLE, "built-in resource " + file + ": " + e, e);
    }
  }

  private static InputStream open(String file) {
    InputStream in = BuiltinCodeTableSource.class.getResourceAsStream(DIR + file);
    if (in == null) {
      throw new GovdxException(
          CoreErrorCode.CODE_TABLE_UNREADABLE, "built-in resource " + file + " missing");
    }
    return in;
  }

  private static CodeTable readResource(String file) {
    try (InputStream in = open(file)) {
      return CodeTableReader.readCsv(in, file);
    } catch (IOException e) {
      throw new GovdxException(
          CoreErrorCode.CODE_TABLE_UNREADABLE, "built-in resource " + file + ": " + e, e);
    }
  }

  @Override
  public String name() {
    return "builtin";
  }

  @Override
  public Set<String> tableIds() {
    return files.keySet();
  }

  @Override
  public List<String> editions(String tableId) {
    Map<String, String> eds = files.get(tableId);
    return eds == null ? List.of() : List.copyOf(new ArrayList<>(eds.keySet()));
  }

  @Override
  public Optional<CodeTable> fetch(String tableId, String edition) {
    Map<String, String> eds = files.get(tableId);
    String file = eds == null ? null : eds.get(edition);
    if (file == null) {
      return Optional.empty();
    }
    return Optional.of(
        loaded.computeIfAbsent(
            file,
            f -> {
              CodeTable t = readResource(f);
              if (!t.id().equals(tableId) || !t.edition().equals(edition)) {
                throw new GovdxException(
                    CoreErrorCode.CODE_TABLE_MALFORMED,
                    "built-in resource "
                        + f
                        + " holds "
                        + t.id()
                        + " "
                        + t.edition()
                        + ", index says "
                        + tableId
                        + " "
                        + edition);
              }
              LOG.debug(
                  "loaded built-in code table {} edition {} ({} entries)",
                  tableId,
                  edition,
                  t.size());
              return t;
            }));
  }

  @Override
  public String toString() {
    return "CodeTableSource{builtin, " + files.size() + " tables}";
  }
}
