package io.github.govdx.testkit;

/**
 * The routes of the exchange protocol ({@code docs/protocol.md} §6–§12), used to aim injected faults
 * ({@link Fault}) at one route. Thread-safe.
 */
public enum Route {
  /** {@code GET /v1/catalog/resources} (§6.1). */
  CATALOG_SEARCH("GET", "/v1/catalog/resources"),
  /** {@code GET /v1/catalog/resources/{classCode}/{sequence}} (§6.2). */
  CATALOG_DETAIL("GET", "/v1/catalog/resources/{classCode}/{sequence}"),
  /** {@code GET /v1/parties/{partyId}} (§7.1). */
  PARTY_DETAIL("GET", "/v1/parties/{partyId}"),
  /** {@code POST /v1/applications} (§8.1). */
  APPLICATION_SUBMIT("POST", "/v1/applications"),
  /** {@code GET /v1/applications} (§8.3). */
  APPLICATION_LIST("GET", "/v1/applications"),
  /** {@code GET /v1/applications/{applicationId}} (§8.2). */
  APPLICATION_GET("GET", "/v1/applications/{applicationId}"),
  /** {@code POST /v1/applications/{applicationId}/withdraw} (§8.4). */
  APPLICATION_WITHDRAW("POST", "/v1/applications/{applicationId}/withdraw"),
  /** {@code POST /v1/applications/{applicationId}/decision} (§8.5). */
  APPLICATION_DECISION("POST", "/v1/applications/{applicationId}/decision"),
  /** {@code POST /v1/data/{classCode}/{sequence}/query} (§9). */
  DATA_QUERY("POST", "/v1/data/{classCode}/{sequence}/query"),
  /** {@code POST /v1/data/{classCode}/{sequence}/batches} (§10). */
  DATA_PUSH("POST", "/v1/data/{classCode}/{sequence}/batches"),
  /** {@code POST /v1/subscriptions} (§11.1). */
  SUBSCRIPTION_CREATE("POST", "/v1/subscriptions"),
  /** {@code GET /v1/subscriptions/{subscriptionId}} (§11.2). */
  SUBSCRIPTION_GET("GET", "/v1/subscriptions/{subscriptionId}"),
  /** {@code DELETE /v1/subscriptions/{subscriptionId}} (§11.2). */
  SUBSCRIPTION_DELETE("DELETE", "/v1/subscriptions/{subscriptionId}"),
  /** {@code GET /v1/subscriptions/{subscriptionId}/events} (§11.3). */
  SUBSCRIPTION_EVENTS("GET", "/v1/subscriptions/{subscriptionId}/events"),
  /** {@code POST /v1/subscriptions/{subscriptionId}/ack} (§11.4). */
  SUBSCRIPTION_ACK("POST", "/v1/subscriptions/{subscriptionId}/ack"),
  /** {@code POST /v1/objections} (§12.1). */
  OBJECTION_RAISE("POST", "/v1/objections"),
  /** {@code GET /v1/objections} (§12.2). */
  OBJECTION_LIST("GET", "/v1/objections"),
  /** {@code GET /v1/objections/{objectionId}} (§12.2). */
  OBJECTION_GET("GET", "/v1/objections/{objectionId}"),
  /** {@code POST /v1/objections/{objectionId}/withdraw} (§12.3). */
  OBJECTION_WITHDRAW("POST", "/v1/objections/{objectionId}/withdraw"),
  /** {@code POST /v1/objections/{objectionId}/decision} (§12.3). */
  OBJECTION_DECISION("POST", "/v1/objections/{objectionId}/decision"),
  /** {@code POST /v1/transfers} (§15.1). */
  TRANSFER_CREATE("POST", "/v1/transfers"),
  /** {@code GET /v1/transfers} (§15). */
  TRANSFER_LIST("GET", "/v1/transfers"),
  /** {@code GET /v1/transfers/{transferId}} (§15.1). */
  TRANSFER_GET("GET", "/v1/transfers/{transferId}"),
  /** {@code PUT /v1/transfers/{transferId}/parts/{partNumber}} (§15.2). */
  TRANSFER_PART("PUT", "/v1/transfers/{transferId}/parts/{partNumber}"),
  /** {@code POST /v1/transfers/{transferId}/complete} (§15.3). */
  TRANSFER_COMPLETE("POST", "/v1/transfers/{transferId}/complete"),
  /** {@code GET /v1/transfers/{transferId}/content} (§15.4). */
  TRANSFER_CONTENT("GET", "/v1/transfers/{transferId}/content"),
  /** {@code POST /v1/transfers/{transferId}/ack} (§15.5). */
  TRANSFER_ACK("POST", "/v1/transfers/{transferId}/ack");

  private final String method;
  private final String template;

  Route(String method, String template) {
    this.method = method;
    this.template = template;
  }

  /**
   * The HTTP method of this route.
   *
   * @return {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
   */
  public String method() {
    return method;
  }

  /**
   * The path template of this route as written in {@code docs/protocol.md}, e.g.
   * {@code /v1/data/{classCode}/{sequence}/query}. A party id in a path may take two segments.
   *
   * @return the template
   */
  public String pathTemplate() {
    return template;
  }
}
