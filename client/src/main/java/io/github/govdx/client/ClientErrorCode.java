package io.github.govdx.client;

import io.github.govdx.core.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * The error codes of govdx-client and of the exchange protocol ({@code GDX-3xxx}).
 *
 * <p>Ranges: {@code GDX-30xx} request and protocol, {@code GDX-31xx} gateway, {@code GDX-32xx} platform,
 * {@code GDX-33xx} provider (all of these travel in the error body of {@code docs/protocol.md} section 3),
 * and {@code GDX-34xx} raised by the client itself, never on the wire. Each code knows its usual HTTP
 * status and whether a retry can help. Codes are stable: never renumber or reuse one. Thread-safe.
 */
public enum ClientErrorCode implements ErrorCode {

  // GDX-30xx request and protocol

  /** The request body or a parameter is malformed or missing. */
  MALFORMED_REQUEST("GDX-3001", "malformed request", 400, false),
  /** The request has the wrong {@code Content-Type} for its route. */
  UNSUPPORTED_MEDIA_TYPE("GDX-3002", "unsupported media type", 415, false),
  /** The request body is over the size limit. */
  PAYLOAD_TOO_LARGE("GDX-3003", "payload too large", 413, false),
  /** No such path. */
  ROUTE_NOT_FOUND("GDX-3004", "no such route", 404, false),
  /** The method is not allowed on the path. */
  METHOD_NOT_ALLOWED("GDX-3005", "method not allowed", 405, false),
  /** {@code X-Gdx-Party} is missing or not a valid party id. */
  PARTY_HEADER_INVALID("GDX-3006", "invalid calling party header", 400, false),
  /** A push was sent without a valid {@code Idempotency-Key}. */
  IDEMPOTENCY_KEY_REQUIRED("GDX-3007", "idempotency key required", 400, false),
  /** The idempotency key was used before with a different body. */
  IDEMPOTENCY_KEY_REUSED("GDX-3008", "idempotency key reused with another body", 422, false),
  /** A request with the same idempotency key is still running. */
  IDEMPOTENCY_IN_PROGRESS("GDX-3009", "idempotent request in progress", 409, true),
  /** A page token or cursor is expired, tampered or used with other filters. */
  PAGE_TOKEN_INVALID("GDX-3010", "invalid page token or cursor", 400, false),

  /** A transfer part's body does not match its {@code Content-Digest}; send the part again. */
  PART_DIGEST_MISMATCH("GDX-3011", "part digest mismatch", 422, true),

  /** The {@code Range} of a transfer download lies outside the stream. */
  RANGE_NOT_SATISFIABLE("GDX-3012", "range not satisfiable", 416, false),

  // GDX-31xx gateway

  /** The request carries no gateway credentials. */
  GATEWAY_AUTH_MISSING("GDX-3101", "gateway credentials missing", 401, false),
  /** The gateway signature does not verify (also any 401 without a govdx error body). */
  GATEWAY_SIGNATURE_INVALID("GDX-3102", "gateway signature invalid", 401, false),
  /** The request timestamp is outside the gateway's window. */
  GATEWAY_CLOCK_SKEW("GDX-3103", "gateway clock skew exceeded", 401, false),
  /** The gateway saw the nonce before. */
  GATEWAY_NONCE_REPLAYED("GDX-3104", "gateway nonce replayed", 401, false),
  /** The access key is unknown, expired or revoked. */
  GATEWAY_CREDENTIAL_UNKNOWN("GDX-3105", "gateway credential unknown", 401, false),
  /** {@code X-Gdx-Party} is not bound to the gateway credential. */
  GATEWAY_PARTY_FORBIDDEN("GDX-3106", "calling party not bound to the credential", 403, false),
  /** The credential may not call this route (also any 403 without a govdx error body). */
  GATEWAY_ROUTE_FORBIDDEN("GDX-3107", "route forbidden", 403, false),
  /** Too many requests; honour {@code Retry-After}. */
  GATEWAY_RATE_LIMITED("GDX-3108", "rate limited by the gateway", 429, true),
  /** The gateway could not reach the platform. */
  GATEWAY_UPSTREAM_FAILED("GDX-3109", "gateway upstream failed", 502, true),

  /**
   * The gateway could not reach its shared nonce store, so it could not tell a fresh request from a replay and
   * refused it (fail closed); send it again (a new nonce) later.
   */
  GATEWAY_STATE_UNAVAILABLE("GDX-3110", "gateway state store unavailable", 503, true),

  // GDX-32xx platform

  /** No catalog resource has that code. */
  RESOURCE_NOT_FOUND("GDX-3201", "resource not found", 404, false),
  /** No party with that id is in the directory. */
  PARTY_NOT_FOUND("GDX-3202", "party not found", 404, false),
  /** No such access application. */
  APPLICATION_NOT_FOUND("GDX-3203", "application not found", 404, false),
  /** No such subscription. */
  SUBSCRIPTION_NOT_FOUND("GDX-3204", "subscription not found", 404, false),
  /** No such objection. */
  OBJECTION_NOT_FOUND("GDX-3205", "objection not found", 404, false),
  /** A conditionally shared resource was used without an approved, unexpired application. */
  ACCESS_NOT_GRANTED("GDX-3206", "access not granted", 403, false),
  /** The resource is not shared. */
  RESOURCE_NOT_SHARED("GDX-3207", "resource not shared", 403, false),
  /** The transition is not allowed from the current state. */
  STATE_CONFLICT("GDX-3208", "state conflict", 409, false),
  /** An open application exists, or the resource needs none. */
  APPLICATION_DUPLICATE("GDX-3209", "duplicate application", 409, false),
  /** Envelope routing headers disagree with the path, the calling party or the provider. */
  ROUTING_MISMATCH("GDX-3210", "routing headers mismatch", 400, false),
  /** The cursor is older than the event feed's retention. */
  CURSOR_EXPIRED("GDX-3211", "cursor expired", 410, false),
  /** The provider's endpoint could not be reached or answered outside the contract. */
  PROVIDER_UNREACHABLE("GDX-3212", "provider unreachable", 502, true),
  /** The provider did not answer in time. */
  PROVIDER_TIMEOUT("GDX-3213", "provider timeout", 504, true),
  /** The platform is in maintenance or overloaded. */
  PLATFORM_UNAVAILABLE("GDX-3214", "platform unavailable", 503, true),
  /** An unexpected platform failure. */
  PLATFORM_INTERNAL_ERROR("GDX-3215", "platform internal error", 500, true),
  /** The caller is not a party to this application, subscription or objection. */
  NOT_A_PARTICIPANT("GDX-3216", "not a participant", 403, false),
  /** The cited message id and digest are unknown for this party and resource. */
  OBJECTION_CITATION_INVALID("GDX-3217", "objection citation invalid", 422, false),

  /** A file transfer was completed with parts missing. */
  TRANSFER_INCOMPLETE("GDX-3218", "transfer incomplete", 409, false),

  /** The stored parts do not make a stream with the transfer's declared SHA-256. */
  TRANSFER_DIGEST_MISMATCH("GDX-3219", "transfer digest mismatch", 422, false),

  /** No such file transfer, or it expired. */
  TRANSFER_NOT_FOUND("GDX-3220", "transfer not found", 404, false),

  // GDX-33xx provider

  /** The provider's access policy refuses this caller, resource or action. */
  PROVIDER_ACCESS_DENIED("GDX-3301", "provider access denied", 403, false),
  /** The query names unknown items or has an invalid filter. */
  PROVIDER_QUERY_INVALID("GDX-3302", "query invalid", 422, false),
  /** Pushed records fail the resource schema; nothing was stored. */
  PROVIDER_RECORDS_INVALID("GDX-3303", "pushed records invalid", 422, false),
  /** The provider could not open or accept the request envelope. */
  PROVIDER_ENVELOPE_REJECTED("GDX-3304", "request envelope rejected by the provider", 400, false),
  /** The resource does not accept this action. */
  ACTION_NOT_SUPPORTED("GDX-3305", "action not supported", 400, false),
  /** The provider's handler failed. */
  PROVIDER_HANDLER_FAILED("GDX-3306", "provider handler failed", 500, true),
  /** The provider is overloaded. */
  PROVIDER_BUSY("GDX-3307", "provider busy", 503, true),

  /**
   * The provider could not reach its shared replay cache or idempotency store, so it refused the request
   * rather than risk handling it twice; send the same request (same {@code Idempotency-Key}) again later.
   */
  PROVIDER_STATE_UNAVAILABLE("GDX-3308", "provider state store unavailable", 503, true),

  /**
   * The provider could not write a file transfer's part or opened file to its spool directory (disk full, not
   * writable); nothing was stored, send the same part or completion again later.
   */
  PROVIDER_SPOOL_UNAVAILABLE("GDX-3309", "provider spool unavailable", 503, true),

  // GDX-34xx raised by the client itself, never on the wire

  /** The connection failed: refused, reset, TLS or DNS failure, or a body cut short. */
  CONNECTION_FAILED("GDX-3401", "connection failed", 0, true),
  /** A connect, read, write or call timeout expired. */
  TIMEOUT("GDX-3402", "timeout", 0, true),
  /** The response body is not the JSON the protocol describes. */
  RESPONSE_MALFORMED("GDX-3403", "malformed response", 0, false),
  /** The response has a content type its route never returns. */
  CONTENT_TYPE_UNEXPECTED("GDX-3404", "unexpected content type", 0, false),
  /** A sealed response does not answer this request. */
  RESPONSE_NOT_BOUND("GDX-3405", "response not bound to the request", 0, false),
  /** The response envelope failed to open or verify. */
  RESPONSE_ENVELOPE_REJECTED("GDX-3406", "response envelope rejected", 0, false),
  /** The client's circuit breaker is open after repeated failures. */
  CIRCUIT_OPEN("GDX-3407", "circuit breaker open", 0, true),
  /** The client's own rate limit allowed no call within the timeout. */
  RATE_LIMITED_LOCALLY("GDX-3408", "client rate limit exceeded", 0, true),
  /** Records in a result fail the resource schema. */
  RESPONSE_RECORDS_INVALID("GDX-3409", "result records invalid", 0, false),
  /** Records or a query fail the resource schema before sending. */
  REQUEST_RECORDS_INVALID("GDX-3410", "request records invalid", 0, false),
  /** The response body exceeds the client's limit. */
  RESPONSE_TOO_LARGE("GDX-3411", "response too large", 0, false),
  /** The receipt is not signed by the receiver or does not cover the message sent. */
  RECEIPT_INVALID("GDX-3412", "receipt invalid", 0, false),
  /** An HTTP status outside the protocol, or an error without a govdx error body. */
  UNEXPECTED_STATUS("GDX-3413", "unexpected status", 0, false),
  /** The call was cancelled or the thread interrupted. */
  CANCELLED("GDX-3414", "call cancelled", 0, false),
  /** The directory has no usable certificate of the receiver for the configured suite. */
  DIRECTORY_NO_CERTIFICATE("GDX-3415", "no usable certificate", 0, false),
  /** The configured gateway authenticator could not sign the request (e.g. a one-shot body). */
  AUTHENTICATION_FAILED("GDX-3416", "gateway authentication failed locally", 0, false),
  /** The resource's catalog detail gives no schema the record validator can use, so records are refused. */
  RESOURCE_SCHEMA_UNUSABLE("GDX-3417", "resource schema unusable", 0, false),

  /**
   * A shared state store the client itself uses (the shared rate limiter) could not answer, so the call was
   * not sent; retryable.
   */
  STATE_STORE_UNAVAILABLE("GDX-3418", "client state store unavailable", 0, true),

  /**
   * An outbox entry was not delivered within the outbox's maximum age (at most 23 hours, inside the receiver's
   * 24-hour idempotency retention), so it is given up rather than risk a second delivery; the entry goes dead.
   */
  OUTBOX_EXPIRED("GDX-3419", "outbox entry expired", 0, false),

  /** An outbox entry's own sealed copy no longer opens (tampered at rest, or our keys changed); it goes dead. */
  OUTBOX_COPY_UNUSABLE("GDX-3420", "outbox entry unusable", 0, false),

  /** A local file of a file transfer (source, spool or output) could not be read or written. */
  TRANSFER_FILE_FAILED("GDX-3421", "transfer file failed", 0, false),

  /**
   * An incremental dataset does not continue the last one imported: its manifest's {@code previousWatermark} is not
   * the importer's last watermark (an export was missed or imported twice); nothing was imported.
   */
  DATASET_WATERMARK_GAP("GDX-3422", "dataset watermark gap", 0, false),

  /**
   * A dataset manifest is malformed, names another resource, sender or schema version than expected, or
   * misdeclares a part (its digest, record count or numbering does not match what arrived).
   */
  DATASET_MANIFEST_INVALID("GDX-3423", "dataset manifest invalid", 0, false);

  private final String code;
  private final String title;
  private final int status;
  private final boolean retryable;

  ClientErrorCode(String code, String title, int status, boolean retryable) {
    this.code = code;
    this.title = title;
    this.status = status;
    this.retryable = retryable;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String title() {
    return title;
  }

  /**
   * The HTTP status that carries this code on the wire ({@code docs/protocol.md} section 14).
   *
   * @return the status, or {@code 0} for codes raised by the client itself ({@code GDX-34xx})
   */
  public int httpStatus() {
    return status;
  }

  /**
   * Whether repeating the same call may succeed after this failure.
   *
   * @return {@code true} if a retry can help
   */
  public boolean retryable() {
    return retryable;
  }

  /**
   * Finds a code by its text form.
   *
   * @param code e.g. {@code "GDX-3206"}
   * @return the code, or empty if this version of govdx does not know it
   * @throws NullPointerException if {@code code} is null
   */
  public static Optional<ClientErrorCode> of(String code) {
    Objects.requireNonNull(code, "code == null");
    for (ClientErrorCode c : values()) {
      if (c.code.equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
