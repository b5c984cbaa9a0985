package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.testkit.ReviewMode;
import io.github.govdx.testkit.SandboxProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange platform's behaviour behind the HTTP front: the catalog, directory, applications, data routing,
 * subscriptions and objections of {@code docs/protocol.md} §6–§12. Reads only envelope routing headers; forwards
 * envelopes unchanged to the provider's endpoint (§13). Thread-safe.
 */
public final class Platform {

  private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

  private final Clock clock;
  private final CatalogStore catalog;
  private final ApplicationStore applications;
  private final ObjectionStore objections;
  private final FeedHub feeds;
  private final MessageLedger ledger;
  private final Tokens tokens;
  private final EnvelopeReader envelopes;
  private final Function<PartyId, Optional<ObjectNode>> directory;
  private final Function<PartyId, Optional<SandboxProvider>> providers;
  private final ExecutorService providerPool;
  private final Duration providerTimeout;
  private final AtomicReference<ReviewMode> review;
  private final Predicate<String> personalData;
  private final TransferHub transfers;

  /** Everything the platform is built from. */
  public static final class Parts {
    /** The clock. */
    public Clock clock = Clock.systemUTC();

    /** The zone of dates. */
    public ZoneId zone = ZoneId.of("Asia/Shanghai");

    /** The calendar. */
    public WorkingDays workingDays = (d, n) -> d.plusDays(n);

    /** The catalog. */
    public CatalogStore catalog = new CatalogStore();

    /** The ledger. */
    public MessageLedger ledger = new MessageLedger();

    /** The token service. */
    public @Nullable Tokens tokens;

    /** The envelope reader. */
    public @Nullable EnvelopeReader envelopes;

    /** The directory view. */
    public Function<PartyId, Optional<ObjectNode>> directory = p -> Optional.empty();

    /** The provider endpoints. */
    public Function<PartyId, Optional<SandboxProvider>> providers = p -> Optional.empty();

    /** The provider endpoints registered by the tests, which receive files by transfer (§15.8). */
    public Function<PartyId, Optional<SandboxProvider>> fileProviders = p -> Optional.empty();

    /** The first pause between attempts to deliver a transfer to a provider. */
    public Duration deliveryPause = Duration.ofMillis(200);

    /** Where provider calls run. */
    public @Nullable ExecutorService providerPool;

    /** How long a provider may take. */
    public Duration providerTimeout = Duration.ofSeconds(30);

    /** The review mode. */
    public AtomicReference<ReviewMode> review = new AtomicReference<>(ReviewMode.AUTO_APPROVE);

    /** Event retention. */
    public Duration retention = Duration.ofDays(7);

    /** Events kept per subscription. */
    public int maxEvents = 100_000;

    /** The long-poll cap. */
    public Duration longPollCap = Duration.ofSeconds(60);

    /** Application answer period. */
    public int applicationDays = 10;

    /** Objection answer period. */
    public int objectionDays = 5;

    /** A check for identifiers in free text. */
    public Predicate<String> personalData = s -> false;

    /** The grants shared with the other instances of a clustered sandbox, or null. */
    public @Nullable SharedGrants sharedGrants;

    /** The largest sealed stream a file transfer may carry. */
    public long maxTransferBytes = 8L * 1024 * 1024 * 1024;

    /** The largest request body the server reads (caps a transfer's part size). */
    public long maxBody = 10L * 1024 * 1024;
  }

  /**
   * Builds the platform.
   *
   * @param p the parts
   */
  public Platform(Parts p) {
    this.clock = p.clock;
    this.catalog = p.catalog;
    this.ledger = p.ledger;
    this.tokens = p.tokens == null ? new Tokens(p.clock) : p.tokens;
    this.envelopes = java.util.Objects.requireNonNull(p.envelopes, "envelopes == null");
    this.directory = p.directory;
    this.providers = p.providers;
    this.providerPool = java.util.Objects.requireNonNull(p.providerPool, "providerPool == null");
    this.providerTimeout = p.providerTimeout;
    this.review = p.review;
    this.transfers =
        new TransferHub(
            p.clock,
            p.catalog::get,
            party -> p.directory.apply(party).isPresent(),
            p.maxTransferBytes,
            p.maxBody);
    this.transfers.deliverTo(p.fileProviders, p.deliveryPause);
    this.feeds = new FeedHub(p.clock, tokens, p.retention, p.maxEvents, p.longPollCap);
    this.applications =
        new ApplicationStore(
            p.clock,
            p.zone,
            p.workingDays,
            p.applicationDays,
            a -> {
              ObjectNode d = Json.object();
              d.put("applicationId", a.id());
              d.put("state", a.state());
              feeds.emit("application.state_changed", a.resourceCode(), d, a.applicant());
            },
            p.sharedGrants);
    this.objections =
        new ObjectionStore(
            p.clock,
            p.zone,
            p.workingDays,
            p.objectionDays,
            o -> {
              ObjectNode d = Json.object();
              d.put("objectionId", o.id());
              d.put("state", o.state());
              feeds.emit("objection.state_changed", o.resourceCode(), d, o.objector());
            });
    this.personalData = p.personalData;
  }

  /**
   * The catalog.
   *
   * @return the store
   */
  public CatalogStore catalog() {
    return catalog;
  }

  /**
   * The applications.
   *
   * @return the store
   */
  public ApplicationStore applications() {
    return applications;
  }

  /**
   * The feeds.
   *
   * @return the hub
   */
  public FeedHub feeds() {
    return feeds;
  }

  /**
   * The ledger.
   *
   * @return the ledger
   */
  public MessageLedger ledger() {
    return ledger;
  }

  /**
   * Publishes or changes a catalog entry; a change emits {@code resource.changed}.
   *
   * @param entry a checked entry
   */
  public void publish(ObjectNode entry) {
    List<String> changed = catalog.put(entry);
    if (!changed.isEmpty()) {
      ObjectNode d = Json.object();
      ArrayNode f = d.putArray("fields");
      changed.forEach(f::add);
      feeds.emit("resource.changed", entry.get("resourceCode").asText(), d, null);
    }
  }

  /**
   * Handles one routed call.
   *
   * @param call the call
   * @return the reply
   */
  public Reply handle(Call call) {
    switch (call.route()) {
      case CATALOG_SEARCH:
        return catalogSearch(call);
      case CATALOG_DETAIL:
        return Reply.json(200, Json.write(catalog.require(call.resourceCode())));
      case PARTY_DETAIL:
        return partyDetail(call);
      case APPLICATION_SUBMIT:
        return applicationSubmit(call);
      case APPLICATION_LIST:
        return list(
            call,
            "applicant",
            Set.of("applicant", "provider"),
            (role, state, code) -> applications.list(call.party(), role, state, code));
      case APPLICATION_GET:
        return Reply.json(
            200, Json.write(applications.find(id(call, "applicationId"), call.party()).json()));
      case APPLICATION_WITHDRAW:
        return Reply.json(
            200,
            Json.write(
                applications
                    .withdraw(id(call, "applicationId"), call.party(), withdrawalReason(call))
                    .json()));
      case APPLICATION_DECISION:
        {
          Requests.Decision d = Json.read(call.body(), Requests.Decision.class);
          return Reply.json(
              200,
              Json.write(
                  applications
                      .decide(id(call, "applicationId"), call.party(), d.state(), d.reason())
                      .json()));
        }
      case DATA_QUERY:
        return data(call, "query", "query.result", 200);
      case DATA_PUSH:
        return data(call, "push", "push.receipt", 201);
      case SUBSCRIPTION_CREATE:
        return subscribe(call);
      case SUBSCRIPTION_GET:
        return Reply.json(200, Json.write(feeds.get(id(call, "subscriptionId"), call.party())));
      case SUBSCRIPTION_DELETE:
        feeds.delete(id(call, "subscriptionId"), call.party());
        return Reply.empty(204);
      case SUBSCRIPTION_EVENTS:
        return events(call);
      case SUBSCRIPTION_ACK:
        feeds.ack(
            id(call, "subscriptionId"),
            call.party(),
            Json.read(call.body(), Requests.Ack.class).cursor());
        return Reply.empty(204);
      case OBJECTION_RAISE:
        return objectionRaise(call);
      case OBJECTION_LIST:
        return list(
            call,
            "objector",
            Set.of("objector", "provider"),
            (role, state, code) -> objections.list(call.party(), role, state, code));
      case OBJECTION_GET:
        return Reply.json(
            200, Json.write(objections.find(id(call, "objectionId"), call.party()).json()));
      case OBJECTION_WITHDRAW:
        return Reply.json(
            200,
            Json.write(
                objections
                    .withdraw(id(call, "objectionId"), call.party(), withdrawalReason(call))
                    .json()));
      case OBJECTION_DECISION:
        {
          Requests.Decision d = Json.read(call.body(), Requests.Decision.class);
          return Reply.json(
              200,
              Json.write(
                  objections
                      .decide(id(call, "objectionId"), call.party(), d.state(), d.reason())
                      .json()));
        }
      case TRANSFER_CREATE:
        return transfers.create(call);
      case TRANSFER_LIST:
        return list(
            call,
            "received",
            Set.of("received", "sent"),
            (role, state, code) -> transfers.list(call.party(), role, state, code));
      case TRANSFER_GET:
        return transfers.get(call);
      case TRANSFER_PART:
        return transfers.putPart(call);
      case TRANSFER_COMPLETE:
        return transfers.complete(call);
      case TRANSFER_CONTENT:
        return transfers.content(call);
      case TRANSFER_ACK:
        return transfers.ack(call);
      default:
        throw new ApiException(WireCode.ROUTE_NOT_FOUND, "no route for this path");
    }
  }

  /**
   * The file transfers.
   *
   * @return the hub
   */
  public TransferHub transfers() {
    return transfers;
  }

  private static String id(Call call, String name) {
    return call.pathParams().get(name);
  }

  private static @Nullable String withdrawalReason(Call call) {
    return call.body().length == 0
        ? null
        : Json.read(call.body(), Requests.Withdrawal.class).reason();
  }

  private static int pageSize(Map<String, String> q, int def, int max) {
    String s = q.get("pageSize");
    if (s == null) {
      return def;
    }
    try {
      return Math.max(1, Math.min(max, Integer.parseInt(s)));
    } catch (NumberFormatException e) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "pageSize must be a number");
    }
  }

  private Reply page(Call call, List<ObjectNode> all, Map<String, String> q) {
    int size = pageSize(q, 20, 100);
    String binding = Tokens.binding(call.party().toString(), q) + "\n" + call.route();
    int offset = 0;
    String token = q.get("pageToken");
    if (token != null) {
      offset = (int) tokens.read(token, binding, true);
    }
    ObjectNode r = Json.object();
    ArrayNode items = r.putArray("items");
    for (int i = offset; i < Math.min(all.size(), offset + size); i++) {
      items.add(all.get(i));
    }
    if (offset + size < all.size()) {
      r.put("nextPageToken", tokens.issue(binding, offset + size));
    }
    return Reply.json(200, Json.write(r));
  }

  private Reply catalogSearch(Call call) {
    Map<String, String> q = call.query();
    String share = q.get("shareType");
    if (share != null && !Set.of("unconditional", "conditional", "not_shared").contains(share)) {
      throw new ApiException(
          WireCode.MALFORMED_REQUEST, "shareType must be unconditional, conditional or not_shared");
    }
    String provider = q.get("provider");
    if (provider != null && !PartyId.isValid(provider)) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "provider is not a valid party id");
    }
    List<ObjectNode> hits =
        catalog.all().stream()
            .filter(e -> CatalogStore.matches(e, q))
            .map(CatalogStore::summary)
            .toList();
    return page(call, hits, q);
  }

  private Reply partyDetail(Call call) {
    PartyId id = PartyId.parse(call.pathParams().get("partyId"));
    ObjectNode p =
        directory
            .apply(id)
            .orElseThrow(
                () ->
                    new ApiException(
                        WireCode.PARTY_NOT_FOUND, "no party " + id + " in the directory"));
    return Reply.json(200, Json.write(p)).withHeader("Cache-Control", "max-age=300");
  }

  @FunctionalInterface
  private interface Lister {
    List<ObjectNode> list(String role, @Nullable String state, @Nullable String resourceCode);
  }

  private Reply list(Call call, String defaultRole, Set<String> roles, Lister lister) {
    Map<String, String> q = call.query();
    String role = q.getOrDefault("role", defaultRole);
    if (!roles.contains(role)) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "role must be one of " + roles);
    }
    return page(call, lister.list(role, q.get("state"), q.get("resourceCode")), q);
  }

  private Reply applicationSubmit(Call call) {
    Requests.NewApplication body = Json.read(call.body(), Requests.NewApplication.class);
    String code = body.resourceCode();
    ObjectNode entry = catalog.require(code);
    String share = entry.path("shareType").asText();
    if ("not_shared".equals(share)) {
      throw new ApiException(WireCode.RESOURCE_NOT_SHARED, "resource " + code + " is not shared");
    }
    if ("unconditional".equals(share)) {
      throw new ApiException(
          WireCode.APPLICATION_DUPLICATE,
          "resource " + code + " is shared unconditionally and needs no application");
    }
    ApplicationStore.App app =
        applications.submit(code, call.party(), CatalogStore.provider(entry), body);
    ObjectNode created = app.json();
    feeds.emit(
        "application.state_changed",
        code,
        stateData("applicationId", app.id(), "submitted"),
        call.party());
    ReviewMode mode = review.get();
    if (mode == ReviewMode.AUTO_APPROVE) {
      applications.decide(app.id(), null, "under_review", null);
      applications.decide(
          app.id(), null, "approved", "sandbox: approved automatically (ReviewMode.AUTO_APPROVE)");
    } else if (mode == ReviewMode.AUTO_REJECT) {
      applications.decide(
          app.id(), null, "rejected", "sandbox: rejected automatically (ReviewMode.AUTO_REJECT)");
    }
    return Reply.json(201, Json.write(created))
        .withHeader("Location", "/v1/applications/" + app.id());
  }

  private static ObjectNode stateData(String idName, String id, String state) {
    ObjectNode d = Json.object();
    d.put(idName, id);
    d.put("state", state);
    return d;
  }

  private Reply subscribe(Call call) {
    Requests.NewSubscription body = Json.read(call.body(), Requests.NewSubscription.class);
    String code = body.resourceCode();
    ObjectNode entry = catalog.require(code);
    if ("not_shared".equals(entry.path("shareType").asText())) {
      throw new ApiException(WireCode.RESOURCE_NOT_SHARED, "resource " + code + " is not shared");
    }
    Set<String> types =
        new LinkedHashSet<>(body.eventTypes() == null ? List.of() : body.eventTypes());
    ObjectNode sub = feeds.create(code, types, call.party());
    return Reply.json(201, Json.write(sub))
        .withHeader("Location", "/v1/subscriptions/" + sub.get("subscriptionId").asText());
  }

  private Reply events(Call call) {
    Map<String, String> q = call.query();
    int limit = intParam(q, "limit", 100, 1, 500);
    int wait = intParam(q, "wait", 0, 0, 60);
    return Reply.json(
        200,
        Json.write(
            feeds.events(
                id(call, "subscriptionId"),
                call.party(),
                q.get("cursor"),
                limit,
                Duration.ofSeconds(wait))));
  }

  private static int intParam(Map<String, String> q, String name, int def, int min, int max) {
    String s = q.get(name);
    if (s == null) {
      return def;
    }
    try {
      int v = Integer.parseInt(s);
      if (v < min || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ApiException(
          WireCode.MALFORMED_REQUEST, name + " must be a number from " + min + " to " + max);
    }
  }

  private Reply objectionRaise(Call call) {
    Requests.NewObjection body = Json.read(call.body(), Requests.NewObjection.class);
    String code = body.resourceCode();
    ObjectNode entry = catalog.require(code);
    ObjectionStore.Obj o =
        objections.raise(body, call.party(), CatalogStore.provider(entry), ledger, personalData);
    feeds.emit(
        "objection.state_changed",
        code,
        stateData("objectionId", o.id(), "submitted"),
        call.party());
    return Reply.json(201, Json.write(o.json())).withHeader("Location", "/v1/objections/" + o.id());
  }

  /**
   * Reads an envelope's cleartext routing facts.
   *
   * @param body the envelope bytes
   * @return the facts
   * @throws ApiException {@code GDX-3001} if the body is not an envelope
   */
  public EnvelopeFacts envelopeFacts(byte[] body) {
    return envelopes.read(body);
  }

  private Reply data(Call call, String action, String answerAction, int okStatus) {
    String code = call.resourceCode();
    EnvelopeFacts f = envelopes.read(call.body());
    ObjectNode entry = catalog.require(code);
    PartyId provider = CatalogStore.provider(entry);
    if (!f.sender().equals(call.party())) {
      throw new ApiException(
          WireCode.ROUTING_MISMATCH,
          "the envelope's sender " + f.sender() + " is not the calling party " + call.party());
    }
    if (!f.resourceCode().equals(code)) {
      throw new ApiException(
          WireCode.ROUTING_MISMATCH,
          "the envelope's resource code " + f.resourceCode() + " is not the path's " + code);
    }
    if (!f.receiver().equals(provider)) {
      throw new ApiException(
          WireCode.ROUTING_MISMATCH,
          "the envelope's receiver " + f.receiver() + " is not the provider of " + code);
    }
    if (!f.action().equals(action)) {
      throw new ApiException(
          WireCode.ROUTING_MISMATCH, "the envelope's action " + f.action() + " is not " + action);
    }
    String share = entry.path("shareType").asText();
    if ("not_shared".equals(share)) {
      throw new ApiException(WireCode.RESOURCE_NOT_SHARED, "resource " + code + " is not shared");
    }
    if (!CatalogStore.accepts(entry, action)) {
      throw new ApiException(
          WireCode.ACTION_NOT_SUPPORTED, "resource " + code + " does not accept " + action);
    }
    if ("query".equals(action)
        && "conditional".equals(share)
        && !call.party().equals(provider)
        && applications.grantedItems(call.party(), code).isEmpty()) {
      throw new ApiException(
          WireCode.ACCESS_NOT_GRANTED,
          "no approved application of " + call.party() + " for " + code);
    }
    ledger.record(f.seen());
    SandboxProvider endpoint =
        providers
            .apply(provider)
            .orElseThrow(
                () ->
                    new ApiException(
                        WireCode.PROVIDER_UNREACHABLE,
                        "provider " + provider + " has no endpoint registered with the sandbox"));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", call.header("Content-Type").orElse(Reply.ENVELOPE));
    headers.put("X-Request-Id", call.requestId());
    headers.put("X-Gdx-Party", call.party().toString());
    call.header("Idempotency-Key").ifPresent(k -> headers.put("Idempotency-Key", k));
    // W3C trace context, unchanged: a trace id sent by the caller is seen by the provider
    // (docs/observability.md)
    call.header("traceparent").ifPresent(t -> headers.put("traceparent", t));
    call.header("tracestate").ifPresent(t -> headers.put("tracestate", t));
    SandboxProvider.Request forwarded =
        new SandboxProvider.Request("POST", call.rawPath(), headers, call.body());
    SandboxProvider.Response answer = forward(endpoint, forwarded, provider);
    String type = header(answer.headers(), "Content-Type");
    Map<String, String> out = new LinkedHashMap<>();
    if (type != null) {
      out.put("Content-Type", type);
    }
    String retryAfter = header(answer.headers(), "Retry-After");
    if (retryAfter != null) {
      out.put("Retry-After", retryAfter);
    }
    byte[] body = answer.body();
    if (answer.status() == okStatus) {
      if (type == null || !type.startsWith(Reply.ENVELOPE)) {
        throw new ApiException(
            WireCode.PROVIDER_UNREACHABLE,
            "provider " + provider + " answered " + okStatus + " without an envelope");
      }
      EnvelopeFacts a;
      try {
        a = envelopes.read(body);
      } catch (ApiException e) {
        throw new ApiException(
            WireCode.PROVIDER_UNREACHABLE,
            "provider " + provider + " answered with a body that is not an envelope");
      }
      ledger.record(a.seen());
      if (!answerAction.equals(a.action())) {
        LOG.debug(
            "provider {} answered with action {} instead of {}",
            provider,
            a.action(),
            answerAction);
      }
      if ("push".equals(action)) {
        ObjectNode d = Json.object();
        String batchId = header(answer.headers(), "X-Gdx-Batch-Id");
        String count = header(answer.headers(), "X-Gdx-Record-Count");
        if (batchId != null) {
          d.put("batchId", batchId);
        }
        if (count != null && count.matches("[0-9]{1,9}")) {
          d.put("recordCount", Integer.parseInt(count));
        }
        d.put("messageId", f.messageId());
        feeds.emit("data.updated", code, d, null);
      }
    } else if (answer.status() < 400 || answer.status() > 599) {
      throw new ApiException(
          WireCode.PROVIDER_UNREACHABLE,
          "provider "
              + provider
              + " answered with status "
              + answer.status()
              + ", outside the contract");
    }
    return new Reply(answer.status(), out, body);
  }

  private SandboxProvider.Response forward(
      SandboxProvider endpoint, SandboxProvider.Request req, PartyId provider) {
    Future<SandboxProvider.Response> fut = providerPool.submit(() -> endpoint.handle(req));
    try {
      return fut.get(providerTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      fut.cancel(true);
      throw new ApiException(
              WireCode.PROVIDER_TIMEOUT,
              "provider " + provider + " did not answer in " + providerTimeout.toMillis() + " ms")
          .withRetryAfter(Duration.ofSeconds(1));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ApiException) {
        throw (ApiException) e.getCause();
      }
      LOG.debug("provider {} failed", provider, e.getCause());
      throw new ApiException(
          WireCode.PROVIDER_UNREACHABLE,
          "provider " + provider + " failed: " + e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fut.cancel(true);
      throw new ApiException(WireCode.PLATFORM_UNAVAILABLE, "the sandbox is stopping");
    }
  }

  private static @Nullable String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
