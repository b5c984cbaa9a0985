package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.Page;
import io.github.govdx.client.StateChange;
import io.github.govdx.client.application.Application;
import io.github.govdx.client.application.ApplyRequest;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.catalog.ResourceItem;
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
import io.github.govdx.core.mask.PiiKind;
import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.store.jdbc.JdbcStores;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The exchange from the command line ({@code docs/cli.md}): {@code govdx catalog search}, {@code apply}, {@code
 * query} and {@code push}, for integrators and teams without Java. Each runs the full govdx client — gateway
 * authentication, SM2 sealing, receipt verification — with the credentials directory of {@link
 * ExchangeOptions}. Not thread-safe.
 */
final class ExchangeCommands {

  private ExchangeCommands() {}

  /** A catalog summary as JSON: the protocol's member names (section 6). */
  static void putSummary(ObjectNode n, ResourceSummary r) {
    n.put("resourceCode", r.resourceCode());
    n.put("name", r.name());
    n.put("provider", r.provider().toString());
    r.providerName().ifPresent(v -> n.put("providerName", v));
    n.put("shareType", r.shareType().wireName());
    r.summary().ifPresent(v -> n.put("summary", v));
    r.updateCycle().ifPresent(v -> n.put("updateCycle", v));
    r.format().ifPresent(v -> n.put("format", v));
    r.publishedOn().ifPresent(v -> n.put("publishedOn", v.toString()));
  }

  /** {@code govdx catalog}. */
  @Command(
      name = "catalog",
      mixinStandardHelpOptions = true,
      header = "Search the exchange's resource catalog and show an entry.",
      subcommands = {Catalog.Search.class, Catalog.Show.class})
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

      @Option(
          names = "--provider",
          paramLabel = "ALIAS|ID",
          description =
              "Only this provider's: a party id, or an alias in the credentials directory.")
      @Nullable String provider;

      @Option(
          names = "--share-type",
          paramLabel = "TYPE",
          description = "unconditional, conditional or not_shared.")
      @Nullable String shareType;

      @Option(names = "--page-size", paramLabel = "N", description = "Page size, 1 to 100.")
      @Nullable Integer pageSize;

      @Option(
          names = "--page-token",
          paramLabel = "TOKEN",
          description = "Fetch the page after an earlier one (its next page token).")
      @Nullable String pageToken;

      @Option(names = "--all", description = "Follow every page.")
      boolean all;

      @Override
      protected int execute() {
        SearchCatalogRequest.Builder b = SearchCatalogRequest.builder();
        try {
          b.query(keyword);
          if (provider != null) {
            b.provider(resolveParty(provider, "--provider"));
          }
          if (shareType != null) {
            b.shareType(ShareType.valueOf(shareType.toUpperCase(Locale.ROOT)));
          }
          if (pageSize != null) {
            b.pageSize(pageSize);
          }
          b.pageToken(pageToken);
        } catch (IllegalArgumentException e) {
          throw CliException.error(CliErrorCode.USAGE, String.valueOf(e.getMessage()), e);
        }
        SearchCatalogRequest request;
        try {
          request = b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
          throw CliException.error(CliErrorCode.USAGE, String.valueOf(e.getMessage()), e);
        }
        List<ResourceSummary> found = new ArrayList<>();
        String[] next = new String[1];
        try (ExchangeClient client = client()) {
          ExchangeOptions.call(
              () -> {
                if (all) {
                  client.catalog().search(request).forEach(found::add);
                } else {
                  Page<ResourceSummary> page = client.catalog().searchPage(request);
                  found.addAll(page.items());
                  next[0] = page.nextPageToken().orElse(null);
                }
                return null;
              });
        }
        if (json()) {
          ArrayNode a = result().putArray("resources");
          for (ResourceSummary r : found) {
            putSummary(a.addObject(), r);
          }
          if (next[0] != null) {
            result().put("nextPageToken", next[0]);
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
                    r.shareType().wireName());
          }
          out()
              .println(
                  found.size()
                      + " resource(s)"
                      + (next[0] == null ? "" : "; more with --page-token " + next[0]));
        }
        return GovdxCli.EXIT_OK;
      }
    }

    /** {@code govdx catalog show CODE}. */
    @Command(
        name = "show",
        mixinStandardHelpOptions = true,
        header = "Show one catalog entry: provider, share type, actions and items.",
        description = {
          "Prints the entry's summary and one line per item:",
          "  ITEM<TAB>name (zh)<TAB>data type<TAB>format<TAB>code table<TAB>identifier check<TAB>required|optional",
          "With --schema it prints only the JSON Schema the exchange validates records with; save it and",
          "'govdx validate --schema FILE --in RECORDS' checks records offline exactly as 'govdx push' will."
        })
    static final class Show extends ExchangeOptions {

      @Parameters(
          index = "0",
          paramLabel = "CODE",
          description = "The resource code, classCode/sequence (e.g. 335001001/00012).")
      String code = "";

      @Option(
          names = "--schema",
          description =
              "Print only the resource's JSON Schema (draft 2020-12) instead of the entry.")
      boolean schemaOnly;

      @Override
      protected int execute() {
        ResourceDetail d;
        try (ExchangeClient client = client()) {
          d = ExchangeOptions.call(() -> client.catalog().detail(code));
        } catch (IllegalArgumentException e) {
          throw CliException.error(
              CliErrorCode.USAGE, "CODE: " + e.getMessage() + " (e.g. 335001001/00012)", e);
        }
        if (schemaOnly) {
          JsonNode schema =
              d.schema()
                  .orElseThrow(
                      () ->
                          CliException.error(
                              CliErrorCode.INPUT_MALFORMED,
                              "the catalog entry of " + code + " carries no schema"));
          if (json()) {
            result().set("schema", schema);
          } else {
            out().println(schema.toPrettyString());
          }
          return GovdxCli.EXIT_OK;
        }
        if (json()) {
          ObjectNode n = result();
          putSummary(n, d.summary());
          d.shareConditions().ifPresent(v -> n.put("shareConditions", v));
          ArrayNode actions = n.putArray("actions");
          d.actions().forEach(actions::add);
          ArrayNode items = n.putArray("items");
          for (ResourceItem i : d.items()) {
            ObjectNode o = items.addObject();
            o.put("name", i.name());
            i.nameZh().ifPresent(v -> o.put("nameZh", v));
            i.dataType().ifPresent(v -> o.put("dataType", v));
            i.element().ifPresent(v -> o.put("element", v));
            i.format().ifPresent(v -> o.put("format", v));
            i.codeTable().ifPresent(v -> o.put("codeTable", v));
            i.codeTableEdition().ifPresent(v -> o.put("codeTableEdition", v));
            i.identifier().ifPresent(v -> o.put("identifier", v));
            o.put("required", i.required());
            i.sensitivity().ifPresent(v -> o.put("sensitivity", v));
          }
          d.schema().ifPresent(v -> n.set("schema", v));
          return GovdxCli.EXIT_OK;
        }
        ResourceSummary r = d.summary();
        PrintWriter w = out();
        w.println(r.resourceCode() + "  " + r.name());
        w.println(
            "  provider       " + r.provider() + r.providerName().map(v -> "  " + v).orElse(""));
        w.println("  share type     " + r.shareType().wireName());
        d.shareConditions().ifPresent(v -> w.println("  conditions     " + v));
        w.println(
            "  actions        " + (d.actions().isEmpty() ? "-" : String.join(", ", d.actions())));
        r.updateCycle().ifPresent(v -> w.println("  update cycle   " + v));
        r.format().ifPresent(v -> w.println("  format         " + v));
        r.publishedOn().ifPresent(v -> w.println("  published      " + v));
        r.summary().ifPresent(v -> w.println("  summary        " + v));
        w.println("  items          " + d.items().size());
        for (ResourceItem i : d.items()) {
          w.println(
              String.join(
                  "\t",
                  "    " + i.name(),
                  i.nameZh().orElse(""),
                  i.dataType().orElse(""),
                  i.format().orElse(""),
                  i.codeTable()
                      .map(t -> t + i.codeTableEdition().map(e -> "-" + e).orElse(""))
                      .orElse(""),
                  i.identifier().orElse(""),
                  i.required() ? "required" : "optional"));
        }
        return GovdxCli.EXIT_OK;
      }
    }
  }

  /** {@code govdx apply}. */
  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      header = "Apply for access to a resource (数据共享申请); 'apply status ID' follows it.",
      description = {
        "Submits an access application for a conditionally shared resource and prints its id, state and the",
        "day the provider must answer by. --resource and --purpose are required."
      },
      subcommands = {Apply.Status.class})
  static final class Apply extends ExchangeOptions {

    @Option(names = "--resource", paramLabel = "CODE", description = "Resource code (required).")
    @Nullable String resource;

    @Option(
        names = "--purpose",
        paramLabel = "TEXT",
        description = "Why (用途), 1 to 500 characters (required).")
    @Nullable String purpose;

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
            ApplyRequest.builder()
                .resourceCode(required(resource, "--resource"))
                .purpose(required(purpose, "--purpose"))
                .addAllItems(items);
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
      report(this, a, false);
      return GovdxCli.EXIT_OK;
    }

    /** {@code govdx apply status ID}. */
    @Command(
        name = "status",
        mixinStandardHelpOptions = true,
        header = "Show an access application's state, due date and history.",
        description = {
          "Prints the application's current state (submitted, under_review, approved, rejected, withdrawn), the",
          "day the provider must answer by, the reason given with a decision and every state change. Exit 0",
          "whatever the state: scripts read it from --json (state, final)."
        })
    static final class Status extends ExchangeOptions {

      @Parameters(
          index = "0",
          paramLabel = "ID",
          description = "The application id 'govdx apply' printed.")
      String id = "";

      @Override
      protected int execute() {
        Application a;
        try (ExchangeClient client = client()) {
          a = ExchangeOptions.call(() -> client.applications().status(id));
        } catch (IllegalArgumentException e) {
          throw CliException.error(CliErrorCode.USAGE, "ID: " + e.getMessage(), e);
        }
        report(this, a, true);
        return GovdxCli.EXIT_OK;
      }
    }

    /** Prints an application; with {@code details} also its purpose, reason and history. */
    static void report(BaseCommand c, Application a, boolean details) {
      if (c.json()) {
        ObjectNode n = c.result();
        n.put("applicationId", a.applicationId());
        n.put("resourceCode", a.resourceCode());
        n.put("provider", a.provider().toString());
        n.put("applicant", a.applicant().toString());
        n.put("state", a.state().wireName());
        n.put("final", a.state().isFinal());
        n.put("purpose", a.purpose());
        a.legalBasis().ifPresent(v -> n.put("legalBasis", v));
        ArrayNode items = n.putArray("items");
        a.items().forEach(items::add);
        a.validUntil().ifPresent(v -> n.put("validUntil", v.toString()));
        n.put("submittedAt", a.submittedAt().toString());
        n.put("updatedAt", a.updatedAt().toString());
        n.put("timeLimitWorkingDays", a.timeLimitWorkingDays());
        n.put("dueDate", a.dueDate().toString());
        a.decisionReason().ifPresent(v -> n.put("decisionReason", v));
        ArrayNode history = n.putArray("history");
        for (StateChange h : a.history()) {
          ObjectNode o = history.addObject();
          o.put("state", h.state());
          o.put("at", h.at().toString());
          o.put("by", h.by().toString());
          h.reason().ifPresent(v -> o.put("reason", v));
        }
        return;
      }
      PrintWriter w = c.out();
      w.println(
          "application "
              + a.applicationId()
              + " for "
              + a.resourceCode()
              + ": "
              + a.state().wireName()
              + ", answer due "
              + a.dueDate());
      if (!details) {
        return;
      }
      w.println("  provider       " + a.provider());
      w.println("  applicant      " + a.applicant());
      w.println("  purpose        " + a.purpose());
      a.legalBasis().ifPresent(v -> w.println("  legal basis    " + v));
      w.println("  items          " + (a.items().isEmpty() ? "all" : String.join(", ", a.items())));
      a.validUntil().ifPresent(v -> w.println("  valid until    " + v));
      w.println("  submitted      " + a.submittedAt());
      w.println(
          "  due            " + a.dueDate() + " (" + a.timeLimitWorkingDays() + " working days)");
      a.decisionReason().ifPresent(v -> w.println("  reason         " + v));
      if (!a.history().isEmpty()) {
        w.println("  history");
        for (StateChange h : a.history()) {
          w.println(
              "    "
                  + h.at()
                  + "  "
                  + h.state()
                  + "  by "
                  + h.by()
                  + h.reason().map(r -> "  (" + r + ")").orElse(""));
        }
      }
    }
  }

  /** {@code govdx query}. */
  @Command(
      name = "query",
      mixinStandardHelpOptions = true,
      header =
          "Query records of a resource (sealed; the records are validated against its schema).",
      description = {
        "Prints the records as returned, one JSON object a line (--json: a records array), and a summary on",
        "standard error. They may hold personal data, which govdx never logs: keep the output where the data",
        "may be kept, or mask items with --mask ITEM=KIND (name, id_number, phone, address, email, bank_card)",
        "before it goes into a ticket or transcript."
      })
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

    @Option(
        names = "--page-size",
        paramLabel = "N",
        description = "Records per page, 1 to 1000 (default: the provider's, 100).")
    @Nullable Integer pageSize;

    @Option(
        names = "--page-token",
        paramLabel = "TOKEN",
        description = "Fetch the page after an earlier one (its next page token).")
    @Nullable String pageToken;

    @Option(
        names = "--all",
        description =
            "Follow every page (one sealed query each); text output streams as pages arrive.")
    boolean all;

    @Option(
        names = "--mask",
        split = ",",
        paramLabel = "ITEM=KIND",
        description =
            "Mask an item's values with govdx-core's MaskingPolicy: KIND is name, id_number, phone, address,"
                + " email or bank_card; repeat or separate with commas.")
    Map<String, PiiKind> mask = new LinkedHashMap<>();

    @Option(
        names = "--mask-level",
        paramLabel = "LEVEL",
        description =
            "The data security level whose masking rules --mask applies (GOVDX-SECURITY-LEVEL, e.g. L2; default"
                + " L3).")
    @Nullable String maskLevel;

    @Override
    protected int execute() {
      QueryRequest request;
      try {
        QueryRequest.Builder b = QueryRequest.builder().resourceCode(resource).addAllItems(items);
        filter.forEach(b::filter);
        b.purpose(purpose);
        b.pageSize(pageSize);
        b.pageToken(pageToken);
        request = b.build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw CliException.error(CliErrorCode.USAGE, String.valueOf(e.getMessage()), e);
      }
      if (all && pageToken != null) {
        throw CliException.error(
            CliErrorCode.USAGE, "--all starts at the first page; drop --page-token");
      }
      RecordMask masker = RecordMask.of(mask, maskLevel);
      ArrayNode array = json() ? result().putArray("records") : null;
      long[] count = new long[1];
      java.util.function.Consumer<JsonNode> sink =
          rec -> {
            JsonNode shown = masker.apply(rec);
            count[0]++;
            if (array != null) {
              array.add(shown);
            } else {
              out().println(shown.toString());
            }
          };
      QueryResult<JsonNode> page = null;
      try (ExchangeClient client = client()) {
        if (all) {
          ExchangeOptions.call(
              () -> {
                client.data().queryAll(request, JsonNode.class).forEach(sink);
                return null;
              });
        } else {
          page = ExchangeOptions.call(() -> client.data().query(request));
          page.records().forEach(sink);
        }
      }
      String next = page == null ? null : page.nextPageToken().orElse(null);
      if (json()) {
        ObjectNode n = result();
        n.put("resourceCode", resource);
        n.put("recordCount", count[0]);
        if (page != null) {
          page.messageId().ifPresent(m -> n.put("messageId", m));
          page.total().ifPresent(t -> n.put("total", t));
        }
        if (next != null) {
          n.put("nextPageToken", next);
        }
        if (!mask.isEmpty()) {
          n.put("maskedWith", masker.level());
        }
      } else {
        ctx()
            .err()
            .println(
                "# "
                    + count[0]
                    + " record(s)"
                    + (page != null && page.total().isPresent()
                        ? " of " + page.total().getAsLong()
                        : "")
                    + (mask.isEmpty() ? "" : ", masked (" + masker.level() + ")")
                    + (next == null ? "" : "; next page: --page-token " + next));
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
