package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.codes.CodeEntry;
import io.github.govdx.core.codes.CodeTable;
import io.github.govdx.core.codes.CodeTableRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code govdx codes}: the national code tables built into govdx-core. Not thread-safe: one per run.
 */
@Command(
    name = "codes",
    header = "List, show and look up the built-in code tables.",
    mixinStandardHelpOptions = true,
    description = "The code tables are dated snapshots shipped in govdx-core, with provenance.",
    subcommands = {
      CodesCommand.ListTables.class,
      CodesCommand.Show.class,
      CodesCommand.Lookup.class
    })
public final class CodesCommand {

  /** Resolves a table argument: the exact id ({@code "GB/T 3304"}) or a compact alias ({@code gbt3304}). */
  static CodeTable resolve(CodeTableRegistry registry, String table, @Nullable String edition) {
    String id = registry.tableIds().contains(table) ? table : null;
    if (id == null) {
      String wanted = compact(table);
      List<String> matches = new ArrayList<>();
      for (String candidate : registry.tableIds()) {
        if (compact(candidate).equals(wanted)) {
          matches.add(candidate);
        }
      }
      if (matches.size() == 1) {
        id = matches.get(0);
      }
    }
    if (id == null) {
      throw CliException.error(
          CoreErrorCode.CODE_TABLE_UNKNOWN,
          "no code table '" + table + "'; run 'govdx codes list' for the table ids");
    }
    if (edition == null) {
      return registry.require(id);
    }
    String resolved = id;
    return registry
        .find(id, edition)
        .orElseThrow(
            () ->
                CliException.error(
                    CoreErrorCode.CODE_TABLE_UNKNOWN,
                    "code table '"
                        + resolved
                        + "' has no edition '"
                        + edition
                        + "'; editions: "
                        + registry.editions(resolved)));
  }

  /** Lower-case letters, digits and dots only: {@code "GB/T 2261.1"} becomes {@code "gbt2261.1"}. */
  static String compact(String id) {
    StringBuilder sb = new StringBuilder();
    for (char c : id.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  static void putTable(ObjectNode node, CodeTable t) {
    node.put("id", t.id());
    node.put("edition", t.edition());
    node.put("nameZh", t.nameZh());
    t.nameEn().ifPresent(n -> node.put("nameEn", n));
    node.put("rows", t.size());
    node.put("source", t.source());
    t.licence().ifPresent(l -> node.put("licence", l));
  }

  static void putEntry(ObjectNode node, CodeEntry e) {
    node.put("code", e.code());
    node.put("nameZh", e.nameZh());
    e.nameEn().ifPresent(n -> node.put("nameEn", n));
    e.parent().ifPresent(p -> node.put("parent", p));
    if (!e.attributes().isEmpty()) {
      ObjectNode attrs = node.putObject("attributes");
      e.attributes().forEach(attrs::put);
    }
  }

  static String entryLine(CodeEntry e) {
    return e.code()
        + "\t"
        + e.nameZh()
        + "\t"
        + e.nameEn().orElse("")
        + "\t"
        + e.parent().orElse("");
  }

  /** {@code govdx codes list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      header = "List the built-in code tables.",
      description = {
        "Lists every built-in code table edition, one a line: ID<TAB>name<TAB>edition<TAB>rows."
      })
  public static final class ListTables extends BaseCommand {

    @Override
    protected int execute() {
      CodeTableRegistry registry = CodeTableRegistry.defaultRegistry();
      ArrayNode tables = json() ? result().putArray("tables") : null;
      PrintWriter out = out();
      for (String id : registry.tableIds()) {
        for (String edition : registry.editions(id)) {
          Optional<CodeTable> t = registry.find(id, edition);
          if (t.isEmpty()) {
            continue;
          }
          if (tables != null) {
            putTable(tables.addObject(), t.get());
          } else {
            out.println(id + "\t" + t.get().nameZh() + "\t" + edition + "\t" + t.get().size());
          }
        }
      }
      return GovdxCli.EXIT_OK;
    }
  }

  /** {@code govdx codes show TABLE}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      header = "Show one code table.",
      description = {
        "Shows one code table: its provenance, then one entry a line: CODE<TAB>name (zh)<TAB>"
            + "name (en)<TAB>parent."
      })
  public static final class Show extends BaseCommand {

    @Parameters(
        index = "0",
        paramLabel = "TABLE",
        description =
            "Table id as listed by 'govdx codes list' (e.g. \"GB/T 3304\"), or compact (gbt3304).")
    String table = "";

    @Option(
        names = "--edition",
        paramLabel = "EDITION",
        description = "Edition to show (default: newest).")
    @Nullable String edition;

    @Override
    protected int execute() {
      CodeTable t = lookupTable(table, edition);
      if (json()) {
        putTable(result().putObject("table"), t);
        ArrayNode entries = result().putArray("entries");
        for (CodeEntry e : t.entries()) {
          putEntry(entries.addObject(), e);
        }
        return GovdxCli.EXIT_OK;
      }
      PrintWriter out = out();
      out.println(
          "# "
              + t.id()
              + "-"
              + t.edition()
              + "  "
              + t.nameZh()
              + t.nameEn().map(n -> " (" + n + ")").orElse(""));
      out.println("# rows: " + t.size());
      if (!t.source().isEmpty()) {
        out.println("# source: " + t.source());
      }
      t.licence().ifPresent(l -> out.println("# licence: " + l));
      for (CodeEntry e : t.entries()) {
        out.println(entryLine(e));
      }
      return GovdxCli.EXIT_OK;
    }
  }

  /** {@code govdx codes lookup TABLE CODE}. */
  @Command(
      name = "lookup",
      mixinStandardHelpOptions = true,
      header = "Look up one code in a table.",
      description = {
        "Looks up one code: prints CODE<TAB>name (zh)<TAB>name (en)<TAB>parent; exit 1 if the "
            + "code is not in the table."
      })
  public static final class Lookup extends BaseCommand {

    @Parameters(
        index = "0",
        paramLabel = "TABLE",
        description = "Table id (e.g. \"GB/T 2260\") or compact (gbt2260).")
    String table = "";

    @Parameters(index = "1", paramLabel = "CODE", description = "The code to look up.")
    String code = "";

    @Option(
        names = "--edition",
        paramLabel = "EDITION",
        description = "Edition to search (default: newest).")
    @Nullable String edition;

    @Override
    protected int execute() {
      CodeTable t = lookupTable(table, edition);
      if (json()) {
        putTable(result().putObject("table"), t);
      }
      Optional<CodeEntry> e = t.lookup(code);
      if (e.isEmpty()) {
        throw new GovdxException(
            CliErrorCode.CODE_NOT_FOUND,
            "code '" + code + "' is not in " + t.id() + "-" + t.edition());
      }
      if (json()) {
        putEntry(result().putObject("entry"), e.get());
        t.parent(code).ifPresent(p -> putEntry(result().putObject("parentEntry"), p));
      } else {
        out().println(entryLine(e.get()));
      }
      return GovdxCli.EXIT_OK;
    }
  }

  static CodeTable lookupTable(String table, @Nullable String edition) {
    try {
      return resolve(CodeTableRegistry.defaultRegistry(), table, edition);
    } catch (CliException e) {
      throw e;
    } catch (GovdxException e) {
      throw CliException.inputFailure("code table " + table, e);
    }
  }
}
