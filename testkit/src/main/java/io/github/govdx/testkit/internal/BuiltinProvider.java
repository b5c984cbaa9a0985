package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.evidence.EvidenceLog;
import io.github.govdx.crypto.evidence.Receipt;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.testkit.SandboxProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox acting as a provider department with the keys it issued to it ({@code docs/protocol.md} §13):
 * checks the provider's idempotency store (pushes), opens the envelope with every check of DESIGN §4, checks it
 * against {@code X-Gdx-Party} and the route, applies the access policy (the items of the caller's approved
 * application), validates the query or every pushed record, answers from its {@link DataStore}, and seals the
 * answer to the caller with the request's message id as correlation id. Thread-safe.
 */
public final class BuiltinProvider implements SandboxProvider {

  private static final Pattern PATH =
      Pattern.compile("/v1/data/([0-9A-Za-z]{1,32})/([0-9A-Za-z]{1,32})/" + "(query|batches)");
  private static final int MAX_RECORDS = 10_000;

  private final PartyCredentials credentials;
  private final EnvelopeCodec codec;
  private final CatalogStore catalog;
  private final DataStore data;
  private final RecordRules rules;
  private final BiFunction<PartyId, String, List<String>> allowedItems;
  private final Tokens tokens;
  private final Clock clock;
  private final ZoneId zone;
  private final IdempotencyStore store;
  private final @Nullable EvidenceLog evidence;

  /**
   * Creates the provider.
   *
   * @param credentials the provider's credentials
   * @param codec the provider's codec (its credentials, the test CA, the directory)
   * @param catalog the catalog
   * @param data the records
   * @param rules the record validation
   * @param allowedItems the items a caller may see of a resource (empty = all)
   * @param tokens the page-token service
   * @param clock the clock
   * @param zone the zone of batch ids
   * @param store the provider's idempotency store
   * @param evidence the evidence log the opened requests and sealed answers are recorded in, or null for none
   */
  public BuiltinProvider(
      PartyCredentials credentials,
      EnvelopeCodec codec,
      CatalogStore catalog,
      DataStore data,
      RecordRules rules,
      BiFunction<PartyId, String, List<String>> allowedItems,
      Tokens tokens,
      Clock clock,
      ZoneId zone,
      IdempotencyStore store,
      @Nullable EvidenceLog evidence) {
    this.credentials = credentials;
    this.codec = codec;
    this.catalog = catalog;
    this.data = data;
    this.rules = rules;
    this.allowedItems = allowedItems;
    this.tokens = tokens;
    this.clock = clock;
    this.zone = zone;
    this.store = store;
    this.evidence = evidence;
  }

  private static ApiException stateUnavailable(StateStoreException e) {
    return perr(
            WireCode.PROVIDER_STATE_UNAVAILABLE,
            "the provider's shared state does not answer (" + e.code() + ")")
        .withRetryAfter(java.time.Duration.ofSeconds(1));
  }

  private static ApiException perr(WireCode code, String detail) {
    return new ApiException(code, detail, "provider", code.status(), null, null, null);
  }

  @Override
  public Response handle(Request request) {
    String requestId = header(request, "X-Request-Id", "unknown");
    try {
      Matcher m = PATH.matcher(request.path());
      if (!m.matches()) {
        throw perr(WireCode.ROUTE_NOT_FOUND, "no provider route for this path");
      }
      String code = m.group(1) + "/" + m.group(2);
      boolean push = "batches".equals(m.group(3));
      String type = header(request, "Content-Type", "");
      if (!type.startsWith(Reply.ENVELOPE)) {
        throw perr(WireCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be " + Reply.ENVELOPE);
      }
      String caller = header(request, "X-Gdx-Party", "");
      byte[] body = request.body();
      Reply reply;
      if (push) {
        String key = header(request, "Idempotency-Key", "");
        if (key.isEmpty()) {
          throw perr(WireCode.IDEMPOTENCY_KEY_REQUIRED, "a push needs an Idempotency-Key");
        }
        reply =
            store.execute(
                caller + "\n" + key,
                pushIdentity(body),
                requestId,
                () -> answer(code, true, caller, body));
      } else {
        reply = answer(code, false, caller, body);
      }
      return new Response(reply.status(), reply.headers(), reply.body());
    } catch (ApiException e) {
      Reply r = ErrorBodies.reply(e, requestId);
      return new Response(r.status(), r.headers(), r.body());
    }
  }

  private static String header(Request r, String name, String def) {
    for (Map.Entry<String, String> e : r.headers().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return def;
  }

  /**
   * A push is identified by its envelope's message id (so the same push sealed again with a fresh issued-at
   * matches its stored answer), or by the body's digest when the body is not an envelope (the open refuses it).
   */
  private static String pushIdentity(byte[] body) {
    try {
      return "mid " + Envelope.parse(body).headers().messageId();
    } catch (GovdxException e) {
      return Digests.sha256Hex(body);
    }
  }

  private Reply answer(String code, boolean push, String caller, byte[] body) {
    OpenedMessage opened;
    try {
      opened = codec.open(body);
    } catch (StateStoreException e) {
      throw stateUnavailable(e);
    } catch (GovdxException e) {
      throw perr(
          WireCode.PROVIDER_ENVELOPE_REJECTED,
          "the request envelope was rejected: " + e.getMessage());
    }
    if (evidence != null) {
      try {
        evidence.recordOpened(opened);
      } catch (StateStoreException e) {
        throw stateUnavailable(e);
      }
    }
    RoutingHeaders h = opened.headers();
    String action = push ? "push" : "query";
    if (!h.sender().toString().equals(caller)
        || !h.resourceCode().equals(code)
        || !h.action().equals(action)) {
      throw perr(
          WireCode.PROVIDER_ENVELOPE_REJECTED,
          "the envelope's sender, resource code or action does not match the request");
    }
    ObjectNode entry =
        catalog
            .get(code)
            .orElseThrow(
                () -> perr(WireCode.PROVIDER_ACCESS_DENIED, "the provider does not serve " + code));
    if (!CatalogStore.provider(entry).equals(credentials.partyId())) {
      throw perr(WireCode.PROVIDER_ACCESS_DENIED, "the provider does not serve " + code);
    }
    JsonNode payload;
    try {
      payload = Json.MAPPER.readTree(opened.payload());
    } catch (java.io.IOException e) {
      throw perr(WireCode.MALFORMED_REQUEST, "the payload is not JSON");
    }
    if (payload == null || !payload.isObject()) {
      throw perr(WireCode.MALFORMED_REQUEST, "the payload is not a JSON object");
    }
    return push
        ? push(entry, h, (ObjectNode) payload, body)
        : query(entry, h, (ObjectNode) payload);
  }

  private Reply query(ObjectNode entry, RoutingHeaders h, ObjectNode q) {
    String code = h.resourceCode();
    List<String> known = CatalogStore.itemNames(entry);
    ArrayNode details = Json.array();
    JsonNode filter = q.get("filter");
    if (filter == null || !filter.isObject() || filter.isEmpty()) {
      details.add(
          detail("/filter", "filter must name at least one item", WireCode.PROVIDER_QUERY_INVALID));
    } else {
      filter
          .fieldNames()
          .forEachRemaining(
              n -> {
                if (!known.contains(n)) {
                  details.add(
                      detail("/filter/" + n, "unknown item", WireCode.PROVIDER_QUERY_INVALID));
                } else if (!filter.get(n).isValueNode()) {
                  details.add(
                      detail(
                          "/filter/" + n,
                          "filter values must be exact scalar values",
                          WireCode.PROVIDER_QUERY_INVALID));
                }
              });
    }
    List<String> wanted = new ArrayList<>(known);
    JsonNode items = q.get("items");
    if (items != null) {
      if (!items.isArray()) {
        details.add(
            detail(
                "/items", "items must be an array of item names", WireCode.PROVIDER_QUERY_INVALID));
      } else {
        wanted.clear();
        for (int i = 0; i < items.size(); i++) {
          if (!known.contains(items.get(i).asText())) {
            details.add(detail("/items/" + i, "unknown item", WireCode.PROVIDER_QUERY_INVALID));
          } else {
            wanted.add(items.get(i).asText());
          }
        }
      }
    }
    int pageSize = q.path("pageSize").asInt(100);
    if (q.has("pageSize")
        && (!q.get("pageSize").canConvertToInt() || pageSize < 1 || pageSize > 1000)) {
      details.add(detail("/pageSize", "pageSize must be 1-1000", WireCode.PROVIDER_QUERY_INVALID));
    }
    if (!details.isEmpty()) {
      throw perr(WireCode.PROVIDER_QUERY_INVALID, "the query is invalid (see details)")
          .withDetails(details);
    }
    List<String> allowed = allowedItems.apply(h.sender(), code);
    if (!allowed.isEmpty()) {
      wanted.retainAll(allowed);
    }
    String binding = "query\n" + h.sender() + "\n" + code + "\n" + Json.write(filter);
    int offset = 0;
    if (q.hasNonNull("pageToken")) {
      try {
        offset = (int) tokens.read(q.get("pageToken").asText(), binding, true);
      } catch (ApiException e) {
        throw perr(
            WireCode.PAGE_TOKEN_INVALID,
            "the page token is expired, tampered or used with another filter");
      }
    }
    List<JsonNode> hits = data.find(code, (ObjectNode) filter);
    ObjectNode result = Json.object();
    ArrayNode records = result.putArray("records");
    for (int i = offset; i < Math.min(hits.size(), offset + pageSize); i++) {
      ObjectNode r = records.addObject();
      JsonNode src = hits.get(i);
      for (String w : wanted) {
        if (src.has(w)) {
          r.set(w, src.get(w));
        }
      }
    }
    if (offset + pageSize < hits.size()) {
      result.put("nextPageToken", tokens.issue(binding, offset + pageSize));
    }
    result.put("total", hits.size());
    return seal(h, "query.result", result, 200, Map.of());
  }

  private Reply push(ObjectNode entry, RoutingHeaders h, ObjectNode p, byte[] envelopeBytes) {
    JsonNode records = p.get("records");
    ArrayNode details = Json.array();
    if (records == null
        || !records.isArray()
        || records.isEmpty()
        || records.size() > MAX_RECORDS) {
      details.add(
          detail(
              "/records",
              "records must hold 1 to 10000 records",
              WireCode.PROVIDER_RECORDS_INVALID));
    } else {
      for (int i = 0; i < records.size(); i++) {
        JsonNode r = records.get(i);
        if (!r.isObject()) {
          details.add(
              detail(
                  "/records/" + i,
                  "a record must be a JSON object",
                  WireCode.PROVIDER_RECORDS_INVALID));
        } else {
          rules.check(entry, r, "/records/" + i, details);
        }
      }
    }
    if (!details.isEmpty()) {
      throw perr(
              WireCode.PROVIDER_RECORDS_INVALID,
              "the batch is invalid (see details); nothing was stored")
          .withDetails(details);
    }
    Instant now = clock.instant();
    String batchId =
        String.format(
            "b-%s-%06d",
            LocalDate.ofInstant(now, zone).format(DateTimeFormatter.BASIC_ISO_DATE),
            data.nextBatchNumber());
    List<JsonNode> list = new ArrayList<>();
    records.forEach(list::add);
    data.store(
        new DataStore.Batch(h.resourceCode(), batchId, h.sender(), h.messageId(), now, list));
    ObjectNode answer = Json.object();
    answer.put("batchId", batchId);
    answer.put("recordCount", list.size());
    answer.put("storedAt", Json.instant(now));
    answer.set("receipt", receipt(envelopeBytes, now));
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("X-Gdx-Batch-Id", batchId);
    extra.put("X-Gdx-Record-Count", Integer.toString(list.size()));
    return seal(h, "push.receipt", answer, 201, extra);
  }

  private Reply seal(
      RoutingHeaders request,
      String action,
      ObjectNode payload,
      int status,
      Map<String, String> extra) {
    RoutingHeaders out =
        RoutingHeaders.builder()
            .messageId(UUID.randomUUID().toString())
            .issuedAt(clock.instant())
            .sender(credentials.partyId())
            .receiver(request.sender())
            .resourceCode(request.resourceCode())
            .action(action)
            .correlationId(request.messageId())
            .build();
    Envelope env;
    try {
      env = codec.seal(out, Json.bytes(payload));
    } catch (GovdxException e) {
      throw perr(
          WireCode.PROVIDER_HANDLER_FAILED,
          "the answer could not be sealed to the caller: " + e.code());
    }
    if (evidence != null) {
      try {
        evidence.recordSealed(env);
      } catch (StateStoreException e) {
        throw stateUnavailable(e);
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", Reply.ENVELOPE);
    headers.putAll(extra);
    return new Reply(status, headers, env.toBytes());
  }

  /**
   * The signed receipt of {@code docs/protocol.md} §10: govdx-crypto's {@link Receipt} (flattened JWS, {@code typ}
   * {@code gdx-receipt}) signed with the provider's key over the push's message id, parties and the digest of the
   * push envelope bytes as received.
   */
  private JsonNode receipt(byte[] envelopeBytes, Instant at) {
    try {
      return Json.MAPPER.readTree(
          Receipt.issue(credentials, Envelope.parse(envelopeBytes), at).toBytes());
    } catch (java.io.IOException | GovdxException | IllegalArgumentException e) {
      throw perr(WireCode.PROVIDER_HANDLER_FAILED, "the receipt could not be signed");
    }
  }

  private static ObjectNode detail(String pointer, String rule, WireCode code) {
    ObjectNode d = Json.object();
    d.put("pointer", pointer);
    d.put("rule", rule);
    d.put("code", code.code());
    return d;
  }
}
