package io.github.govdx.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * JSON reading and writing for the protocol: a shared {@link ObjectMapper} with tight stream limits, and
 * strict accessors that turn a missing or mistyped member into a {@link MalformedJsonException} naming the
 * member (never its value).
 */
public final class Json {

  /** The shared mapper: nesting depth at most 64, strings at most 8 MiB, numbers at most 64 digits. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(64)
                          .maxStringLength(8 * 1024 * 1024)
                          .maxNumberLength(64)
                          .build())
                  .build())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Json() {}

  /** A response body that is not the JSON the protocol describes. */
  public static final class MalformedJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming members, never values
     * @param cause the parser failure, or {@code null}
     */
    public MalformedJsonException(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Parses a JSON object.
   *
   * @param bytes UTF-8 JSON
   * @return the object
   * @throws MalformedJsonException if the bytes are not a JSON object
   */
  public static ObjectNode parseObject(byte[] bytes) {
    JsonNode n;
    try {
      n = MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new MalformedJsonException(
          "body is not valid JSON (" + e.getClass().getSimpleName() + ")", e);
    }
    if (n == null || !n.isObject()) {
      throw new MalformedJsonException("body is not a JSON object", null);
    }
    return (ObjectNode) n;
  }

  /**
   * Serialises a tree.
   *
   * @param node the tree
   * @return UTF-8 JSON
   */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON tree", e);
    }
  }

  /** @return a new empty object */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * A required text member.
   *
   * @param o the object
   * @param name the member
   * @return its text
   */
  public static String text(JsonNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null || !n.isTextual()) {
      throw new MalformedJsonException("member '" + name + "' missing or not a string", null);
    }
    return n.asText();
  }

  /**
   * An optional text member.
   *
   * @param o the object
   * @param name the member
   * @return its text, or {@code null} when absent or null
   */
  public static @Nullable String optText(JsonNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new MalformedJsonException("member '" + name + "' is not a string", null);
    }
    return n.asText();
  }

  /**
   * A required integer member.
   *
   * @param o the object
   * @param name the member
   * @return its value
   */
  public static int integer(JsonNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
      throw new MalformedJsonException("member '" + name + "' missing or not an integer", null);
    }
    return n.asInt();
  }

  /**
   * An optional long member.
   *
   * @param o the object
   * @param name the member
   * @return its value, or {@code null}
   */
  public static @Nullable Long optLong(JsonNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new MalformedJsonException("member '" + name + "' is not an integer", null);
    }
    return n.asLong();
  }

  /**
   * An optional boolean member.
   *
   * @param o the object
   * @param name the member
   * @param dflt the value when absent
   * @return the value
   */
  public static boolean bool(JsonNode o, String name, boolean dflt) {
    JsonNode n = o.get(name);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isBoolean()) {
      throw new MalformedJsonException("member '" + name + "' is not a boolean", null);
    }
    return n.asBoolean();
  }

  /**
   * A required RFC 3339 instant.
   *
   * @param o the object
   * @param name the member
   * @return the instant
   */
  public static Instant instant(JsonNode o, String name) {
    Instant i = optInstant(o, name);
    if (i == null) {
      throw new MalformedJsonException("member '" + name + "' missing", null);
    }
    return i;
  }

  /**
   * An optional RFC 3339 instant.
   *
   * @param o the object
   * @param name the member
   * @return the instant, or {@code null}
   */
  public static @Nullable Instant optInstant(JsonNode o, String name) {
    String t = optText(o, name);
    if (t == null) {
      return null;
    }
    Instant fast = fastInstant(t);
    if (fast != null) {
      return fast;
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      throw new MalformedJsonException("member '" + name + "' is not an RFC 3339 instant", e);
    }
  }

  /**
   * Parses the protocol's usual instant form {@code YYYY-MM-DDTHH:MM:SSZ} without a formatter (the JDK's
   * {@code Instant.parse} costs microseconds per call); anything else is left to {@code Instant.parse}.
   *
   * @param t the text
   * @return the instant, or {@code null} if {@code t} is not exactly that form or not a valid date-time
   */
  static @Nullable Instant fastInstant(String t) {
    if (t.length() != 20
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':'
        || t.charAt(19) != 'Z') {
      return null;
    }
    int y = digits(t, 0, 4);
    int mo = digits(t, 5, 7);
    int d = digits(t, 8, 10);
    int h = digits(t, 11, 13);
    int mi = digits(t, 14, 16);
    int se = digits(t, 17, 19);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59
        || se < 0 || se > 59) {
      return null;
    }
    try {
      return java.time.LocalDateTime.of(y, mo, d, h, mi, se).toInstant(java.time.ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null; // e.g. 31 February: let Instant.parse report it
    }
  }

  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * An optional {@code YYYY-MM-DD} date.
   *
   * @param o the object
   * @param name the member
   * @return the date, or {@code null}
   */
  public static @Nullable LocalDate optDate(JsonNode o, String name) {
    String t = optText(o, name);
    if (t == null) {
      return null;
    }
    if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
      int y = digits(t, 0, 4);
      int mo = digits(t, 5, 7);
      int d = digits(t, 8, 10);
      if (y >= 0
          && mo >= 1
          && mo <= 12
          && d >= 1
          && d <= java.time.YearMonth.of(y, mo).lengthOfMonth()) {
        return LocalDate.of(
            y, mo, d); // the usual form without a formatter; the rest goes to LocalDate.parse
      }
    }
    try {
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw new MalformedJsonException("member '" + name + "' is not a YYYY-MM-DD date", e);
    }
  }

  /**
   * A required date.
   *
   * @param o the object
   * @param name the member
   * @return the date
   */
  public static LocalDate date(JsonNode o, String name) {
    LocalDate d = optDate(o, name);
    if (d == null) {
      throw new MalformedJsonException("member '" + name + "' missing", null);
    }
    return d;
  }

  /**
   * A required party id.
   *
   * @param o the object
   * @param name the member
   * @return the party
   */
  public static PartyId party(JsonNode o, String name) {
    String t = text(o, name);
    try {
      return PartyId.parse(t);
    } catch (GovdxException e) {
      throw new MalformedJsonException("member '" + name + "' is not a valid party id", e);
    }
  }

  /**
   * An optional array of strings.
   *
   * @param o the object
   * @param name the member
   * @return the strings, empty when absent
   */
  public static List<String> strings(JsonNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new MalformedJsonException("member '" + name + "' is not an array", null);
    }
    List<String> out = new ArrayList<>(n.size());
    for (JsonNode e : n) {
      if (!e.isTextual()) {
        throw new MalformedJsonException("member '" + name + "' has a non-string element", null);
      }
      out.add(e.asText());
    }
    return out;
  }

  /**
   * An optional array member.
   *
   * @param o the object
   * @param name the member
   * @return the array, empty when absent
   */
  public static ArrayNode array(JsonNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null || n.isNull()) {
      return MAPPER.createArrayNode();
    }
    if (!n.isArray()) {
      throw new MalformedJsonException("member '" + name + "' is not an array", null);
    }
    return (ArrayNode) n;
  }

  /**
   * A required object member.
   *
   * @param o the object
   * @param name the member
   * @return the object
   */
  public static ObjectNode obj(JsonNode o, String name) {
    JsonNode n = o.get(name);
    if (n == null || !n.isObject()) {
      throw new MalformedJsonException("member '" + name + "' missing or not an object", null);
    }
    return (ObjectNode) n;
  }

  /**
   * Puts a member when the value is not null.
   *
   * @param o the object
   * @param name the member
   * @param value the value, or {@code null} to omit it
   */
  public static void putOpt(ObjectNode o, String name, @Nullable Object value) {
    if (value != null) {
      o.put(name, value.toString());
    }
  }

  /**
   * Puts a string array.
   *
   * @param o the object
   * @param name the member
   * @param values the values; nothing is put when empty
   */
  public static void putStrings(ObjectNode o, String name, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = o.putArray(name);
      values.forEach(a::add);
    }
  }
}
