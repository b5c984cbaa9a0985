package io.github.govdx.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP answer: status, headers (other than {@code Date} and {@code X-Request-Id}, which the server adds) and body.
 *
 * @param status the status
 * @param headers the headers, in order
 * @param body the body bytes (empty for none)
 * @param stream a body too large for memory, written by the server straight to the connection (then {@code body}
 *     is empty), or null
 * @param streamLength the number of bytes {@code stream} writes
 */
public record Reply(
    int status,
    Map<String, String> headers,
    byte[] body,
    @Nullable BodyWriter stream,
    long streamLength) {

  /** Writes a streamed body. */
  @FunctionalInterface
  public interface BodyWriter {
    /**
     * Writes the body.
     *
     * @param out the connection's body stream
     * @throws java.io.IOException if writing fails
     */
    void write(java.io.OutputStream out) throws java.io.IOException;
  }

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
   * An answer with an in-memory body.
   *
   * @param status the status
   * @param headers the headers
   * @param body the body
   */
  public Reply(int status, Map<String, String> headers, byte[] body) {
    this(status, headers, body, null, -1);
  }

  /**
   * An answer whose body is written straight to the connection.
   *
   * @param status the status
   * @param headers the headers
   * @param length the number of bytes the writer writes
   * @param writer the writer
   * @return the reply
   */
  public static Reply streamed(
      int status, Map<String, String> headers, long length, BodyWriter writer) {
    return new Reply(status, headers, new byte[0], writer, length);
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
    return new Reply(status, h, body, stream, streamLength);
  }

  /** Summarises without the body. */
  @Override
  public String toString() {
    return "Reply{" + status + ", " + body.length + " bytes}";
  }
}
