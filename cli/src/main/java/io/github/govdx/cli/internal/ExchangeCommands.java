package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.Page;
import io.github.govdx.client.application.Application;
import io.github.govdx.client.application.ApplyRequest;
import io.github.govdx.client.catalog.ResourceSummary;
import io.github.govdx.client.catalog.SearchCatalogRequest;
import io.github.govdx.client.catalog.ShareType;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.QueryResult;
import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.client.outbox.OutboxEntry;
import io.github.govdx.client.outbox.OutboxState;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.store.jdbc.JdbcStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The exchange from the command line ({@code docs/cli.md}): {@code govdx catalog search}, {@code apply}, {@code
 * query} and {@code push}, for integrators and teams without Java. Each runs the full govdx client — gateway
 * authentication, SM2 sealing, receipt verification — with the credentials directory of {@link
 * ExchangeOptions}. Not thread-safe.
 */
final class ExchangeCommands {

  private ExchangeCommands() {}

  /** {@code govdx catalog}. */
  @Command(
      name = "catalog",
      mixinStandardHelpOptions = true,
      header = "Search the exchange's resource catalog.",
      subcommands = {Catalog.Search.class})
  static final class Catalog {

    private Catalog() {}

    /** {@code govdx catalog search}. */
    @Command(
        name = "search",
        mixinStandardHelpOptions = true,
        header = "Search the catalog (one page; --all for every page).")
    static final class Search extends ExchangeOptions {

      @Option(names = "--keyword", paramLabel = "TEXT", description = "Words in name or summary.")
      @Nullable String keyword;

      @Option(names = "--provider", paramLabel = "PARTY", description = "Only this provider's.")
      @Nullable String provider;

      @Option(
          names = "--share-type",
          paramLabel = "TYPE",
          description = "unconditional, conditional or not_shared.")
      @Nullable String shareType;

      @Option(names = "--page-size", paramLabel = "N", description = "Page size, 1 to 100.")
      @Nullable Integer pageSize;

      @Option(names = "--all", description = "Follow every page.")
      boolean all;

      @Override
      protected int execute() {
        SearchCatalogRequest.Builder b = SearchCatalogRequest.builder();
        try {
          b.query(keyword);
          if (provider != null) {
            b.provider(PartyId.parse(provider));
          }
          if (shareType != null) {
            b.shareType(ShareType.valueOf(shareType.toUpperCase(Locale.ROOT)));
          }
          if (pageSize != null) {
            b.pageSize(pageSize);
          }
        } catch (IllegalArgumentException | GovdxException e) {
          throw CliException.error(CliErrorCode.USAGE, String.valueOf(e.getMessage()), e);
        }
        SearchCatalogRequest request = b.build();
        List<ResourceSummary> found = new ArrayList<>();
        try (ExchangeClient client = client()) {
          ExchangeOptions.call(
              () -> {
                if (all) {
                  client.catalog().search(request).forEach(found::add);
                } else {
                  Page<ResourceSummary> page = client.catalog().searchPage(request);
                  found.addAll(page.items());
                }
                return null;
              });
        }
        if (json()) {
          ArrayNode a = result().putArray("resources");
          for (ResourceSummary r : found) {
            ObjectNode n = a.addObject();
            n.put("resourceCode", r.resourceCode());
            n.put("name", r.name());
            n.put("provider", r.provider().toString());
            r.providerName().ifPresent(v -> n.put("providerName", v));
            n.put("shareType", r.shareType().name().toLowerCase(Locale.ROOT));
            r.summary().ifPresent(v -> n.put("summary", v));
          }
        } else {
          for (ResourceSummary r : found) {
            out()
                .printf(
                    Locale.ROOT,
                    "%s  %s  %s  %s%n",
                    r.resourceCode(),
                    r.name(),
                    r.providerName().orElse(r.provider().toString()),
                    r.shareType().name().toLowerCase(Locale.ROOT));
          }
          out().println(found.size() + " resource(s)");
        }
        return GovdxCli.EXIT_OK;
      }
    }
  }

  /** {@code govdx apply}. */
  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      header = "Apply for access to a resource (数据共享申请).")
  static final class Apply extends ExchangeOptions {

    @Option(
        names = "--resource",
        required = true,
        paramLabel = "CODE",
        description = "Resource code.")
    String resource = "";

    @Option(names = "--purpose", required = true, paramLabel = "TEXT", description = "Why.")
    String purpose = "";

    @Option(names = "--legal-basis", paramLabel = "TEXT", description = "The legal basis.")
    @Nullable String legalBasis;

    @Option(
        names = "--items",
        split = ",",
        paramLabel = "ITEM",
        description = "The items asked for (default: all).")
    List<String> items = new ArrayList<>();

    @Option(
        names = "--idempotency-key",
        paramLabel = "KEY",
        description =
            "Makes a repeated command return the same application (16-128 of [A-Za-z0-9._:-]).")
    @Nullable String idempotencyKey;

    @Override
    protected int execute() {
      ApplyRequest request;
      try {
        ApplyRequest.Builder b =
            ApplyRequest.builder().resourceCode(resource).purpose(purpose).addAllItems(items);
        b.legalBasis(legalBasis);
        if (idempotencyKey != null) {
          b.idempotencyKey(idempotencyKey);
        }
        request = b.build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw CliException.error(CliErrorCode.USAGE, String.valueOf(e.getMessage()), e);
      }
      Application a;
      try (ExchangeClient client = client()) {
        a = ExchangeOptions.call(() -> client.applications().apply(request));
      }
      if (json()) {
        ObjectNode n = result();
        n.put("applicationId", a.applicationId());
        n.put("resourceCode", a.resourceCode());
        n.put("provider", a.provider().toString());
        n.put("state", a.state().name().toLowerCase(Locale.ROOT));
        n.put("dueDate", a.dueDate().toString());
      } else {
        out()
            .println(
                "application "
                    + a.applicationId()
                    + " for "
                    + a.resourceCode()
                    + ": "
                    + a.state().name().toLowerCase(Locale.ROOT)
                    + ", answer due "
                    + a.dueDate());
      }
      return GovdxCli.EXIT_OK;
    }
  }

  /** {@code govdx query}. */
  @Command(
      name = "query",
      mixinStandardHelpOptions = true,
      header =
          "Query records of a resource (sealed; the records are validated against its schema).",
      description =
          "Prints the records as returned, one JSON object a line: they may hold personal data, which govdx never"
              + " logs; keep the output where the data may be kept.")
  static final class Query extends ExchangeOptions {

    @Option(
        names = "--resource",
        required = true,
        paramLabel = "CODE",
        description = "Resource code.")
    String resource = "";

    @Option(
        names = "--filter",
        required = true,
        paramLabel = "ITEM=VALUE",
        description = "A filter item; repeat for several.")
    Map<String, String> filter = Map.of();

    @Option(names = "--items", split = ",", paramLabel = "ITEM", description = "Items to return.")
    List<String> items = new ArrayList<>();

    @Option(names = "--purpose", paramLabel = "TEXT", description = "The purpose of this query.")
    @Nullable String purpose;

    @Override
    protected int execute() {
      QueryRequest request;
      try {
        QueryRequest.Builder b = QueryRequest.builder().resourceCode(resource).addAllItems(items);
        filter.forEach(b::filter);
        b.purpose(purpose);
        request = b.build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw CliException.error(CliErrorCode.USAGE, String.valueOf(e.getMessage()), e);
      }
      QueryResult<JsonNode> r;
      try (ExchangeClient client = client()) {
        r = ExchangeOptions.call(() -> client.data().query(request));
      }
      if (json()) {
        ObjectNode n = result();
        n.put("resourceCode", resource);
        r.messageId().ifPresent(m -> n.put("messageId", m));
        ArrayNode a = n.putArray("records");
        r.records().forEach(a::add);
        r.nextPageToken().ifPresent(t -> n.put("nextPageToken", t));
      } else {
        for (JsonNode rec : r.records()) {
          out().println(rec.toString());
        }
      }
      return GovdxCli.EXIT_OK;
    }
  }

  /** {@code govdx push}. */
  @Command(
      name = "push",
      mixinStandardHelpOptions = true,
      header = "Push records to a resource's provider (sealed; a signed receipt comes back).",
      description = {
        "Records come from a JSON array or NDJSON file (- for standard input) and are validated against the",
        "resource schema before anything is sent. Run the same command again with the same --idempotency-key",
        "after a failure: the provider stores the batch once and answers the repeat with its receipt.",
        "With --outbox the push is kept in a durable outbox table until its receipt is stored."
      })
  static final class Push extends ExchangeOptions {

    @Option(
        names = "--resource",
        required = true,
        paramLabel = "CODE",
        description = "Resource code.")
    String resource = "";

    @Option(
        names = "--records",
        required = true,
        paramLabel = "FILE",
        description = "A JSON array or NDJSON file of record objects; - for standard input.")
    String records = "";

    @Option(
        names = "--idempotency-key",
        paramLabel = "KEY",
        description = "16-128 of [A-Za-z0-9._:-]; default: a new one (printed).")
    @Nullable String idempotencyKey;

    @Option(
        names = "--outbox",
        paramLabel = "JDBC-URL",
        description =
            "Durable mode: submit to the outbox in this database (password from GOVDX_JDBC_PASSWORD) and deliver"
                + " it; what is not delivered within --wait stays queued (govdx outbox dispatch).")
    @Nullable String outbox;

    @Option(
        names = "--jdbc-user",
        paramLabel = "USER",
        description = "The database user for --outbox.")
    @Nullable String jdbcUser;

    @Option(
        names = "--wait",
        paramLabel = "SECONDS",
        description =
            "With --outbox: how long to try delivering before leaving it queued (default 30).")
    int waitSeconds = 30;

    @Override
    protected int execute() {
      List<JsonNode> recs = RecordsInput.read(ctx(), records);
      PushRequest request;
      try {
        PushRequest.Builder b = PushRequest.builder().resourceCode(resource).addRecords(recs);
        if (idempotencyKey != null) {
          b.idempotencyKey(idempotencyKey);
        }
        request = b.build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw CliException.error(CliErrorCode.USAGE, String.valueOf(e.getMessage()), e);
      }
      try (ExchangeClient client = client()) {
        if (outbox != null) {
          return durable(client, request);
        }
        PushResult r = ExchangeOptions.call(() -> client.data().push(request));
        if (json()) {
          ObjectNode n = result();
          n.put("batchId", r.batchId());
          n.put("recordCount", r.recordCount());
          n.put("messageId", r.messageId());
          n.put("idempotencyKey", r.idempotencyKey());
          n.put("replayed", r.replayed());
          n.put("receiptVerified", r.receipt().isPresent());
          r.receipt().ifPresent(rc -> n.put("receiver", rc.receiver().toString()));
        } else {
          out()
              .println(
                  "OK  batch "
                      + r.batchId()
                      + ": "
                      + r.recordCount()
                      + " record(s)"
                      + (r.replayed()
                          ? " (answered from the provider's store: already pushed)"
                          : ""));
          out().println("  message id       " + r.messageId());
          out().println("  idempotency key  " + r.idempotencyKey());
          r.receipt()
              .ifPresent(
                  rc ->
                      out()
                          .println("  receipt          signed by " + rc.receiver() + ", verified"));
        }
        return GovdxCli.EXIT_OK;
      }
    }

    private int durable(ExchangeClient client, PushRequest request) {
      try (HikariDataSource pool = JdbcPools.open(outbox, jdbcUser)) {
        JdbcStores stores = JdbcStores.builder().dataSource(pool).build();
        stores.createTables();
        try (Outbox box = Outbox.builder().client(client).store(stores.outboxStore()).build()) {
          String id = ExchangeOptions.call(() -> box.submit(request));
          OutboxEntry e = box.get(id).orElseThrow();
          long end = System.nanoTime() + Duration.ofSeconds(Math.max(0, waitSeconds)).toNanos();
          while (e.state() == OutboxState.PENDING && System.nanoTime() < end) {
            box.dispatchNow();
            e = box.get(id).orElseThrow();
            if (e.state() == OutboxState.PENDING) {
              sleep(Duration.between(java.time.Instant.now(), e.nextAttemptAt()));
            }
          }
          report(e);
          if (e.state() == OutboxState.DEAD) {
            throw new GovdxException(
                CliErrorCode.OUTBOX_ENTRY_DEAD,
                "outbox entry "
                    + id
                    + " was refused: "
                    + e.lastErrorCode().orElse("?")
                    + " "
                    + e.lastError().orElse(""));
          }
          return e.state() == OutboxState.DELIVERED ? GovdxCli.EXIT_OK : GovdxCli.EXIT_TRY_AGAIN;
        }
      } catch (StateStoreException e) {
        throw CliException.inputFailure("--outbox", e);
      }
    }

    private void report(OutboxEntry e) {
      if (json()) {
        ObjectNode n = result();
        n.put("entryId", e.id());
        n.put("state", e.state().storedName());
        n.put("messageId", e.messageId());
        n.put("idempotencyKey", e.idempotencyKey());
        n.put("attempts", e.attempts());
        e.lastErrorCode().ifPresent(c -> n.put("lastErrorCode", c));
        n.put("receiptVerified", e.receipt().isPresent());
      } else {
        out().println("outbox entry " + e.id() + ": " + e.state().storedName());
        out().println("  message id       " + e.messageId());
        out().println("  idempotency key  " + e.idempotencyKey());
        if (e.state() == OutboxState.DELIVERED) {
          out().println("  receipt          verified and stored in the outbox");
        } else if (e.state() == OutboxState.PENDING) {
          out()
              .println(
                  "  queued after "
                      + e.attempts()
                      + " attempt(s) ("
                      + e.lastErrorCode().orElse("no answer")
                      + "): deliver it with govdx outbox dispatch");
        }
      }
    }

    private static void sleep(Duration d) {
      long ms = Math.max(10, Math.min(d.toMillis(), 5_000));
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
