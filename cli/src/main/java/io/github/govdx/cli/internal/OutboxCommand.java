package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.client.outbox.OutboxEntry;
import io.github.govdx.client.outbox.OutboxState;
import io.github.govdx.client.outbox.OutboxStats;
import io.github.govdx.client.outbox.OutboxStore;
import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.store.jdbc.JdbcStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code govdx outbox}: look at and operate a durable outbox kept by govdx-store-jdbc (docs/delivery.md), from
 * the database alone — no keys are needed, since nothing is sealed or opened. Not thread-safe.
 */
@Command(
    name = "outbox",
    mixinStandardHelpOptions = true,
    header = "Inspect and operate a durable outbox in a database.",
    description =
        "The outbox keeps pushes until the receiver's signed receipt is stored. These commands read the outbox "
            + "table directly (--jdbc URL; the password, if any, from GOVDX_JDBC_PASSWORD).",
    subcommands = {
      OutboxCommand.Status.class,
      OutboxCommand.ListEntries.class,
      OutboxCommand.Retry.class,
      OutboxCommand.Dispatch.class
    })
public final class OutboxCommand {

  private OutboxCommand() {}

  /** The options every outbox subcommand shares. */
  abstract static class OutboxBase extends BaseCommand {

    @Option(
        names = "--jdbc",
        required = true,
        paramLabel = "URL",
        description = "The outbox's database (PostgreSQL, MariaDB/MySQL, H2 JDBC URL).")
    String jdbc = "";

    @Option(names = "--jdbc-user", paramLabel = "USER", description = "The database user.")
    @Nullable String jdbcUser;

    @Option(
        names = "--table-prefix",
        paramLabel = "PREFIX",
        description = "The table name prefix (default: gdx_).")
    @Nullable String tablePrefix;

    /** Runs work on the outbox store over one pooled connection; a store error is an input failure (exit 2). */
    final <T> T withStore(Function<OutboxStore, T> work) {
      try (HikariDataSource pool = JdbcPools.open(jdbc, jdbcUser)) {
        JdbcStores.Builder b = JdbcStores.builder().dataSource(pool);
        if (tablePrefix != null) {
          b.tablePrefix(tablePrefix);
        }
        return work.apply(b.build().outboxStore());
      } catch (StateStoreException e) {
        throw CliException.inputFailure("--jdbc", e);
      } catch (IllegalArgumentException e) {
        throw CliException.error(CliErrorCode.USAGE, String.valueOf(e.getMessage()), e);
      }
    }
  }

  /** {@code govdx outbox status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      header = "Count the entries per state and show the backlog's age.")
  public static final class Status extends OutboxBase {

    @Override
    protected int execute() {
      OutboxStats stats = withStore(OutboxStore::stats);
      Instant now = Clock.systemUTC().instant();
      if (json()) {
        ObjectNode n = result();
        ObjectNode counts = n.putObject("counts");
        for (OutboxState s : OutboxState.values()) {
          counts.put(s.storedName(), stats.count(s));
        }
        stats
            .oldestUndelivered()
            .ifPresent(
                t -> {
                  n.put("oldestUndelivered", t.toString());
                  n.put("backlogAgeSeconds", Duration.between(t, now).toSeconds());
                });
      } else {
        for (OutboxState s : OutboxState.values()) {
          out().printf(Locale.ROOT, "%-10s %d%n", s.storedName(), stats.count(s));
        }
        out()
            .println(
                stats
                    .oldestUndelivered()
                    .map(
                        t ->
                            "oldest undelivered: "
                                + t
                                + " ("
                                + Duration.between(t, now).toSeconds()
                                + " s ago)")
                    .orElse("nothing waiting"));
      }
      return GovdxCli.EXIT_OK;
    }
  }

  /** {@code govdx outbox list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      header = "List the entries in one state, oldest first.")
  public static final class ListEntries extends OutboxBase {

    @Option(
        names = "--state",
        paramLabel = "STATE",
        description = "pending, in_flight, delivered or dead (default: dead).")
    String state = "dead";

    @Option(
        names = "--after",
        paramLabel = "SEQ",
        description =
            "Only entries after this sequence number (the last one of the previous page).")
    long after;

    @Option(
        names = "--older-than",
        paramLabel = "DURATION",
        description = "Only entries submitted longer ago than this ISO-8601 duration, e.g. PT1H.")
    @Nullable Duration olderThan;

    @Option(
        names = "--limit",
        paramLabel = "N",
        description = "At most N entries, 1 to 1000 (default: 50).")
    int limit = 50;

    @Override
    protected int execute() {
      OutboxState st;
      try {
        st = OutboxState.ofStoredName(state);
      } catch (IllegalArgumentException e) {
        throw CliException.error(
            CliErrorCode.USAGE, "--state must be pending, in_flight, delivered or dead", e);
      }
      if (limit < 1 || limit > 1000) {
        throw CliException.error(CliErrorCode.USAGE, "--limit must be 1 to 1000");
      }
      Instant before =
          olderThan == null
              ? Instant.ofEpochMilli(Long.MAX_VALUE)
              : Clock.systemUTC().instant().minus(olderThan);
      List<OutboxEntry> entries = withStore(s -> s.list(st, before, after, limit));
      if (json()) {
        ArrayNode a = result().putArray("entries");
        for (OutboxEntry e : entries) {
          ObjectNode n = a.addObject();
          n.put("sequence", e.sequence());
          n.put("id", e.id());
          n.put("state", e.state().storedName());
          n.put("receiver", e.receiver().toString());
          n.put("resourceCode", e.resourceCode());
          n.put("messageId", e.messageId());
          n.put("idempotencyKey", e.idempotencyKey());
          n.put("recordCount", e.recordCount());
          n.put("attempts", e.attempts());
          n.put("createdAt", e.createdAt().toString());
          n.put("nextAttemptAt", e.nextAttemptAt().toString());
          e.deliveredAt().ifPresent(t -> n.put("deliveredAt", t.toString()));
          e.lastErrorCode().ifPresent(c -> n.put("lastErrorCode", c));
          e.lastError().ifPresent(m -> n.put("lastError", m));
        }
      } else {
        for (OutboxEntry e : entries) {
          out()
              .printf(
                  Locale.ROOT,
                  "%d  %s  %s  %s -> %s  %d record(s)  attempts %d  %s%n",
                  e.sequence(),
                  e.id(),
                  e.state().storedName(),
                  e.resourceCode(),
                  e.receiver(),
                  e.recordCount(),
                  e.attempts(),
                  e.lastErrorCode().map(c -> "last " + c).orElse(""));
        }
        if (entries.isEmpty()) {
          out().println("no " + st.storedName() + " entries");
        }
      }
      return GovdxCli.EXIT_OK;
    }
  }

  /** {@code govdx outbox retry ID}. */
  @Command(
      name = "retry",
      mixinStandardHelpOptions = true,
      header = "Move a dead entry back to pending; a running outbox delivers it next.")
  public static final class Retry extends OutboxBase {

    @Parameters(index = "0", paramLabel = "ID", description = "The entry id.")
    String id = "";

    @Override
    protected int execute() {
      boolean moved = withStore(s -> s.retry(id, Clock.systemUTC().instant()));
      if (!moved) {
        throw CliException.error(
            CliErrorCode.OUTBOX_ENTRY_NOT_DEAD,
            "no dead outbox entry " + id + " (unknown or not dead)");
      }
      if (json()) {
        result().put("id", id).put("state", OutboxState.PENDING.storedName());
      } else {
        out().println("OK  entry " + id + " is pending again");
      }
      return GovdxCli.EXIT_OK;
    }
  }

  /** {@code govdx outbox dispatch}: deliver what is due, as the calling party. */
  @Command(
      name = "dispatch",
      mixinStandardHelpOptions = true,
      header =
          "Deliver the outbox's due entries now (needs the party's credentials), then report the counts.")
  public static final class Dispatch extends ExchangeOptions {

    @Option(
        names = "--jdbc",
        required = true,
        paramLabel = "URL",
        description = "The outbox's database (password from GOVDX_JDBC_PASSWORD).")
    String jdbc = "";

    @Option(names = "--jdbc-user", paramLabel = "USER", description = "The database user.")
    @Nullable String jdbcUser;

    @Override
    protected int execute() {
      int attempted;
      OutboxStats stats;
      try (HikariDataSource pool = JdbcPools.open(jdbc, jdbcUser);
          io.github.govdx.client.ExchangeClient client = client()) {
        JdbcStores stores = JdbcStores.builder().dataSource(pool).build();
        try (io.github.govdx.client.outbox.Outbox box =
            io.github.govdx.client.outbox.Outbox.builder()
                .client(client)
                .store(stores.outboxStore())
                .build()) {
          attempted = box.dispatchNow();
          stats = box.stats();
        }
      } catch (StateStoreException e) {
        throw CliException.inputFailure("--jdbc", e);
      }
      if (json()) {
        ObjectNode n = result();
        n.put("attempted", attempted);
        ObjectNode counts = n.putObject("counts");
        for (OutboxState s : OutboxState.values()) {
          counts.put(s.storedName(), stats.count(s));
        }
      } else {
        out().println("attempted " + attempted + " entr" + (attempted == 1 ? "y" : "ies"));
        for (OutboxState s : OutboxState.values()) {
          out().printf(Locale.ROOT, "%-10s %d%n", s.storedName(), stats.count(s));
        }
      }
      return GovdxCli.EXIT_OK;
    }
  }
}
