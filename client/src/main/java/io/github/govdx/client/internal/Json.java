package io.github.govdx.client.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.govdx.client.EnvelopeDigest;
import io.github.govdx.client.Page;
import io.github.govdx.client.StateChange;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.directory.PartyCertificate;
import io.github.govdx.client.directory.PartyInfo;
import io.github.govdx.client.subscription.EventPage;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.evidence.Receipt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * JSON for the protocol ({@code docs/protocol.md}): a shared {@link ObjectMapper} with tight stream limits for
 * trees and callers' record types, and a strict databind mapping of response bodies to the public value types.
 *
 * <p>The value types are read through their Immutables builders (found by convention, so the public types
 * carry no Jackson annotations); a missing required member, a member of the wrong JSON type (no coercion of
 * numbers to text or text to numbers) or an unknown wire code is a {@link MalformedJsonException} naming the
 * member, never its value. Unknown members are ignored; JSON {@code null} counts as absent.
 */
public final class Json {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(64)
                  .maxStringLength(8 * 1024 * 1024)
                  .maxNumberLength(64)
                  .build())
          .build();

  /** The shared mapper: nesting depth at most 64, strings at most 8 MiB, numbers at most 64 digits. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(FACTORY)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** The strict mapper for the protocol's value types (same stream limits). */
  private static final ObjectMapper WIRE =
      strict(FACTORY)
          .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SKIP))
          .annotationIntrospector(new ImmutablesBuilders())
          .addMixIn(StateChange.class, StateChangeCreator.class)
          .addMixIn(EnvelopeDigest.class, DigestCreator.class)
          .addModule(wireTypes())
          .build();

  /**
   * A mapper builder with the protocol's strictness (also the sandbox's for request bodies): unknown members
   * ignored, no coercion between strings, numbers and booleans, no fraction for an integer.
   *
   * @param factory the stream factory, with its limits
   * @return the builder, to be completed and built
   */
  public static JsonMapper.Builder strict(JsonFactory factory) {
    return JsonMapper.builder(factory)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }

  /** Bouncy Castle, made on the first certificate read (a private instance, never registered globally). */
  private static final class Bc {
    static final java.security.Provider PROVIDER =
        new org.bouncycastle.jce.provider.BouncyCastleProvider();
  }

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
      throw malformed(e);
    }
    if (n == null || !n.isObject()) {
      throw new MalformedJsonException("body is not a JSON object", null);
    }
    return (ObjectNode) n;
  }

  /**
   * Reads a body as a protocol value type.
   *
   * @param body UTF-8 JSON
   * @param type the value type
   * @param <T> the value type
   * @return the value
   * @throws MalformedJsonException if the body does not describe a {@code type}
   */
  public static <T> T read(byte[] body, Class<T> type) {
    return read(body, WIRE.constructType(type));
  }

  private static <T> T read(byte[] body, JavaType type) {
    T v;
    try {
      v = WIRE.readValue(body, type);
    } catch (IOException e) {
      throw malformed(e);
    }
    if (v == null) {
      throw new MalformedJsonException("body is not a JSON object", null);
    }
    return v;
  }

  /**
   * Reads a tree as a protocol value type.
   *
   * @param tree the object
   * @param type the value type
   * @param <T> the value type
   * @return the value
   * @throws MalformedJsonException if the tree does not describe a {@code type}
   */
  public static <T> T read(JsonNode tree, Class<T> type) {
    try {
      return WIRE.readValue(WIRE.treeAsTokens(tree), type);
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /**
   * Reads a page body {@code {"items": [...], "nextPageToken": ...}}.
   *
   * @param body the body
   * @param item the item type
   * @param <T> the item type
   * @return the page
   */
  public static <T> Page<T> page(byte[] body, Class<T> item) {
    PageBody<T> p = read(body, WIRE.getTypeFactory().constructParametricType(PageBody.class, item));
    return Page.of(p.items() == null ? List.of() : p.items(), p.nextPageToken());
  }

  record PageBody<T>(@Nullable List<T> items, @Nullable String nextPageToken) {}

  /**
   * Reads a catalog detail body: the summary members sit beside the detail's own.
   *
   * @param body the body
   * @return the detail
   */
  public static ResourceDetail resourceDetail(byte[] body) {
    ObjectNode o = parseObject(body);
    o.set("summary", o.deepCopy());
    ResourceDetail d = read(o, ResourceDetail.class);
    if (d.schema().filter(s -> !s.isObject()).isPresent()) {
      throw new MalformedJsonException("member 'schema' is not an object", null);
    }
    return d;
  }

  /**
   * Reads a directory body; every certificate entry must carry {@code pem}.
   *
   * @param body the body
   * @return the party
   */
  public static PartyInfo partyInfo(byte[] body) {
    PartyInfo p = read(body, PartyInfo.class);
    if (p.certificates().stream().anyMatch(c -> c.chain().isEmpty())) {
      throw new MalformedJsonException("member 'certificates[].pem' missing", null);
    }
    return p;
  }

  /**
   * Reads an event feed body; an event without {@code data} has an empty object.
   *
   * @param body the body
   * @return the page of events
   */
  public static EventPage eventPage(byte[] body) {
    ObjectNode o = parseObject(body);
    for (JsonNode e : o.path("events")) {
      if (e.isObject() && !e.hasNonNull("data")) {
        ((ObjectNode) e).putObject("data");
      }
    }
    return read(o, EventPage.class);
  }

  /** Names the member at fault (its path, never its value). */
  private static MalformedJsonException malformed(IOException e) {
    if (!(e instanceof JsonMappingException)) {
      return new MalformedJsonException(
          "body is not valid JSON (" + e.getClass().getSimpleName() + ")", e);
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : ((JsonMappingException) e).getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    Throwable c = e.getCause();
    String m = c instanceof IllegalStateException ? String.valueOf(c.getMessage()) : "";
    if (m.contains("required attributes are not set [")) {
      // Immutables: "Cannot build X, some of required attributes are not set [a, b]": names only
      String at = path.length() == 0 ? "'" : "'" + path + ".";
      String[] names = m.substring(m.lastIndexOf('[') + 1, m.lastIndexOf(']')).split(", ");
      return new MalformedJsonException(
          (names.length == 1 ? "member " : "members ")
              + at
              + String.join("', " + at, names)
              + "' missing",
          null);
    }
    if (path.length() == 0) {
      return new MalformedJsonException("body is not a JSON object", null);
    }
    return new MalformedJsonException(
        "member '"
            + path
            + (e instanceof MismatchedInputException
                ? "' missing, of the wrong type or with an unknown value"
                : "' is not valid"),
        null);
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

  // ------------------------------------------------------------------ the strict mapping's parts

  /**
   * Reads an abstract value type {@code X} through its nested {@code X.Builder extends ImmutableX.Builder}
   * (setters named as the attributes, {@code build()}); of overloaded setters the plain one wins over the
   * {@code Optional} or varargs one. {@code PartyCertificate}'s chain is the member {@code pem}.
   */
  private static final class ImmutablesBuilders extends JacksonAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public @Nullable Class<?> findPOJOBuilder(AnnotatedClass ac) {
      Class<?> type = ac.getRawType();
      for (Class<?> n : type.getDeclaredClasses()) {
        Class<?> s = n.getSuperclass();
        if (n.getSimpleName().equals("Builder")
            && s != null
            && s.getEnclosingClass() != null
            && s.getEnclosingClass().getSimpleName().equals("Immutable" + type.getSimpleName())) {
          return n;
        }
      }
      return super.findPOJOBuilder(ac);
    }

    @Override
    public JsonPOJOBuilder.Value findPOJOBuilderConfig(AnnotatedClass ac) {
      return new JsonPOJOBuilder.Value("build", "");
    }

    @Override
    public AnnotatedMethod resolveSetterConflict(
        MapperConfig<?> config, AnnotatedMethod a, AnnotatedMethod b) {
      Class<?> t = a.getRawParameterType(0);
      return t == Optional.class || t.isArray() ? b : a;
    }

    @Override
    public @Nullable PropertyName findNameForDeserialization(Annotated a) {
      return isChain(a) ? PropertyName.construct("pem") : super.findNameForDeserialization(a);
    }

    @Override
    public @Nullable Object findDeserializer(Annotated a) {
      return isChain(a)
          ? new FromString<List<X509Certificate>>(List.class, Json::pem)
          : super.findDeserializer(a);
    }

    private static boolean isChain(Annotated a) {
      return a instanceof AnnotatedMethod
          && a.getName().equals("chain")
          && ((AnnotatedMethod) a).getRawReturnType() == PartyCertificate.Builder.class;
    }
  }

  /** The history entry's factory as the creator. */
  abstract static class StateChangeCreator {
    @JsonCreator
    static @Nullable StateChange of(
        @JsonProperty("state") String state,
        @JsonProperty("at") Instant at,
        @JsonProperty("by") PartyId by,
        @JsonProperty("reason") @Nullable String reason) {
      return null;
    }
  }

  /** The digest's members are {@code alg} and {@code value}. */
  abstract static class DigestCreator {
    @JsonCreator
    DigestCreator(@JsonProperty("alg") String algorithm, @JsonProperty("value") String hex) {}
  }

  /** A value read from a JSON string: other tokens, and text {@code parse} refuses, are malformed. */
  private static final class FromString<T> extends StdScalarDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Function<String, @Nullable Object> parse;

    FromString(Class<?> type, Function<String, @Nullable Object> parse) {
      super(type);
      this.parse = parse;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (T) ctxt.handleUnexpectedToken(handledType(), p);
      }
      Object v;
      try {
        v = parse.apply(p.getText());
      } catch (RuntimeException e) {
        v = null;
      }
      return v != null ? (T) v : (T) ctxt.handleWeirdStringValue(handledType(), "", "invalid");
    }
  }

  private static SimpleModule wireTypes() {
    SimpleDeserializers d =
        new SimpleDeserializers() {
          private static final long serialVersionUID = 1L;

          @Override
          public @Nullable JsonDeserializer<?> findEnumDeserializer(
              Class<?> type, DeserializationConfig config, BeanDescription beanDesc) {
            Map<String, Object> byWire = new HashMap<>();
            try {
              for (Object c : type.getEnumConstants()) {
                byWire.put((String) type.getMethod("wireName").invoke(c), c);
              }
            } catch (ReflectiveOperationException e) {
              return null; // not a wire-code enum
            }
            return new FromString<>(type, byWire::get);
          }
        };
    d.addDeserializer(
        Receipt.class,
        new StdDeserializer<Receipt>(Receipt.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public Receipt deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Receipt.parse(MAPPER.writeValueAsBytes(p.readValueAsTree()));
          }
        });
    d.addDeserializer(PartyId.class, new FromString<>(PartyId.class, PartyId::parse));
    d.addDeserializer(Instant.class, new FromString<>(Instant.class, Json::instant));
    d.addDeserializer(LocalDate.class, new FromString<>(LocalDate.class, Json::date));
    SimpleModule m = new SimpleModule("govdx-wire");
    m.setDeserializers(d);
    return m;
  }

  /** Parses PEM certificates (RFC 7468), in order; none, or one that does not parse, is malformed. */
  private static List<X509Certificate> pem(String pem) {
    try {
      // Bouncy Castle's factory: the JDK's cannot parse SM2 certificates (named curve
      // 1.2.156.10197.1.301)
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c :
          CertificateFactory.getInstance("X.509", Bc.PROVIDER)
              .generateCertificates(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new MalformedJsonException("member 'pem' holds no certificate", null);
      }
      return out;
    } catch (CertificateException | ClassCastException e) {
      throw new MalformedJsonException("member 'pem' is not a PEM X.509 certificate chain", e);
    }
  }

  /**
   * Parses an RFC 3339 instant, the usual form {@code YYYY-MM-DDTHH:MM:SSZ} without a formatter.
   *
   * @param t the text
   * @return the instant
   * @throws java.time.format.DateTimeParseException if it is not one
   */
  static Instant instant(String t) {
    Instant fast = fastInstant(t);
    return fast != null ? fast : Instant.parse(t);
  }

  /**
   * Parses a {@code YYYY-MM-DD} date, the usual form without a formatter.
   *
   * @param t the text
   * @return the date
   * @throws java.time.DateTimeException if it is not one
   */
  static LocalDate date(String t) {
    if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
      int y = digits(t, 0, 4);
      int mo = digits(t, 5, 7);
      int d = digits(t, 8, 10);
      if (y >= 0
          && mo >= 1
          && mo <= 12
          && d >= 1
          && d <= java.time.YearMonth.of(y, mo).lengthOfMonth()) {
        return LocalDate.of(y, mo, d);
      }
    }
    return LocalDate.parse(t);
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
   * A required member, read as {@code type} by the strict mapping.
   *
   * @param o the object
   * @param name the member
   * @param type its type, e.g. {@code String}, {@code Integer}, {@code Instant}, {@code PartyId}
   * @param <T> its type
   * @return its value
   * @throws MalformedJsonException if it is missing, null or not a {@code type}
   */
  public static <T> T member(JsonNode o, String name, Class<T> type) {
    T v = optMember(o, name, type);
    if (v == null) {
      throw new MalformedJsonException("member '" + name + "' missing", null);
    }
    return v;
  }

  /**
   * An optional member, read as {@code type} by the strict mapping.
   *
   * @param o the object
   * @param name the member
   * @param type its type
   * @param <T> its type
   * @return its value, or {@code null} when absent or null
   * @throws MalformedJsonException if it is not a {@code type}
   */
  public static <T> @Nullable T optMember(JsonNode o, String name, Class<T> type) {
    JsonNode n = o.get(name);
    try {
      return n == null || n.isNull() ? null : WIRE.treeToValue(n, type);
    } catch (IOException e) {
      throw new MalformedJsonException(
          "member '" + name + "' is not a valid " + type.getSimpleName(), null);
    }
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
