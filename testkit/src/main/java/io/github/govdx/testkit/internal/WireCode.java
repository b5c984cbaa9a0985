package io.github.govdx.testkit.internal;

/**
 * The protocol's wire error codes the sandbox answers with ({@code docs/protocol.md} §14), with their status and
 * usual source. Thread-safe.
 */
public enum WireCode {
  /** GDX-3001. */
  MALFORMED_REQUEST("GDX-3001", 400, "platform"),
  /** GDX-3002. */
  UNSUPPORTED_MEDIA_TYPE("GDX-3002", 415, "platform"),
  /** GDX-3003. */
  PAYLOAD_TOO_LARGE("GDX-3003", 413, "platform"),
  /** GDX-3004. */
  ROUTE_NOT_FOUND("GDX-3004", 404, "platform"),
  /** GDX-3005. */
  METHOD_NOT_ALLOWED("GDX-3005", 405, "platform"),
  /** GDX-3006. */
  PARTY_HEADER_INVALID("GDX-3006", 400, "platform"),
  /** GDX-3007. */
  IDEMPOTENCY_KEY_REQUIRED("GDX-3007", 400, "platform"),
  /** GDX-3008. */
  IDEMPOTENCY_KEY_REUSED("GDX-3008", 422, "platform"),
  /** GDX-3009. */
  IDEMPOTENCY_IN_PROGRESS("GDX-3009", 409, "platform"),
  /** GDX-3010. */
  PAGE_TOKEN_INVALID("GDX-3010", 400, "platform"),
  /** GDX-3011. */
  PART_DIGEST_MISMATCH("GDX-3011", 422, "platform"),
  /** GDX-3012. */
  RANGE_NOT_SATISFIABLE("GDX-3012", 416, "platform"),
  /** GDX-3101. */
  GATEWAY_AUTH_MISSING("GDX-3101", 401, "gateway"),
  /** GDX-3102. */
  GATEWAY_SIGNATURE_INVALID("GDX-3102", 401, "gateway"),
  /** GDX-3103. */
  GATEWAY_CLOCK_SKEW("GDX-3103", 401, "gateway"),
  /** GDX-3104. */
  GATEWAY_NONCE_REPLAYED("GDX-3104", 401, "gateway"),
  /** GDX-3105. */
  GATEWAY_CREDENTIAL_UNKNOWN("GDX-3105", 401, "gateway"),
  /** GDX-3106. */
  GATEWAY_PARTY_FORBIDDEN("GDX-3106", 403, "gateway"),
  /** GDX-3107. */
  GATEWAY_ROUTE_FORBIDDEN("GDX-3107", 403, "gateway"),
  /** GDX-3108. */
  GATEWAY_RATE_LIMITED("GDX-3108", 429, "gateway"),
  /** GDX-3109. */
  GATEWAY_UPSTREAM_FAILED("GDX-3109", 502, "gateway"),
  /** GDX-3110. */
  GATEWAY_STATE_UNAVAILABLE("GDX-3110", 503, "gateway"),
  /** GDX-3201. */
  RESOURCE_NOT_FOUND("GDX-3201", 404, "platform"),
  /** GDX-3202. */
  PARTY_NOT_FOUND("GDX-3202", 404, "platform"),
  /** GDX-3203. */
  APPLICATION_NOT_FOUND("GDX-3203", 404, "platform"),
  /** GDX-3204. */
  SUBSCRIPTION_NOT_FOUND("GDX-3204", 404, "platform"),
  /** GDX-3205. */
  OBJECTION_NOT_FOUND("GDX-3205", 404, "platform"),
  /** GDX-3206. */
  ACCESS_NOT_GRANTED("GDX-3206", 403, "platform"),
  /** GDX-3207. */
  RESOURCE_NOT_SHARED("GDX-3207", 403, "platform"),
  /** GDX-3208. */
  STATE_CONFLICT("GDX-3208", 409, "platform"),
  /** GDX-3209. */
  APPLICATION_DUPLICATE("GDX-3209", 409, "platform"),
  /** GDX-3210. */
  ROUTING_MISMATCH("GDX-3210", 400, "platform"),
  /** GDX-3211. */
  CURSOR_EXPIRED("GDX-3211", 410, "platform"),
  /** GDX-3212. */
  PROVIDER_UNREACHABLE("GDX-3212", 502, "platform"),
  /** GDX-3213. */
  PROVIDER_TIMEOUT("GDX-3213", 504, "platform"),
  /** GDX-3214. */
  PLATFORM_UNAVAILABLE("GDX-3214", 503, "platform"),
  /** GDX-3215. */
  PLATFORM_INTERNAL_ERROR("GDX-3215", 500, "platform"),
  /** GDX-3216. */
  NOT_A_PARTICIPANT("GDX-3216", 403, "platform"),
  /** GDX-3217. */
  OBJECTION_CITATION_INVALID("GDX-3217", 422, "platform"),
  /** GDX-3218. */
  TRANSFER_INCOMPLETE("GDX-3218", 409, "platform"),
  /** GDX-3219. */
  TRANSFER_DIGEST_MISMATCH("GDX-3219", 422, "platform"),
  /** GDX-3220. */
  TRANSFER_NOT_FOUND("GDX-3220", 404, "platform"),
  /** GDX-3301. */
  PROVIDER_ACCESS_DENIED("GDX-3301", 403, "provider"),
  /** GDX-3302. */
  PROVIDER_QUERY_INVALID("GDX-3302", 422, "provider"),
  /** GDX-3303. */
  PROVIDER_RECORDS_INVALID("GDX-3303", 422, "provider"),
  /** GDX-3304. */
  PROVIDER_ENVELOPE_REJECTED("GDX-3304", 400, "provider"),
  /** GDX-3305. */
  ACTION_NOT_SUPPORTED("GDX-3305", 400, "platform"),
  /** GDX-3306. */
  PROVIDER_HANDLER_FAILED("GDX-3306", 500, "provider"),
  /** GDX-3307. */
  PROVIDER_BUSY("GDX-3307", 503, "provider"),
  /** GDX-3308. */
  PROVIDER_STATE_UNAVAILABLE("GDX-3308", 503, "provider");

  private final String code;
  private final int status;
  private final String source;

  WireCode(String code, int status, String source) {
    this.code = code;
    this.status = status;
    this.source = source;
  }

  /**
   * The code, e.g. {@code GDX-3001}.
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * The HTTP status of this code.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * The usual source: {@code gateway}, {@code platform} or {@code provider}.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * The code a fault of {@code status} is reported with ({@link io.github.govdx.testkit.Fault}).
   *
   * @param status the injected status
   * @return the matching code
   */
  public static WireCode forFaultStatus(int status) {
    switch (status) {
      case 401:
        return GATEWAY_SIGNATURE_INVALID;
      case 403:
        return GATEWAY_ROUTE_FORBIDDEN;
      case 429:
        return GATEWAY_RATE_LIMITED;
      case 502:
        return PROVIDER_UNREACHABLE;
      case 503:
        return PLATFORM_UNAVAILABLE;
      case 504:
        return PROVIDER_TIMEOUT;
      default:
        return PLATFORM_INTERNAL_ERROR;
    }
  }
}
