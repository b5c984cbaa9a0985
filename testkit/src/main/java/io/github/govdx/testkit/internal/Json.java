package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * JSON of the sandbox: one shared, thread-safe mapper for trees, and a strict databind mapping of request
 * bodies to the records of {@link Requests}, both with nesting and size limits.
 *
 * <p>A request body that is not JSON, not an object, has a member of the wrong JSON type (no coercion between
 * strings, numbers and booleans, no fraction for an integer) or misses a required member is {@code GDX-3001}
 * naming the member, never its value. Unknown members are ignored; JSON {@code null} counts as absent.
 */
public final class Json {

  /** The shared mapper for trees. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(factory()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** The strict mapper for request bodies (same limits). */
  private static final ObjectMapper REQUESTS =
      io.github.govdx.client.internal.Json.strict(factory())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static JsonFactory factory() {
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(10 * 1024 * 1024)
                .build())
        .build();
  }

  private Json() {}

  /**
   * Reads a request body as one of the records of {@link Requests}; the record's constructor checks required
   * members and values.
   *
   * @param body the bytes
   * @param type the record
   * @param <T> the record type
   * @return the request
   * @throws ApiException {@code GDX-3001} if the body is not such a JSON object
   */
  public static <T> T read(byte[] body, Class<T> type) {
    T v;
    try {
      v = REQUESTS.readValue(body, type);
    } catch (IOException e) {
      throw refused(e, body);
    }
    if (v == null) {
      throw wholeBody(body);
    }
    return v;
  }

  /** Why a body failed as a whole: not JSON (trailing tokens included), or JSON but not an object. */
  private static ApiException wholeBody(byte[] body) {
    JsonNode n;
    try {
      n = MAPPER.readTree(body);
    } catch (IOException e) {
      return new ApiException(WireCode.MALFORMED_REQUEST, "the body is not valid JSON");
    }
    return new ApiException(
        WireCode.MALFORMED_REQUEST,
        n != null && n.isObject()
            ? "the body is not a valid request"
            : "the body is not a JSON object");
  }

  /**
   * A required member: present, not null and, for text, not empty.
   *
   * @param value the member's value
   * @param name the member's name
   * @param <T> its type
   * @return the value
   * @throws ApiException {@code GDX-3001} if missing
   */
  public static <T> T required(@Nullable T value, String name) {
    if (value == null || (value instanceof String s && s.isEmpty())) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "member " + name + " is required");
    }
    return value;
  }

  /** Maps a databind failure to {@code GDX-3001}: the member's path and expected JSON type, never a value. */
  private static ApiException refused(IOException e, byte[] body) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApiException a) {
        return a;
      }
      if (t instanceof JsonProcessingException && !(t instanceof JsonMappingException)) {
        return new ApiException(WireCode.MALFORMED_REQUEST, "the body is not valid JSON");
      }
    }
    if (!(e instanceof JsonMappingException m)) {
      return new ApiException(WireCode.MALFORMED_REQUEST, "the body is not valid JSON");
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    if (path.length() == 0) {
      return wholeBody(body);
    }
    Class<?> target = e instanceof MismatchedInputException mi ? mi.getTargetType() : null;
    String expected;
    if (target == null) {
      expected = " is not valid";
    } else if (target == String.class) {
      expected = " must be a string";
    } else if (target == Long.class || target == Integer.class) {
      expected = " must be an integer";
    } else if (Collection.class.isAssignableFrom(target)) {
      expected = " must be an array";
    } else {
      expected = " must be an object";
    }
    return new ApiException(WireCode.MALFORMED_REQUEST, "member " + path + expected);
  }

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
   * Reads JSON the sandbox wrote itself (e.g. a keyring entry) as a record; all its members must be known.
   *
   * @param json the text
   * @param type the record
   * @param <T> the record type
   * @return the value
   * @throws IllegalStateException if the text is not such a record
   */
  public static <T> T stored(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not a " + type.getSimpleName(), e);
    }
  }

  /**
   * Serialises a node or a record.
   *
   * @param node the node or record
   * @return the JSON text
   */
  public static String write(Object node) {
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
   * RFC 3339 UTC with a {@code Z}, whole seconds.
   *
   * @param t the instant
   * @return the text
   */
  public static String instant(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
