package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** JSON helpers of the sandbox (one shared, thread-safe mapper with nesting and size limits). */
public final class Json {

  /** The shared mapper. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(10 * 1024 * 1024)
                .build());
  }

  private Json() {}

  /**
   * A new object node.
   *
   * @return the node
   */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * A new array node.
   *
   * @return the node
   */
  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /**
   * Parses a request body that must be a JSON object.
   *
   * @param body the bytes
   * @return the object
   * @throws ApiException {@code GDX-3001} if the body is not a JSON object
   */
  public static ObjectNode parseObject(byte[] body) {
    JsonNode n;
    try {
      n = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "the body is not valid JSON");
    }
    if (n == null || !n.isObject()) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "the body is not a JSON object");
    }
    return (ObjectNode) n;
  }

  /**
   * Serialises a node.
   *
   * @param node the node
   * @return the JSON text
   */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }

  /**
   * Serialises a node to UTF-8 bytes.
   *
   * @param node the node
   * @return the bytes
   */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }

  /**
   * An optional text member; wrong type is a malformed request.
   *
   * @param o the object
   * @param name the member
   * @return the text, or null if absent
   */
  public static @Nullable String text(ObjectNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "member " + name + " must be a string");
    }
    return n.asText();
  }

  /**
   * A required text member.
   *
   * @param o the object
   * @param name the member
   * @return the text
   */
  public static String requiredText(ObjectNode o, String name) {
    String t = text(o, name);
    if (t == null || t.isEmpty()) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "member " + name + " is required");
    }
    return t;
  }

  /**
   * RFC 3339 UTC with a {@code Z}, whole seconds.
   *
   * @param t the instant
   * @return the text
   */
  public static String instant(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
