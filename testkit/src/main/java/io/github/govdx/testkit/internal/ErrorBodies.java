package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the protocol's error bodies ({@code docs/protocol.md} §3). */
public final class ErrorBodies {

  private ErrorBodies() {}

  /**
   * The reply of an error.
   *
   * @param e the error
   * @param requestId the request id
   * @return the reply
   */
  public static Reply reply(ApiException e, String requestId) {
    ObjectNode body = Json.object();
    body.put("code", e.wireCode().code());
    body.put("message", e.getMessage());
    body.put("requestId", requestId);
    body.put("source", e.source());
    if (e.details() != null) {
      body.set("details", e.details());
    }
    if (e.serverTime() != null) {
      body.put("serverTime", Json.instant(e.serverTime()));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", Reply.JSON);
    Duration retryAfter = e.retryAfter();
    if (retryAfter != null) {
      headers.put("Retry-After", Long.toString(retryAfterSeconds(retryAfter)));
    }
    return new Reply(e.status(), headers, Json.bytes(body));
  }

  /**
   * Whole seconds, rounded up.
   *
   * @param d the delay
   * @return seconds
   */
  public static long retryAfterSeconds(Duration d) {
    long s = d.getSeconds();
    return d.getNano() > 0 ? s + 1 : s;
  }
}
