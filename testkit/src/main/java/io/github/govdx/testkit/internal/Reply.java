package io.github.govdx.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer: status, headers (other than {@code Date} and {@code X-Request-Id}, which the server adds) and body.
 *
 * @param status the status
 * @param headers the headers, in order
 * @param body the body bytes (empty for none)
 */
public record Reply(int status, Map<String, String> headers, byte[] body) {

  /** The JSON media type. */
  public static final String JSON = "application/json";

  /** The envelope media type. */
  public static final String ENVELOPE = "application/govdx-envelope+json";

  /**
   * Copies the headers.
   *
   * @param status the status
   * @param headers the headers
   * @param body the body
   */
  public Reply {
    headers = Map.copyOf(headers);
  }

  /**
   * A JSON answer.
   *
   * @param status the status
   * @param json the JSON text
   * @return the reply
   */
  public static Reply json(int status, String json) {
    return new Reply(status, Map.of("Content-Type", JSON), json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An answer without a body.
   *
   * @param status the status
   * @return the reply
   */
  public static Reply empty(int status) {
    return new Reply(status, Map.of(), new byte[0]);
  }

  /**
   * A copy with one more header.
   *
   * @param name the header name
   * @param value the value
   * @return the copy
   */
  public Reply withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, h, body);
  }

  /** Summarises without the body. */
  @Override
  public String toString() {
    return "Reply{" + status + ", " + body.length + " bytes}";
  }
}
