package io.github.govdx.client.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.EnvelopeDigest;
import io.github.govdx.client.ErrorDetail;
import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.catalog.ResourceItem;
import io.github.govdx.client.data.RecordValidator;
import io.github.govdx.client.internal.CodecSealer;
import io.github.govdx.client.internal.Json;
import io.github.govdx.client.internal.MediaTypes;
import io.github.govdx.client.internal.MessageSealer;
import io.github.govdx.client.internal.Observers;
import io.github.govdx.client.internal.OpenedResponse;
import io.github.govdx.client.internal.Routing;
import io.github.govdx.client.internal.SealedMessage;
import io.github.govdx.client.internal.Tracing;
import io.github.govdx.client.internal.otel.OtelTracing;
import io.github.govdx.client.observation.Outcome;
import io.github.govdx.client.observation.ProviderListener;
import io.github.govdx.client.observation.ProviderOutcome;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.PartyDirectory;
import io.github.govdx.crypto.key.PartyKeyRing;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.crypto.replay.InMemoryReplayCache;
import io.github.govdx.crypto.replay.ReplayCache;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider side of data query and push, framework-neutral: hand it each inbound request
 * ({@link #handle(ProviderRequest)}) from any HTTP server and write out the {@link ProviderResponse} it
 * returns. It follows {@code docs/protocol.md} section 13 step by step: size and content type; for a push,
 * the idempotency store (same key and body: the stored answer again; same key, other body: {@code GDX-3008})
 * before anything else; open the envelope (every check of DESIGN section 4, replay included:
 * {@code GDX-3304}); the envelope's sender, resource and action must match {@code X-Gdx-Party} and the route;
 * the {@link AccessPolicy} ({@code GDX-3301}); validate the query ({@code GDX-3302}) or every record
 * ({@code GDX-3303}); call the department's handler ({@code GDX-3306} if it throws); seal the answer to the
 * caller with correlation id = the request's message id, and, for a push, a signed receipt (govdx-crypto's
 * {@link io.github.govdx.crypto.evidence.Receipt}) over the push's message id, parties and envelope digest.
 *
 * <p>With {@link Builder#files(String, FileHandler)} it also receives files delivered by the platform
 * ({@code docs/protocol.md} section 15.8): parts streamed to the {@link Builder#transferSpool spool directory}
 * (write-once, digest-checked, resumable), the whole sealed stream verified and opened at completion, the
 * {@link FileHandler} called once per transfer (the idempotency store), and a signed receipt returned. An HTTP
 * adapter passes the parts' bodies as streams: see {@link #streamsBody(String, String)}.
 *
 * <pre>{@code
 * ProviderEndpoint endpoint = ProviderEndpoint.builder()
 *     .party(PartyId.parse("11320500014160486F"))
 *     .credentials(credentials).trustStore(trust)
 *     .accessPolicy(AccessPolicy.allowList(Map.of("335001001/00012", Set.of(hotline))))
 *     .query(resourceDetail, query -> QueryAnswer.builder().records(lookup(query)).build())
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ProviderEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderEndpoint.class);
  private static final Pattern ROUTE =
      Pattern.compile("/v1/data/([0-9A-Za-z]{1,32})/([0-9A-Za-z]{1,32})/(query|batches)");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{16,128}");

  private final PartyId self;
  private final MessageSealer sealer;
  private final AccessPolicy accessPolicy;
  private final RecordValidator validator;
  private final Map<String, ResourceDetail> resources;
  private final Map<String, QueryHandler> queryHandlers;
  private final Map<String, PushHandler> pushHandlers;
  private final Clock clock;
  private final long maxRequestBytes;
  private final Claims claims;
  private final List<ProviderListener> listeners;
  private final Tracing tracing;
  private final @Nullable TransferInbox transfers;

  private ProviderEndpoint(Builder b) {
    this.self = Objects.requireNonNull(b.party, "party");
    this.sealer = Objects.requireNonNull(b.sealer, "sealer");
    this.accessPolicy = b.accessPolicy;
    this.validator = b.validator;
    this.resources = Map.copyOf(b.resources);
    this.queryHandlers = Map.copyOf(b.queryHandlers);
    this.pushHandlers = Map.copyOf(b.pushHandlers);
    this.clock = b.clock;
    this.maxRequestBytes = b.maxRequestBytes;
    IdempotencyStore idempotency =
        b.idempotencyStore != null ? b.idempotencyStore : new InMemoryIdempotencyStore(b.clock);
    this.claims =
        new Claims(
            idempotency,
            b.inboxTransactions,
            clock,
            b.idempotencyTtl,
            b.idempotencyLease,
            "push",
            "retry with the same Idempotency-Key");
    this.listeners = List.copyOf(b.listeners);
    this.tracing = b.openTelemetry == null ? Tracing.NOOP : OtelTracing.create(b.openTelemetry);
    this.transfers =
        b.fileHandlers.isEmpty()
            ? null
            : new TransferInbox(
                self,
                sealer,
                accessPolicy,
                b.fileHandlers,
                claims.forWork("transfer", "complete the transfer again later"),
                clock,
                Objects.requireNonNull(b.transferSpool, "transferSpool"),
                b.maxTransferBytes,
                b.maxPartBytes,
                b.transferRetention);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The largest request body this endpoint accepts; an adapter need not read more than this plus one byte
   * (a longer body is answered {@code 413}/{@code GDX-3003} all the same).
   *
   * @return bytes
   */
  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  /**
   * Handles one inbound request. Never throws for bad input: every failure is an error answer with a
   * {@code GDX-} code and {@code source: provider}.
   *
   * @param request the request
   * @return the answer to write out
   */
  public ProviderResponse handle(ProviderRequest request) {
    Objects.requireNonNull(request, "request == null");
    return handle(request, new java.io.ByteArrayInputStream(request.body()));
  }

  /**
   * Whether a request's body should be streamed to {@link #handle(ProviderRequest, java.io.InputStream)} rather
   * than read into memory: the parts of a file transfer ({@code PUT /v1/transfers/{id}/parts/{n}}, {@code
   * docs/protocol.md} section 15.8), which are written to the spool directory as they arrive and are not bound by
   * {@link #maxRequestBytes()} but by the part size of their transfer.
   *
   * @param method the HTTP method
   * @param path the request path from {@code /v1} on
   * @return {@code true} for a part upload to an endpoint that receives files
   */
  public boolean streamsBody(String method, String path) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(path, "path == null");
    return transfers != null && TransferInbox.streamsBody(method, path);
  }

  /**
   * Handles one inbound request whose body is given as a stream (see {@link #streamsBody(String, String)}); the
   * request's own {@link ProviderRequest#body() body} is then ignored for a part upload and may be empty. The
   * stream is read up to the part's length plus one byte and not closed. Never throws for bad input, a body cut
   * short included: every failure is an error answer with a {@code GDX-} code and {@code source: provider}.
   *
   * @param request the method, path and headers (and, for other routes, the body)
   * @param body the body stream
   * @return the answer to write out
   */
  public ProviderResponse handle(ProviderRequest request, java.io.InputStream body) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(body, "body == null");
    return observed(
        request,
        requestId ->
            transfers != null && TransferInbox.ROUTE.matcher(request.path()).matches()
                ? transfers.route(request, body, requestId)
                : route(request, requestId));
  }

  /**
   * Answers a request in a server span and tells the listeners: a refusal on the way becomes an error answer with a
   * {@code GDX-} code and {@code source: provider}.
   */
  private ProviderResponse observed(
      ProviderRequest request, Function<String, ProviderResponse> answerTo) {
    long t0 = System.nanoTime();
    String operation = operationOf(request);
    String requestId = request.header("X-Request-Id").orElseGet(() -> UUID.randomUUID().toString());
    Tracing.Span span =
        tracing.startServer("govdx provider " + operation, h -> request.header(h).orElse(null));
    span.attribute("govdx.operation", operation);
    ProviderResponse answer;
    String envelopeCode = null;
    try (Tracing.Scope scope = span.makeCurrent()) {
      answer = answerTo.apply(requestId);
    } catch (Refusal r) {
      answer = error(r, requestId);
      if (r.code == ClientErrorCode.PROVIDER_ENVELOPE_REJECTED) {
        envelopeCode = r.envelopeCode != null ? r.envelopeCode : r.code.code();
      }
    }
    finish(span, t0, operation, answer, envelopeCode);
    return answer;
  }

  private static String operationOf(ProviderRequest request) {
    String transfer = TransferInbox.operationOf(request.path());
    if (transfer != null) {
      return transfer;
    }
    Matcher m = ROUTE.matcher(request.path());
    if (!m.matches()) {
      return "unknown";
    }
    return m.group(3).equals("query") ? "data.query" : "data.push";
  }

  /** Ends the server span and tells the listeners; never throws. */
  private void finish(
      Tracing.Span span,
      long t0,
      String operation,
      ProviderResponse answer,
      @Nullable String envelopeCode) {
    int status = answer.status();
    Outcome outcome =
        status < 400 ? Outcome.SUCCESS : status < 500 ? Outcome.REFUSED : Outcome.ERROR;
    String code = status < 400 ? null : errorCodeOf(answer);
    try {
      span.attribute("http.response.status_code", status);
      span.attribute("govdx.outcome", outcome.tagValue());
      if (code != null) {
        span.failed(code);
      }
      span.end();
    } catch (RuntimeException e) {
      // a tracing failure never changes the answer
    }
    if (!listeners.isEmpty()) {
      Observers.requestHandled(
          listeners,
          ProviderOutcome.of(
              operation,
              outcome,
              status,
              code,
              envelopeCode,
              "true".equals(answer.headers().get("Idempotency-Replayed")),
              Duration.ofNanos(System.nanoTime() - t0)));
    }
  }

  private static @Nullable String errorCodeOf(ProviderResponse answer) {
    try {
      JsonNode code = Json.parseObject(answer.body()).get("code");
      return code != null && code.isTextual() ? code.asText() : null;
    } catch (Json.MalformedJsonException e) {
      return null;
    }
  }

  /**
   * The answer to a request whose declared body length ({@code Content-Length}) is over {@link #maxRequestBytes()}:
   * {@code 413}/{@code GDX-3003} at once, so that an adapter need not read the body at all (a client that sent
   * {@code Expect: 100-continue} then never sends it).
   *
   * @param request the request's method, path and headers (its body is not looked at)
   * @return the refusal to write out
   */
  public ProviderResponse payloadTooLarge(ProviderRequest request) {
    Objects.requireNonNull(request, "request == null");
    return observed(
        request,
        requestId -> {
          throw Refusal.tooLarge(maxRequestBytes);
        });
  }

  private ProviderResponse route(ProviderRequest request, String requestId) {
    Matcher m = ROUTE.matcher(request.path());
    if (!m.matches()) {
      throw new Refusal(ClientErrorCode.ROUTE_NOT_FOUND, "no such route");
    }
    if (!request.method().equals("POST")) {
      throw new Refusal(ClientErrorCode.METHOD_NOT_ALLOWED, "use POST");
    }
    if (request.body().length > maxRequestBytes) {
      throw Refusal.tooLarge(maxRequestBytes);
    }
    if (!MediaTypes.isEnvelope(request.header("Content-Type").orElse(null))) {
      throw new Refusal(
          ClientErrorCode.UNSUPPORTED_MEDIA_TYPE, "expected application/govdx-envelope+json");
    }
    PartyId caller = callerOf(request);
    String resourceCode = m.group(1) + "/" + m.group(2);
    boolean push = m.group(3).equals("batches");
    if (!push) {
      return query(request, requestId, caller, resourceCode);
    }
    String key = request.header("Idempotency-Key").orElse("");
    if (!KEY.matcher(key).matches()) {
      throw new Refusal(
          ClientErrorCode.IDEMPOTENCY_KEY_REQUIRED, "a push needs an Idempotency-Key");
    }
    String messageId = messageIdOf(request.body());
    return claims.once(
        "key " + caller + " " + resourceCode + " " + key,
        "mid " + messageId,
        "mid " + caller + " " + messageId,
        "key " + resourceCode + " " + key,
        "idempotency key used before with another message",
        "a push with this key is in progress",
        "message " + messageId + " was already received under another Idempotency-Key",
        true,
        requestId,
        () -> push(request, requestId, caller, resourceCode, key));
  }

  /** The caller named by {@code X-Gdx-Party} ({@code 400}/{@code GDX-3006} when missing or invalid). */
  static PartyId callerOf(ProviderRequest request) {
    try {
      return PartyId.parse(request.header("X-Gdx-Party").orElse(""));
    } catch (GovdxException e) {
      throw new Refusal(ClientErrorCode.PARTY_HEADER_INVALID, "X-Gdx-Party missing or invalid");
    }
  }

  /**
   * What identifies a push: the sender-chosen message id of its envelope, read from the authenticated routing
   * header without decrypting (the open that follows checks it). A push sealed again (a fresh issued-at, so other
   * bytes) keeps its message id, so its retries match; a different push under the same key does not
   * ({@code GDX-3008}).
   */
  private String messageIdOf(byte[] body) {
    try {
      return sealer.messageId(body);
    } catch (GovdxException | IllegalArgumentException e) {
      throw Refusal.envelope(
          e instanceof GovdxException ? ((GovdxException) e).code() : null, e.getMessage());
    }
  }

  private OpenedResponse open(
      ProviderRequest request, PartyId caller, String resourceCode, String action) {
    OpenedResponse opened;
    Tracing.Span span = tracing.startInternal("govdx open");
    try {
      // a push's message id is claimed in the idempotency store, which also refuses its replays
      opened =
          action.equals("push")
              ? sealer.openClaimed(request.body())
              : sealer.open(request.body(), true);
    } catch (StateStoreException e) {
      span.failed(e.code());
      throw new Refusal(
          ClientErrorCode.PROVIDER_STATE_UNAVAILABLE,
          "replay cache unavailable (" + e.code() + "); retry later");
    } catch (GovdxException e) {
      span.failed(e.code());
      throw Refusal.envelope(e.code(), e.getMessage());
    } finally {
      span.end();
    }
    Routing r = opened.routing();
    if (!r.sender().equals(caller)) {
      throw new Refusal(
          ClientErrorCode.PROVIDER_ENVELOPE_REJECTED, "envelope sender is not X-Gdx-Party");
    }
    if (!r.resourceCode().equals(resourceCode) || !r.action().equals(action)) {
      throw new Refusal(
          ClientErrorCode.PROVIDER_ENVELOPE_REJECTED,
          "envelope resource code or action does not match the route");
    }
    if (!accessPolicy.permits(caller, resourceCode, action)) {
      throw new Refusal(
          ClientErrorCode.PROVIDER_ACCESS_DENIED,
          caller + " may not " + action + " " + resourceCode);
    }
    return opened;
  }

  private ProviderResponse query(
      ProviderRequest request, String requestId, PartyId caller, String resourceCode) {
    QueryHandler handler = queryHandlers.get(resourceCode);
    if (handler == null) {
      throw new Refusal(ClientErrorCode.ACTION_NOT_SUPPORTED, "no query on " + resourceCode);
    }
    OpenedResponse opened = open(request, caller, resourceCode, "query");
    ResourceDetail detail = resources.get(resourceCode);
    JsonNode q = payload(opened, ClientErrorCode.PROVIDER_QUERY_INVALID);
    JsonNode filter = q.get("filter");
    List<ErrorDetail> bad = new ArrayList<>();
    Set<String> known = detail.items().stream().map(ResourceItem::name).collect(Collectors.toSet());
    if (filter == null || !filter.isObject() || filter.isEmpty()) {
      bad.add(new ErrorDetail("/filter", "filter.required", ""));
    } else {
      for (Map.Entry<String, JsonNode> e : filter.properties()) {
        if (!known.contains(e.getKey())) {
          bad.add(new ErrorDetail("/filter/" + e.getKey(), "item.unknown", ""));
        } else if (!e.getValue().isValueNode()) {
          bad.add(new ErrorDetail("/filter/" + e.getKey(), "filter.scalar", ""));
        }
      }
    }
    List<String> items = new ArrayList<>();
    JsonNode it = q.get("items");
    if (it != null && it.isArray()) {
      for (int i = 0; i < it.size(); i++) {
        if (!known.contains(it.get(i).asText())) {
          bad.add(new ErrorDetail("/items/" + i, "item.unknown", ""));
        }
        items.add(it.get(i).asText());
      }
    }
    int pageSize = q.path("pageSize").asInt(100);
    if (pageSize < 1 || pageSize > 1000) {
      bad.add(new ErrorDetail("/pageSize", "pageSize.range", ""));
    }
    if (!bad.isEmpty()) {
      throw new Refusal(ClientErrorCode.PROVIDER_QUERY_INVALID, "invalid query", bad);
    }
    ProviderQuery query =
        ProviderQuery.builder()
            .caller(caller)
            .resourceCode(resourceCode)
            .filter(filter)
            .items(items)
            .pageSize(pageSize)
            .pageToken(q.hasNonNull("pageToken") ? q.get("pageToken").asText() : null)
            .purpose(q.hasNonNull("purpose") ? q.get("purpose").asText() : null)
            .messageId(opened.routing().messageId())
            .build();
    QueryAnswer answer = runHandler("query", resourceCode, () -> handler.answer(query));
    ObjectNode out = Json.object();
    ArrayNode recs = out.putArray("records");
    answer.records().forEach(recs::add);
    answer.nextPageToken().ifPresent(t -> out.put("nextPageToken", t));
    answer.total().ifPresent(t -> out.put("total", t));
    return sealed(200, requestId, "query.result", opened, out);
  }

  private ProviderResponse push(
      ProviderRequest request, String requestId, PartyId caller, String resourceCode, String key) {
    PushHandler handler = pushHandlers.get(resourceCode);
    if (handler == null) {
      throw new Refusal(ClientErrorCode.ACTION_NOT_SUPPORTED, "no push on " + resourceCode);
    }
    OpenedResponse opened = open(request, caller, resourceCode, "push");
    if (!opened.routing().messageId().equals(sealer.messageId(request.body()))) {
      throw new Refusal(
          ClientErrorCode.PROVIDER_ENVELOPE_REJECTED,
          "the opened message id is not the one claimed");
    }
    ResourceDetail detail = resources.get(resourceCode);
    JsonNode p = payload(opened, ClientErrorCode.PROVIDER_RECORDS_INVALID);
    JsonNode records = p.get("records");
    if (records == null || !records.isArray() || records.isEmpty() || records.size() > 10_000) {
      throw new Refusal(
          ClientErrorCode.PROVIDER_RECORDS_INVALID,
          "records must hold 1 to 10000 records",
          List.of(new ErrorDetail("/records", "records.size", "")));
    }
    List<ErrorDetail> bad = new ArrayList<>();
    List<JsonNode> list = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      JsonNode rec = records.get(i);
      if (!rec.isObject()) {
        bad.add(new ErrorDetail("/records/" + i, "record.object", ""));
        continue;
      }
      List<ErrorDetail> violations;
      try {
        violations = validator.validate(detail, rec);
      } catch (ExchangeException e) {
        // the resource's own detail gives no usable schema (GDX-3417): a fault of this provider,
        // not of the caller
        LOG.warn("cannot validate records of {}: {}", resourceCode, e.code());
        throw new Refusal(
            ClientErrorCode.PROVIDER_HANDLER_FAILED,
            "the provider cannot validate records of " + resourceCode);
      }
      for (ErrorDetail d : violations) {
        bad.add(new ErrorDetail("/records/" + i + d.pointer(), d.rule(), d.code()));
      }
      list.add(rec);
    }
    if (!bad.isEmpty()) {
      throw new Refusal(
          ClientErrorCode.PROVIDER_RECORDS_INVALID,
          bad.size() + " violation(s); nothing stored",
          bad);
    }
    ProviderPush push =
        ProviderPush.builder()
            .caller(caller)
            .resourceCode(resourceCode)
            .records(list)
            .idempotencyKey(key)
            .messageId(opened.routing().messageId())
            .build();
    String batchId = runHandler("push", resourceCode, () -> handler.store(push));
    EnvelopeDigest digest = sealer.digest(request.body());
    ObjectNode out = Json.object();
    out.put("batchId", batchId);
    out.put("recordCount", list.size());
    out.put("storedAt", clock.instant().toString());
    JsonNode receipt;
    try {
      receipt = sealer.receipt(request.body(), opened.routing(), digest);
    } catch (GovdxException | IllegalArgumentException e) {
      LOG.warn(
          "cannot issue the receipt for {}: {}",
          opened.routing().messageId(),
          e.getClass().getName());
      throw new Refusal(ClientErrorCode.PROVIDER_HANDLER_FAILED, "cannot issue the receipt");
    }
    out.set("receipt", receipt);
    return sealed(201, requestId, "push.receipt", opened, out);
  }

  /** Runs the department's handler in a span; its failure is a {@code 500}/{@code GDX-3306}. */
  private <T> T runHandler(String kind, String resourceCode, Supplier<T> handler) {
    Tracing.Span span = tracing.startInternal("govdx handler");
    try {
      return handler.get();
    } catch (RuntimeException e) {
      span.failed(ClientErrorCode.PROVIDER_HANDLER_FAILED.code());
      LOG.warn("{} handler for {} failed: {}", kind, resourceCode, e.getClass().getName());
      throw new Refusal(ClientErrorCode.PROVIDER_HANDLER_FAILED, "the provider's handler failed");
    } finally {
      span.end();
    }
  }

  private static JsonNode payload(OpenedResponse opened, ClientErrorCode code) {
    try {
      return Json.parseObject(opened.payload());
    } catch (Json.MalformedJsonException e) {
      throw new Refusal(
          code, "payload is not a JSON object", List.of(new ErrorDetail("", "payload.json", "")));
    }
  }

  /** The answer to an opened request, sealed back to its sender with correlation id = its message id. */
  private ProviderResponse sealed(
      int status, String requestId, String action, OpenedResponse request, JsonNode payload) {
    Routing r = request.routing();
    PartyId caller = r.sender();
    Routing routing =
        new Routing(
            UUID.randomUUID().toString(),
            clock.instant(),
            self,
            caller,
            r.resourceCode(),
            action,
            r.messageId());
    SealedMessage m;
    Tracing.Span span = tracing.startInternal("govdx seal");
    try {
      m = sealer.seal(routing, Json.bytes(payload));
    } catch (GovdxException e) {
      span.failed(e.code());
      LOG.warn("cannot seal the answer to {}: {}", caller, e.code());
      throw new Refusal(
          ClientErrorCode.PROVIDER_HANDLER_FAILED, "cannot seal the answer: " + e.code());
    } finally {
      span.end();
    }
    return new ProviderResponse(
        status,
        Map.of("Content-Type", MediaTypes.ENVELOPE.toString(), "X-Request-Id", requestId),
        m.bytes());
  }

  private static ProviderResponse error(Refusal r, String requestId) {
    ClientErrorCode code = r.code;
    ObjectNode o = Json.object();
    o.put("code", code.code());
    o.put("message", code.code() + ": " + r.getMessage());
    o.put("requestId", requestId);
    o.put("source", "provider");
    if (!r.details.isEmpty()) {
      ArrayNode a = o.putArray("details");
      for (ErrorDetail d : r.details) {
        ObjectNode detail = a.addObject().put("pointer", d.pointer());
        if (!d.rule().isEmpty()) {
          detail.put("rule", d.rule());
        }
        if (!d.code().isEmpty()) {
          detail.put("code", d.code());
        }
      }
    }
    ProviderResponse answer =
        new ProviderResponse(
            code.httpStatus(),
            Map.of("Content-Type", "application/json", "X-Request-Id", requestId),
            Json.bytes(o));
    return code.retryable() ? answer.with("Retry-After", "1") : answer;
  }

  /** Returns the party and the resources served; never keys. */
  @Override
  public String toString() {
    return "ProviderEndpoint{party=" + self + ", resources=" + resources.keySet() + "}";
  }

  /** A refusal on the way through the steps; becomes an error answer. */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ClientErrorCode code;
    private final transient List<ErrorDetail> details;
    private @Nullable String envelopeCode;

    Refusal envelopeCode(@Nullable String value) {
      this.envelopeCode = value;
      return this;
    }

    Refusal(ClientErrorCode code, String message) {
      this(code, message, List.of());
    }

    /** A request envelope rejected ({@code GDX-3304}), for the reason {@code code} if known. */
    static Refusal envelope(@Nullable String code, String message) {
      return new Refusal(
              ClientErrorCode.PROVIDER_ENVELOPE_REJECTED, "request envelope rejected: " + message)
          .envelopeCode(code);
    }

    /** A request envelope refused as a replay ({@code GDX-2303}) of what {@code what} says. */
    static Refusal replayed(String what) {
      String replay = CryptoErrorCode.REPLAY_DETECTED.code();
      return envelope(replay, replay + ": " + what);
    }

    /** A body over {@code max} bytes ({@code 413}/{@code GDX-3003}). */
    static Refusal tooLarge(long max) {
      return new Refusal(ClientErrorCode.PAYLOAD_TOO_LARGE, "body over " + max + " bytes");
    }

    /** A refusal answered with the code's HTTP status. */
    Refusal(ClientErrorCode code, String message, List<ErrorDetail> details) {
      super(message, null, false, false);
      this.code = code;
      this.details = details;
    }
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }

  /** Builds a {@link ProviderEndpoint}. Not thread-safe. */
  public static final class Builder {
    private @Nullable PartyId party;
    private @Nullable MessageSealer sealer;
    private @Nullable PartyCredentials credentials;
    private @Nullable PartyKeyRing keyRing;
    private @Nullable TrustStore trustStore;
    private @Nullable PartyDirectory directory;
    private Duration clockSkew = Duration.ofMinutes(5);
    private AccessPolicy accessPolicy = AccessPolicy.allowAll();
    private RecordValidator validator = RecordValidator.govdx();
    private final Map<String, ResourceDetail> resources = new HashMap<>();
    private final Map<String, QueryHandler> queryHandlers = new HashMap<>();
    private final Map<String, PushHandler> pushHandlers = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private long maxRequestBytes = 10L * 1024 * 1024;
    private Duration idempotencyTtl = Duration.ofHours(24);
    private Duration idempotencyLease = Duration.ofMinutes(2);
    private @Nullable IdempotencyStore idempotencyStore;
    private @Nullable ReplayCache replayCache;
    private @Nullable InboxTransactions inboxTransactions;
    private final List<ProviderListener> listeners = new ArrayList<>();
    private @Nullable OpenTelemetry openTelemetry;
    private final Map<String, FileHandler> fileHandlers = new HashMap<>();
    private java.nio.file.@Nullable Path transferSpool;
    private long maxTransferBytes = 8L << 30;
    private int maxPartBytes = 16 << 20;
    private Duration transferRetention = Duration.ofHours(24);

    private Builder() {}

    /**
     * Receives files of a resource by file transfer ({@code docs/protocol.md} section 15.8): the platform forwards
     * a completed transfer addressed to this provider in parts, and the handler gets the verified, opened file
     * once. Needs {@link #transferSpool(java.nio.file.Path)}.
     *
     * @param resourceCode the resource the files belong to
     * @param handler the department's handler
     * @return this builder
     */
    public Builder files(String resourceCode, FileHandler handler) {
      Objects.requireNonNull(resourceCode, "resourceCode == null");
      fileHandlers.put(resourceCode, Objects.requireNonNull(handler, "handler == null"));
      return this;
    }

    /**
     * The directory where file transfer parts and opened files are written (required with {@link #files}); it
     * must hold the largest file twice (its sealed parts and its plaintext). Give every instance of one provider
     * the same directory (a shared file system) so that a transfer resumed at another instance or after a restart
     * continues from the parts already stored.
     *
     * @param value the directory; created if missing
     * @return this builder
     */
    public Builder transferSpool(java.nio.file.Path value) {
      this.transferSpool = Objects.requireNonNull(value, "transferSpool == null");
      return this;
    }

    /**
     * The largest file accepted, in bytes of the sealed stream (default 8 GiB); a larger transfer is refused at
     * creation with {@code 413}/{@code GDX-3003}.
     *
     * @param value bytes, at least 1
     * @return this builder
     * @throws IllegalArgumentException if the value is below 1
     */
    public Builder maxTransferBytes(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxTransferBytes < 1");
      }
      this.maxTransferBytes = value;
      return this;
    }

    /**
     * The largest part accepted (default 16 MiB, at least 64 KiB); a transfer created with a larger part size is
     * refused with {@code 400}/{@code GDX-3001}, and the platform sends parts of at most this size.
     *
     * @param value bytes, 64 KiB to 64 MiB
     * @return this builder
     * @throws IllegalArgumentException if the value is out of range
     */
    public Builder maxPartBytes(int value) {
      if (value < TransferInbox.MIN_PART || value > (64 << 20)) {
        throw new IllegalArgumentException("maxPartBytes must be 64 KiB to 64 MiB");
      }
      this.maxPartBytes = value;
      return this;
    }

    /**
     * How long an unfinished transfer's parts, or a delivered transfer's record, are kept (default 24 hours, the
     * platform's transfer life); after that the transfer is unknown ({@code 404}/{@code GDX-3220}).
     *
     * @param value the retention, positive
     * @return this builder
     * @throws IllegalArgumentException if the retention is not positive
     */
    public Builder transferRetention(Duration value) {
      this.transferRetention = positive(value, "transferRetention");
      return this;
    }

    /**
     * Adds a listener told of every request handled: operation ({@code data.query}, {@code data.push}), outcome,
     * status, the {@code GDX-} code of a refusal and, for a refused envelope, why (e.g. {@code GDX-2303} replayed),
     * latency. Any number may be added; a listener that throws never changes an answer. For Micrometer meters add
     * {@code io.github.govdx.client.metrics.GovdxMeters} ({@code docs/observability.md}).
     *
     * @param value the listener
     * @return this builder
     */
    public Builder addListener(ProviderListener value) {
      listeners.add(Objects.requireNonNull(value, "listener == null"));
      return this;
    }

    /**
     * Traces handled requests with OpenTelemetry (an optional dependency): each request becomes a server span
     * {@code govdx provider <operation>} whose parent is the caller's W3C {@code traceparent} header (or an internal
     * span under the current span when a framework already continued the trace on this thread), with children
     * {@code govdx open}, {@code govdx handler} (current while the department's handler runs) and
     * {@code govdx seal}. Without it no span is made.
     *
     * @param value the OpenTelemetry instance
     * @return this builder
     */
    public Builder openTelemetry(OpenTelemetry value) {
      this.openTelemetry = Objects.requireNonNull(value, "openTelemetry == null");
      return this;
    }

    /**
     * Runs each push — its idempotency claims, the handler and the stored answer — in one transaction (the
     * transactional inbox); the idempotency store must take part in it (see {@link InboxTransactions}). Default:
     * none (each claim and answer commits on its own; the handler gets at-least-once with a de-duplication key).
     *
     * @param value the transactions
     * @return this builder
     */
    public Builder inboxTransactions(InboxTransactions value) {
      this.inboxTransactions = Objects.requireNonNull(value, "inboxTransactions == null");
      return this;
    }

    /**
     * The provider's own party (the receiver of every request, the sender of every answer).
     *
     * @param value the party
     * @return this builder
     */
    public Builder party(PartyId value) {
      this.party = Objects.requireNonNull(value, "party == null");
      return this;
    }

    /**
     * The provider's access policy (default: allow everything the platform let through).
     *
     * @param value the policy
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy value) {
      this.accessPolicy = Objects.requireNonNull(value, "accessPolicy == null");
      return this;
    }

    /**
     * The validator of pushed records (default {@link RecordValidator#govdx()}).
     *
     * @param value the validator
     * @return this builder
     */
    public Builder recordValidator(RecordValidator value) {
      this.validator = Objects.requireNonNull(value, "recordValidator == null");
      return this;
    }

    /**
     * Serves queries on a resource.
     *
     * @param resource the resource's catalog detail (its items and schema drive validation)
     * @param handler the department's handler
     * @return this builder
     */
    public Builder query(ResourceDetail resource, QueryHandler handler) {
      resources.put(resource.resourceCode(), resource);
      queryHandlers.put(
          resource.resourceCode(), Objects.requireNonNull(handler, "handler == null"));
      return this;
    }

    /**
     * Accepts pushes to a resource.
     *
     * @param resource the resource's catalog detail
     * @param handler the department's handler
     * @return this builder
     */
    public Builder push(ResourceDetail resource, PushHandler handler) {
      resources.put(resource.resourceCode(), resource);
      pushHandlers.put(resource.resourceCode(), Objects.requireNonNull(handler, "handler == null"));
      return this;
    }

    /**
     * The clock for issued-at and the idempotency store.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock == null");
      return this;
    }

    /**
     * The largest request body accepted (default 10 MiB).
     *
     * @param value bytes
     * @return this builder
     */
    public Builder maxRequestBytes(long value) {
      if (value < 1024) {
        throw new IllegalArgumentException("maxRequestBytes < 1024");
      }
      this.maxRequestBytes = value;
      return this;
    }

    /**
     * How long push answers are kept for idempotent replay (default 24 hours, the protocol's minimum).
     *
     * @param value the retention
     * @return this builder
     */
    public Builder idempotencyTtl(Duration value) {
      this.idempotencyTtl = Objects.requireNonNull(value, "idempotencyTtl == null");
      return this;
    }

    /**
     * The idempotency store (default: a new {@link InMemoryIdempotencyStore}). Give every instance of one provider
     * the same shared store (JDBC or Redis) so that a push retried at another instance, or after a restart, is
     * handled once.
     *
     * @param value the store
     * @return this builder
     */
    public Builder idempotencyStore(IdempotencyStore value) {
      this.idempotencyStore = Objects.requireNonNull(value, "idempotencyStore == null");
      return this;
    }

    /**
     * How long a push that is being handled keeps its {@code Idempotency-Key} exclusive (default 2 minutes):
     * longer than the slowest handler; if an instance dies mid-push, a retry after the lease runs the handler
     * again.
     *
     * @param value the lease, positive
     * @return this builder
     * @throws IllegalArgumentException if the lease is not positive
     */
    public Builder idempotencyLease(Duration value) {
      this.idempotencyLease = positive(value, "idempotencyLease");
      return this;
    }

    /**
     * The replay cache for request envelopes (default: a new in-memory cache per endpoint). Give every instance
     * of one provider the same shared cache (JDBC or Redis) so that an envelope accepted at one instance is
     * refused at the others.
     *
     * @param value the cache
     * @return this builder
     */
    public Builder replayCache(ReplayCache value) {
      this.replayCache = Objects.requireNonNull(value, "replayCache == null");
      return this;
    }

    /**
     * The provider department's key and certificate chain: they open every request and sign every answer and
     * receipt.
     *
     * @param value the credentials
     * @return this builder
     */
    public Builder credentials(PartyCredentials value) {
      this.credentials = Objects.requireNonNull(value, "credentials == null");
      return this;
    }

    /**
     * The provider department's key pairs during a key rollover, instead of {@link #credentials}: requests sealed
     * to any of them open, answers and receipts are signed with the newest valid one; changes to the ring take
     * effect on the next request (docs/keys.md).
     *
     * @param value the key ring
     * @return this builder
     */
    public Builder keyRing(PartyKeyRing value) {
      this.keyRing = Objects.requireNonNull(value, "keyRing == null");
      this.credentials = value.current(clock.instant());
      return this;
    }

    /**
     * The CAs that issue party certificates; every caller's signature chain is checked against it.
     *
     * @param value the trust store
     * @return this builder
     */
    public Builder trustStore(TrustStore value) {
      this.trustStore = Objects.requireNonNull(value, "trustStore == null");
      return this;
    }

    /**
     * Where callers' certificates come from, to seal answers to them (required with credentials).
     *
     * @param value the directory
     * @return this builder
     */
    public Builder directory(PartyDirectory value) {
      this.directory = Objects.requireNonNull(value, "directory == null");
      return this;
    }

    /**
     * The accepted clock skew of a request's issued-at (default 5 minutes).
     *
     * @param value the window
     * @return this builder
     */
    public Builder clockSkew(Duration value) {
      this.clockSkew = Objects.requireNonNull(value, "clockSkew == null");
      return this;
    }

    /** Test and integration hook: the envelope operations (normally made from the credentials). */
    Builder messageSealer(MessageSealer value) {
      this.sealer = Objects.requireNonNull(value, "messageSealer == null");
      return this;
    }

    /**
     * Builds the endpoint.
     *
     * @return the endpoint
     * @throws IllegalStateException if the party or the credentials are missing, no resource is served, or files
     *     are received without a {@link #transferSpool(java.nio.file.Path) transfer spool} (or it cannot be created)
     */
    public ProviderEndpoint build() {
      if (party == null) {
        throw new IllegalStateException("ProviderEndpoint: missing party");
      }
      if (sealer == null) {
        if (credentials == null || trustStore == null || directory == null) {
          throw new IllegalStateException(
              "ProviderEndpoint: missing "
                  + (credentials == null
                      ? "credentials"
                      : trustStore == null ? "trustStore" : "directory"));
        }
        if (!credentials.partyId().equals(party)
            && !credentials.partyId().equals(party.department())) {
          throw new IllegalStateException(
              "ProviderEndpoint: credentials belong to " + credentials.partyId());
        }
        sealer =
            CodecSealer.create(
                keyRing != null ? keyRing : PartyKeyRing.of(credentials),
                trustStore,
                directory,
                credentials.suite(),
                clock,
                clockSkew,
                replayCache != null
                    ? replayCache
                    : new InMemoryReplayCache(clock, InMemoryReplayCache.DEFAULT_MAX_ENTRIES));
      }
      if (resources.isEmpty() && fileHandlers.isEmpty()) {
        throw new IllegalStateException("ProviderEndpoint: no query, push or file handler");
      }
      if (!fileHandlers.isEmpty()) {
        if (transferSpool == null) {
          throw new IllegalStateException("ProviderEndpoint: missing transferSpool");
        }
        try {
          java.nio.file.Files.createDirectories(transferSpool);
        } catch (java.io.IOException e) {
          throw new IllegalStateException(
              "ProviderEndpoint: transferSpool cannot be created: " + e.getClass().getName(), e);
        }
        if (!java.nio.file.Files.isWritable(transferSpool)) {
          throw new IllegalStateException("ProviderEndpoint: transferSpool is not writable");
        }
      }
      return new ProviderEndpoint(this);
    }
  }
}
