package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.evidence.EvidenceLogVerifier;
import io.github.govdx.crypto.evidence.EvidenceStore;
import io.github.govdx.store.jdbc.JdbcStores;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code govdx evidence}: the hash-chained evidence log. Not thread-safe.
 */
@Command(
    name = "evidence",
    mixinStandardHelpOptions = true,
    header = "Verify a hash-chained evidence log.",
    description =
        "The evidence log records sealed, opened and receipted messages, each line chained to the "
            + "previous by its SM3 hash.",
    subcommands = {EvidenceCommand.Verify.class})
public final class EvidenceCommand {

  /** {@code govdx evidence verify LOG}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      header = "Verify an evidence log's hash chain.",
      description = {
        "Checks every line of the log: its SM3 hash, its sequence number and its link to the previous line,",
        "and reports the first modified, deleted, inserted or reordered line (exit 1, GDX-2502).",
        "Lines cut off the end are only detected against a head hash kept elsewhere: pass it with --head."
      })
  public static final class Verify extends BaseCommand {

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "LOG",
        description = "The evidence log file (one JSON record a line); or give --jdbc and --chain.")
    @Nullable Path log;

    @Option(
        names = "--jdbc",
        paramLabel = "URL",
        description =
            "Verify a chain kept in a database by govdx-store-jdbc instead (PostgreSQL, MariaDB/MySQL, H2 JDBC URL)."
                + " The password, if any, is read from the environment variable GOVDX_JDBC_PASSWORD.")
    @Nullable String jdbc;

    @Option(
        names = "--jdbc-user",
        paramLabel = "USER",
        description = "The database user for --jdbc.")
    @Nullable String jdbcUser;

    @Option(
        names = "--chain",
        paramLabel = "NAME",
        description = "The chain's name (JdbcStores.evidenceStore) for --jdbc.")
    @Nullable String chain;

    @Option(
        names = "--table-prefix",
        paramLabel = "PREFIX",
        description = "The table name prefix for --jdbc (default: gdx_).")
    @Nullable String tablePrefix;

    @Option(
        names = "--head",
        paramLabel = "HASH",
        description =
            "The head hash recorded elsewhere (a checkpoint, a receipt); the log's last hash must equal it.")
    @Nullable String head;

    @Option(
        names = "--tsa-trust",
        paramLabel = "CERTS",
        description =
            "Also verify every time-stamp line offline against these time-stamping authority anchors (PEM file or"
                + " directory).")
    @Nullable Path tsaTrust;

    @Override
    protected int execute() {
      String source;
      EvidenceLogVerifier.Result r;
      if (jdbc != null) {
        if (log != null) {
          throw CliException.error(CliErrorCode.USAGE, "give LOG or --jdbc, not both");
        }
        String name = required(chain, "--chain");
        source = "jdbc chain " + name;
        r = verifyJdbc(jdbc, name);
      } else {
        Path file = required(log, "LOG");
        CliFiles.checkReadable(file, "LOG");
        source = file.toString();
        try {
          r =
              tsaTrust == null
                  ? EvidenceLogVerifier.verify(file)
                  : EvidenceLogVerifier.verify(file, KeyMaterial.trustStore(tsaTrust));
        } catch (GovdxException e) {
          if (e.errorCode() == CryptoErrorCode.EVIDENCE_LOG_IO) {
            throw CliException.inputFailure("LOG " + file, e);
          }
          throw e;
        }
      }
      if (json()) {
        ObjectNode n = result();
        n.put("log", source);
        n.put("intact", r.intact());
        n.put("entries", r.entries());
        n.put("head", r.head());
        r.firstBrokenLine().ifPresent(l -> n.put("firstBrokenLine", l));
        r.problem().ifPresent(p -> n.put("problem", p));
        if (tsaTrust != null) {
          n.put("timestamps", r.timestamps());
          r.latestTimestamp().ifPresent(t -> n.put("latestTimestamp", t.toString()));
        }
      }
      if (!r.intact()) {
        throw new GovdxException(
            CryptoErrorCode.EVIDENCE_LOG_BROKEN,
            "broken at line "
                + r.firstBrokenLine().orElse(0)
                + ": "
                + r.problem().orElse("unknown problem")
                + " ("
                + r.entries()
                + " entries before it are intact)");
      }
      if (head != null && !head.toLowerCase(Locale.ROOT).equals(r.head())) {
        throw new GovdxException(
            CryptoErrorCode.EVIDENCE_LOG_BROKEN,
            "the chain is intact but its head "
                + r.head()
                + " is not the expected "
                + head
                + ": lines were cut off or the tail was rewritten");
      }
      if (!json()) {
        out()
            .println(
                "OK  evidence log intact: "
                    + r.entries()
                    + " entries, every hash and link verified");
        out().println("  head           " + r.head() + (head != null ? " (equals --head)" : ""));
        if (tsaTrust != null) {
          out()
              .println(
                  "  time-stamps    "
                      + r.timestamps()
                      + " verified"
                      + r.latestTimestamp().map(t -> ", latest " + t).orElse(""));
        }
      }
      return GovdxCli.EXIT_OK;
    }

    /** Reads the chain over one pooled connection with bounded timeouts; the store's errors pass through. */
    private EvidenceLogVerifier.Result verifyJdbc(String url, String name) {
      try (HikariDataSource pool = JdbcPools.open(url, jdbcUser)) {
        JdbcStores.Builder b = JdbcStores.builder().dataSource(pool);
        if (tablePrefix != null) {
          b.tablePrefix(tablePrefix);
        }
        EvidenceStore store = b.build().evidenceStore(name);
        return tsaTrust == null
            ? EvidenceLogVerifier.verify(store)
            : EvidenceLogVerifier.verify(store, KeyMaterial.trustStore(tsaTrust));
      } catch (StateStoreException e) {
        throw CliException.inputFailure("--jdbc", e);
      } catch (IllegalArgumentException e) {
        throw CliException.error(CliErrorCode.USAGE, String.valueOf(e.getMessage()), e);
      } catch (RuntimeException e) {
        if (e instanceof GovdxException) {
          throw e;
        }
        // the driver's message may echo the URL, which may carry a password: name the failure only
        throw CliException.error(
            CliErrorCode.USAGE,
            "--jdbc: the database could not be opened (" + e.getClass().getSimpleName() + ")",
            null);
      }
    }
  }
}
