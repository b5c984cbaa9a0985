package io.github.govdx.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.EnvelopeDigest;
import io.github.govdx.client.ErrorDetail;
import io.github.govdx.client.ExchangeEnvelopeException;
import io.github.govdx.client.ExchangeValidationException;
import io.github.govdx.client.Page;
import io.github.govdx.client.PagedIterable;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.DataAsyncClient;
import io.github.govdx.client.data.DataClient;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.QueryResult;
import io.github.govdx.client.data.RecordValidator;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.evidence.Receipt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The data calls of {@code docs/protocol.md} sections 9 and 10, sync and async: resolve the resource
 * (provider and schema, cached), validate, seal (or send plain JSON when sealing is off), open and bind the
 * response, validate and map the records, verify the push receipt.
 */
public final class DataImpl {

  private final Transport transport;
  private final CatalogImpl catalog;
  private final RecordValidator validator;
  private final @Nullable MessageSealer sealer;
  private final Clock clock;

  /** Push envelopes by idempotency key, so a repeated push with the same key re-sends identical bytes. */
  private final TtlCache<String, PushEnvelope> pushEnvelopes;

  private record PushEnvelope(byte[] payload, SealedMessage sealed) {}

  /**
   * Creates the data calls.
   *
   * @param transport the transport
   * @param catalog the catalog (resource details, cached)
   * @param validator the record validator
   * @param sealer the envelope operations, or {@code null} when sealing is off
   * @param clock the clock
   */
  public DataImpl(
      Transport transport,
      CatalogImpl catalog,
      RecordValidator validator,
      @Nullable MessageSealer sealer,
      Clock clock) {
    this.transport = transport;
    this.catalog = catalog;
    this.validator = validator;
    this.sealer = sealer;
    this.clock = clock;
    this.pushEnvelopes = new TtlCache<>(Duration.ofHours(24), clock, 10_000);
  }

  // ---------------------------------------------------------------- query

  private static byte[] queryPayload(QueryRequest r) {
    ObjectNode o = Json.object();
    ObjectNode f = o.putObject("filter");
    for (Map.Entry<String, String> e : r.filter().entrySet()) {
      f.put(e.getKey(), e.getValue());
    }
    Json.putStrings(o, "items", r.items());
    r.pageSize().ifPresent(p -> o.put("pageSize", p));
    Json.putOpt(o, "pageToken", r.pageToken().orElse(null));
    Json.putOpt(o, "purpose", r.purpose().orElse(null));
    return Json.bytes(o);
  }

  <T> ApiCall<QueryResult<T>> queryCall(QueryRequest r, ResourceDetail detail, Class<T> type) {
    PartyId provider = r.provider().orElse(detail.provider());
    byte[] payload = queryPayload(r);
    ApiCall.Builder<QueryResult<T>> b =
        ApiCall.<QueryResult<T>>builder(
                "POST", (s, h, body, st) -> queryResult(body, st, detail, type))
            .operation("data.query")
            .path("data", r.resourceCode(), "query")
            .safeToRetry();
    if (sealer != null) {
      b.seal(new SealSpec(provider, r.resourceCode(), "query", "query.result", payload, null));
    } else {
      b.json(payload);
    }
    return b.build();
  }

  private <T> QueryResult<T> queryResult(
      byte[] body, CallState st, ResourceDetail detail, Class<T> type) {
    JsonNode o = Json.parseObject(body);
    ArrayNode records = Json.optMember(o, "records", ArrayNode.class);
    records = records != null ? records : Json.MAPPER.createArrayNode();
    List<ErrorDetail> violations = new ArrayList<>();
    List<T> out = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      JsonNode rec = records.get(i);
      if (!rec.isObject()) {
        throw new Json.MalformedJsonException("record " + i + " is not a JSON object", null);
      }
      validate(detail, i, rec, violations);
      if (violations.isEmpty()) {
        out.add(map(rec, type, i));
      }
    }
    if (!violations.isEmpty()) {
      throw recordsInvalid(
          ClientErrorCode.RESPONSE_RECORDS_INVALID,
          detail,
          " in the result",
          violations,
          "",
          st.requestId());
    }
    OpenedResponse opened = st.opened();
    return QueryResult.of(
        out,
        Json.optMember(o, "nextPageToken", String.class),
        Json.optMember(o, "total", Long.class),
        detail.resourceCode(),
        opened == null ? null : opened.routing().messageId(),
        opened == null ? null : opened.digest());
  }

  /** "N violation(s) of the schema of R{where}, first at P (rule){tail}". */
  /** Adds the schema violations of record {@code index}, pointed at {@code /records/<index>}. */
  private void validate(
      ResourceDetail detail, int index, JsonNode rec, List<ErrorDetail> violations) {
    for (ErrorDetail d : validator.validate(detail, rec)) {
      violations.add(new ErrorDetail("/records/" + index + d.pointer(), d.rule(), d.code()));
    }
  }

  private static ExchangeValidationException recordsInvalid(
      ClientErrorCode code,
      ResourceDetail detail,
      String where,
      List<ErrorDetail> violations,
      String tail,
      @Nullable String requestId) {
    ErrorDetail first = violations.get(0);
    return new ExchangeValidationException(
        code,
        violations.size()
            + " violation(s) of the schema of "
            + detail.resourceCode()
            + where
            + ", first at "
            + first.pointer()
            + " ("
            + first.rule()
            + ")"
            + tail,
        violations,
        requestId);
  }

  @SuppressWarnings("unchecked")
  private static <T> T map(JsonNode rec, Class<T> type, int index) {
    if (type == JsonNode.class) {
      return (T) rec;
    }
    try {
      return Json.MAPPER.treeToValue(rec, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new Json.MalformedJsonException(
          "record " + index + " does not map to " + type.getSimpleName(), e);
    }
  }

  // ---------------------------------------------------------------- push

  ApiCall<PushResult> pushCall(PushRequest r, ResourceDetail detail) {
    byte[] payload = pushPayload(r, detail);
    PartyId provider = r.provider().orElse(detail.provider());
    ApiCall.Builder<PushResult> b =
        pushBuilder(
            r.resourceCode(),
            r.idempotencyKey(),
            (s, h, body, st) ->
                pushResult(body, h, st, r.idempotencyKey(), provider, payload, null));
    if (sealer != null) {
      b.seal(
          new SealSpec(
              provider,
              r.resourceCode(),
              "push",
              "push.receipt",
              payload,
              pushEnvelope(r, provider, payload)));
    } else {
      b.json(payload);
    }
    return b.build();
  }

  /** Validates a push's records against the resource schema and returns the push payload. */
  private static ApiCall.Builder<PushResult> pushBuilder(
      String resourceCode, String idempotencyKey, ApiCall.Handler<PushResult> handler) {
    return ApiCall.builder("POST", handler)
        .operation("data.push")
        .path("data", resourceCode, "batches")
        .idempotencyKey(idempotencyKey);
  }

  private byte[] pushPayload(PushRequest r, ResourceDetail detail) {
    List<JsonNode> records = r.records();
    List<ErrorDetail> violations = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      validate(detail, i, records.get(i), violations);
    }
    if (!violations.isEmpty()) {
      throw recordsInvalid(
          ClientErrorCode.REQUEST_RECORDS_INVALID,
          detail,
          "",
          violations,
          "; nothing was sent",
          null);
    }
    ObjectNode o = Json.object();
    ArrayNode a = o.putArray("records");
    records.forEach(a::add);
    return Json.bytes(o);
  }

  // ---------------------------------------------------------------- outbox

  /**
   * A push prepared for an outbox: validated, sealed to the receiver, and sealed to ourselves under the same
   * message id so that it can be sealed again with a fresh issued-at (docs/delivery.md). Nothing in it is
   * plaintext.
   *
   * @param sealed the envelope to the receiver
   * @param ownCopy the same payload sealed to ourselves
   * @param idempotencyKey the push's idempotency key
   * @param recordCount the number of records
   */
  public record OutboundPush(
      SealedMessage sealed, byte[] ownCopy, String idempotencyKey, int recordCount) {}

  /**
   * Validates and seals a push for an outbox, without sending it.
   *
   * @param r the push
   * @return the sealed push and its own copy
   * @throws ExchangeValidationException {@code GDX-3410} if a record fails the schema
   * @throws ExchangeEnvelopeException {@code GDX-3415} if it cannot be sealed
   */
  public OutboundPush preparePush(PushRequest r) {
    MessageSealer s = requireSealer();
    ResourceDetail detail = catalog.detail(r.resourceCode());
    byte[] payload = pushPayload(r, detail);
    PartyId provider = r.provider().orElse(detail.provider());
    PartyId self = transport.self();
    Routing routing = pushRouting(r, provider, payload);
    try {
      SealedMessage sealed = s.seal(routing, payload);
      SealedMessage own =
          s.sealToSelf(
              new Routing(
                  routing.messageId(),
                  routing.issuedAt(),
                  self,
                  self,
                  r.resourceCode(),
                  "push",
                  null),
              payload);
      return new OutboundPush(sealed, own.bytes(), r.idempotencyKey(), r.size());
    } catch (GovdxException e) {
      throw sealFailed(provider, e);
    }
  }

  /** The routing of a push from this party, its message id derived by {@link #pushMessageId}. */
  private Routing pushRouting(PushRequest r, PartyId provider, byte[] payload) {
    PartyId self = transport.self();
    return new Routing(
        pushMessageId(self, provider, r.resourceCode(), r.idempotencyKey(), payload),
        clock.instant(),
        self,
        provider,
        r.resourceCode(),
        "push",
        null);
  }

  private static ExchangeEnvelopeException sealFailed(PartyId provider, GovdxException e) {
    return new ExchangeEnvelopeException(
        ClientErrorCode.DIRECTORY_NO_CERTIFICATE,
        "could not seal the push to " + provider + ": " + e.getMessage(),
        e,
        null,
        0);
  }

  /**
   * Seals an outbox push again from its own copy: the same message id, payload, receiver and resource, a fresh
   * issued-at.
   *
   * @param receiver the receiver
   * @param ownCopy the copy sealed to ourselves
   * @return the new envelope
   * @throws GovdxException if the copy does not open (tampered, or older than the idempotency retention)
   */
  public SealedMessage resealPush(PartyId receiver, byte[] ownCopy) {
    MessageSealer s = requireSealer();
    OpenedResponse own = s.openOwn(ownCopy);
    Routing r = own.routing();
    if (!r.action().equals("push")) {
      throw new IllegalArgumentException("the own copy is not a push");
    }
    return s.seal(
        new Routing(
            r.messageId(),
            clock.instant(),
            transport.self(),
            receiver,
            r.resourceCode(),
            "push",
            null),
        own.payload());
  }

  /**
   * Sends a sealed push as it is (every attempt of the client's retry policy re-sends the same bytes) and
   * verifies its receipt.
   *
   * @param sealed the envelope
   * @param idempotencyKey the push's idempotency key
   * @param sentDigests the digests (hex) of every envelope sealed for this message id, {@code sealed}'s included:
   *     the receiver answers a copy with the receipt of the one it stored first
   * @return the result with the verified receipt
   */
  public PushResult deliverPush(
      SealedMessage sealed, String idempotencyKey, List<String> sentDigests) {
    Routing routing = sealed.routing();
    ApiCall<PushResult> call =
        pushBuilder(
                routing.resourceCode(),
                idempotencyKey,
                (s, h, body, st) ->
                    pushResult(
                        body, h, st, idempotencyKey, routing.receiver(), new byte[0], sentDigests))
            .seal(
                new SealSpec(
                    routing.receiver(),
                    routing.resourceCode(),
                    "push",
                    "push.receipt",
                    new byte[0],
                    sealed))
            .build();
    return transport.execute(call);
  }

  /**
   * Parses an envelope's routing header and digest, so a stored envelope can be sent again.
   *
   * @param envelope the envelope bytes
   * @return the sealed message
   */
  public SealedMessage sealedMessage(byte[] envelope) {
    MessageSealer s = requireSealer();
    Routing routing = Routing.of(io.github.govdx.crypto.Envelope.parse(envelope).headers());
    return new SealedMessage(routing, envelope, s.digest(envelope));
  }

  /**
   * The message id of a push: derived from (sender, receiver, resource, {@code Idempotency-Key}, SHA-256 of the
   * payload) as an RFC 9562 version-8 UUID, so that the same push sealed again — by a retry, an outbox, or a
   * command run again in another process — carries the same message id and is answered from the receiver's
   * store, while other records under the same key get another id (and {@code GDX-3008}).
   */
  static String pushMessageId(
      PartyId sender, PartyId receiver, String resourceCode, String key, byte[] payload) {
    String name =
        sender
            + "\n"
            + receiver
            + "\n"
            + resourceCode
            + "\n"
            + key
            + "\n"
            + Hashes.sha256Hex(payload);
    byte[] h = Hashes.sha256(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (h[i] & 0xff);
      lsb = (lsb << 8) | (h[8 + i] & 0xff);
    }
    msb = (msb & ~0xF000L) | 0x8000L; // version 8
    lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // variant 10
    return new UUID(msb, lsb).toString();
  }

  /** @return the calling party */
  public PartyId self() {
    return transport.self();
  }

  /** @return the client's clock */
  public Clock clock() {
    return clock;
  }

  /** @return whether envelopes are sealed (an outbox needs them) */
  public boolean sealing() {
    return sealer != null;
  }

  private MessageSealer requireSealer() {
    if (sealer == null) {
      throw new IllegalStateException("an outbox needs a client with sealing on");
    }
    return sealer;
  }

  private SealedMessage pushEnvelope(PushRequest r, PartyId provider, byte[] payload) {
    MessageSealer s = Objects.requireNonNull(sealer);
    PushEnvelope known = pushEnvelopes.get(r.idempotencyKey());
    if (known != null
        && Arrays.equals(known.payload(), payload)
        && known.sealed().routing().receiver().equals(provider)) {
      return known.sealed();
    }
    Routing routing = pushRouting(r, provider, payload);
    SealedMessage sealed;
    // sealed once, before the call (every attempt re-sends it): a sibling of the call's span
    Tracing.Span sealSpan = transport.tracing().startInternal("govdx seal");
    try {
      sealed = s.seal(routing, payload);
    } catch (GovdxException e) {
      sealSpan.failed(e.code());
      throw sealFailed(provider, e);
    } finally {
      sealSpan.end();
    }
    pushEnvelopes.put(r.idempotencyKey(), new PushEnvelope(payload, sealed));
    return sealed;
  }

  private PushResult pushResult(
      byte[] body,
      okhttp3.Headers headers,
      CallState st,
      String idempotencyKey,
      PartyId provider,
      byte[] payload,
      @Nullable List<String> sentDigests) {
    JsonNode o = Json.parseObject(body);
    JsonNode receipt = o.get("receipt");
    SealedMessage sent = st.sealed();
    String messageId;
    EnvelopeDigest digest;
    Receipt verified = null;
    if (sealer != null && sent != null) {
      messageId = sent.routing().messageId();
      digest = sent.digest();
      if (receipt == null || !receipt.isObject()) {
        throw st.envelopeError(
            ClientErrorCode.RECEIPT_INVALID, "the push answer carries no receipt", null);
      }
      try {
        List<String> accepted = new ArrayList<>();
        accepted.add(sent.digest().hex());
        if (sentDigests != null) {
          accepted.addAll(sentDigests);
        }
        if ("true".equalsIgnoreCase(headers.get("Idempotency-Replayed"))) {
          // an answer from the receiver's store receipts the envelope it stored first, perhaps
          // sealed by an
          // earlier run of this push; its message id commits to this payload (pushMessageId), so a
          // receipt over
          // that message id — signature, receiver and parties still checked — proves this push was
          // received
          try {
            accepted.add(
                io.github.govdx.crypto.evidence.Receipt.parse(Json.bytes(receipt))
                    .envelopeDigest());
          } catch (GovdxException notAReceipt) {
            // the verification below refuses it
          }
        }
        verified = sealer.verifyReceipt(receipt, sent, accepted).orElse(null);
      } catch (GovdxException e) {
        throw st.envelopeError(
            ClientErrorCode.RECEIPT_INVALID,
            "the receipt does not prove that "
                + provider
                + " received message "
                + messageId
                + " as sent: "
                + e.getMessage(),
            e);
      }
    } else {
      // sealing off (tests and benchmarks only): no envelope, so no message id or receipt to check
      messageId = "plain:" + idempotencyKey;
      digest = EnvelopeDigest.sha256(Hashes.sha256Hex(payload));
    }
    return PushResult.builder()
        .batchId(Json.member(o, "batchId", String.class))
        .recordCount(Json.member(o, "recordCount", Integer.class))
        .storedAt(Json.member(o, "storedAt", Instant.class))
        .messageId(messageId)
        .digest(digest)
        .idempotencyKey(idempotencyKey)
        .replayed("true".equalsIgnoreCase(headers.get("Idempotency-Replayed")))
        .receipt(verified)
        .build();
  }

  // ---------------------------------------------------------------- clients

  /** @return the synchronous client */
  public DataClient sync() {
    return new DataClient() {
      @Override
      public QueryResult<JsonNode> query(QueryRequest request) {
        return query(request, JsonNode.class);
      }

      @Override
      public <T> QueryResult<T> query(QueryRequest request, Class<T> type) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(type, "type == null");
        return transport.execute(queryCall(request, catalog.detail(request.resourceCode()), type));
      }

      @Override
      public <T> PagedIterable<T> queryAll(QueryRequest request, Class<T> type) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(type, "type == null");
        return PagedIterable.of(
            token -> {
              QueryResult<T> res =
                  query(
                      token == null ? request : request.toBuilder().pageToken(token).build(), type);
              return Page.of(res.records(), res.nextPageToken().orElse(null));
            });
      }

      @Override
      public PushResult push(PushRequest request) {
        Objects.requireNonNull(request, "request == null");
        return transport.execute(pushCall(request, catalog.detail(request.resourceCode())));
      }
    };
  }

  /** @return the asynchronous client */
  public DataAsyncClient async() {
    return new DataAsyncClient() {
      @Override
      public CompletableFuture<QueryResult<JsonNode>> query(QueryRequest request) {
        return query(request, JsonNode.class);
      }

      @Override
      public <T> CompletableFuture<QueryResult<T>> query(QueryRequest request, Class<T> type) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(type, "type == null");
        return catalog
            .detailAsync(request.resourceCode())
            .thenCompose(d -> transport.executeAsync(queryCall(request, d, type)));
      }

      @Override
      public CompletableFuture<PushResult> push(PushRequest request) {
        Objects.requireNonNull(request, "request == null");
        return catalog
            .detailAsync(request.resourceCode())
            .thenCompose(d -> transport.executeAsync(pushCall(request, d)));
      }
    };
  }
}
