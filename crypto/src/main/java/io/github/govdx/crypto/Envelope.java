package io.github.govdx.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.internal.Hex;
import io.github.govdx.crypto.internal.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An envelope as on the wire (DESIGN §4): a signed envelope is a flattened JWS
 * ({@code {"protected","payload","signature"}}), a sealed envelope a flattened JWE
 * ({@code {"protected","encrypted_key","iv","ciphertext","tag"}}) whose plaintext is a compact JWS.
 *
 * <p>{@link #parse(byte[])} checks structure and headers only, no cryptography: size limit, nesting limit
 * (both before parsing), strict JSON (no duplicate members), exactly the members of the kind (refusing
 * {@code unprotected}, {@code header}, {@code aad}, {@code signatures}, {@code recipients} and anything else),
 * canonical base64url, the protected header's parameter allow-list, the algorithm allow-list of the suites,
 * and the routing headers. Use {@link EnvelopeCodec} to verify or open it.
 *
 * <p>Immutable and thread-safe. Equal when the bytes are equal.
 */
public final class Envelope {

  /** The two kinds of envelope. */
  public enum Kind {
    /** A flattened JWS: signed, not encrypted. */
    SIGNED,
    /** A flattened JWE whose plaintext is a compact JWS: signed, then encrypted. */
    SEALED
  }

  static final String MID = "gdx.mid";
  static final String IAT = "gdx.iat";
  static final String SND = "gdx.snd";
  static final String RCV = "gdx.rcv";
  static final String RES = "gdx.res";
  static final String ACT = "gdx.act";
  static final String CID = "gdx.cid";

  private static final Set<String> ROUTING = Set.of(MID, IAT, SND, RCV, RES, ACT, CID);
  private static final Set<String> JWS_PARAMS = Set.of("alg", "kid", "x5c");
  private static final Set<String> JWE_PARAMS = Set.of("alg", "enc", "cty", "kid", "epk");
  private static final Set<String> FORBIDDEN =
      Set.of("unprotected", "header", "aad", "signatures", "recipients");
  private static final String[] SIGNED_MEMBERS = {"protected", "payload", "signature"};
  private static final String[] SEALED_MEMBERS = {
    "protected", "encrypted_key", "iv", "ciphertext", "tag"
  };

  private final Kind kind;
  private final Suite suite;
  private final RoutingHeaders headers;
  private final String keyId;
  private final byte[] bytes;
  private final String[] parts;
  private final Header header;

  private Envelope(
      Kind kind,
      Suite suite,
      RoutingHeaders headers,
      String keyId,
      byte[] bytes,
      String[] parts,
      Header header) {
    this.kind = kind;
    this.suite = suite;
    this.headers = headers;
    this.keyId = keyId;
    this.bytes = bytes;
    this.parts = parts;
    this.header = header;
  }

  /**
   * Parses an envelope with the {@linkplain EnvelopeLimits#defaults() default limits}.
   *
   * @param json the envelope bytes (UTF-8 JSON)
   * @return the envelope
   * @throws MalformedEnvelopeException {@code GDX-2001}, {@code -2002}, {@code -2003}, {@code -2004},
   *     {@code -2005}
   * @throws AlgorithmNotAllowedException {@code GDX-2006} for {@code alg: none} or any algorithm outside
   *     the suites
   */
  public static Envelope parse(byte[] json) {
    return parse(json, EnvelopeLimits.defaults());
  }

  /**
   * Parses an envelope.
   *
   * @param json the envelope bytes (UTF-8 JSON)
   * @param limits the limits
   * @return the envelope
   * @throws MalformedEnvelopeException {@code GDX-2001}, {@code -2002}, {@code -2003}, {@code -2004},
   *     {@code -2005}
   * @throws AlgorithmNotAllowedException {@code GDX-2006}
   */
  public static Envelope parse(byte[] json, EnvelopeLimits limits) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(limits, "limits == null");
    if (json.length > limits.maxEnvelopeBytes()) {
      throw malformed(
          CryptoErrorCode.ENVELOPE_TOO_LARGE,
          "envelope of "
              + json.length
              + " bytes exceeds the limit of "
              + limits.maxEnvelopeBytes());
    }
    if (StrictJson.deeperThan(json, limits.maxDepth())) {
      throw malformed(
          CryptoErrorCode.ENVELOPE_TOO_DEEP,
          "envelope JSON nested deeper than " + limits.maxDepth());
    }
    JsonNode root;
    try {
      root = StrictJson.parse(json);
    } catch (IOException | RuntimeException e) {
      throw new MalformedEnvelopeException(
          CryptoErrorCode.ENVELOPE_MALFORMED, "envelope is not strict JSON");
    }
    if (root == null || !root.isObject()) {
      throw malformed(CryptoErrorCode.ENVELOPE_MALFORMED, "envelope is not a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (FORBIDDEN.contains(name)) {
        throw malformed(
            CryptoErrorCode.ENVELOPE_FORBIDDEN_MEMBER, "member '" + name + "' is not allowed");
      }
    }
    Kind kind;
    String[] names;
    if (root.has("ciphertext")) {
      kind = Kind.SEALED;
      names = SEALED_MEMBERS;
    } else if (root.has("signature")) {
      kind = Kind.SIGNED;
      names = SIGNED_MEMBERS;
    } else {
      throw malformed(
          CryptoErrorCode.ENVELOPE_MALFORMED, "neither a flattened JWS nor a flattened JWE");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!Arrays.asList(names).contains(name)) {
        throw malformed(
            CryptoErrorCode.ENVELOPE_FORBIDDEN_MEMBER, "member '" + name + "' is not allowed");
      }
    }
    String[] parts = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      JsonNode v = root.get(names[i]);
      if (v == null || !v.isTextual()) {
        throw malformed(
            CryptoErrorCode.ENVELOPE_MALFORMED,
            "member '" + names[i] + "' missing or not a string");
      }
      parts[i] = v.textValue();
    }
    return fromParts(kind, parts, json.clone(), limits);
  }

  /**
   * Wraps parts this library has just produced (seal and sign): no re-parsing and no re-checking of what the
   * codec built itself.
   */
  static Envelope produced(
      Kind kind, Suite suite, RoutingHeaders routing, String keyId, String[] parts, Header header) {
    return new Envelope(kind, suite, routing, keyId, json(kind, parts), parts, header);
  }

  /** Builds an envelope from its base64url parts (compact order); checks everything parse() checks. */
  static Envelope fromParts(
      Kind kind, String[] parts, byte @Nullable [] bytes, EnvelopeLimits limits) {
    String[] names = kind == Kind.SEALED ? SEALED_MEMBERS : SIGNED_MEMBERS;
    for (int i = 0; i < parts.length; i++) {
      if (!StrictJson.isCanonicalBase64Url(parts[i])) {
        throw malformed(
            CryptoErrorCode.ENVELOPE_MALFORMED,
            "member '" + names[i] + "' is not canonical base64url");
      }
    }
    if (parts[0].isEmpty()) {
      throw malformed(CryptoErrorCode.ENVELOPE_MALFORMED, "empty protected header");
    }
    if ((long) parts[0].length() * 3 / 4 > limits.maxHeaderBytes()) {
      throw malformed(
          CryptoErrorCode.ENVELOPE_TOO_LARGE,
          "protected header exceeds " + limits.maxHeaderBytes() + " bytes");
    }
    byte[] headerJson = Base64.getUrlDecoder().decode(parts[0]);
    if (StrictJson.deeperThan(headerJson, limits.maxDepth())) {
      throw malformed(
          CryptoErrorCode.ENVELOPE_TOO_DEEP,
          "protected header nested deeper than " + limits.maxDepth());
    }
    JsonNode h;
    try {
      h = StrictJson.parse(headerJson);
    } catch (IOException | RuntimeException e) {
      throw malformed(CryptoErrorCode.ENVELOPE_MALFORMED, "protected header is not strict JSON");
    }
    if (h == null || !h.isObject()) {
      throw malformed(CryptoErrorCode.ENVELOPE_MALFORMED, "protected header is not a JSON object");
    }
    Set<String> allowed = kind == Kind.SEALED ? JWE_PARAMS : JWS_PARAMS;
    for (Iterator<String> it = h.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name) && !ROUTING.contains(name)) {
        throw malformed(
            CryptoErrorCode.ENVELOPE_FORBIDDEN_MEMBER,
            "header parameter '" + name + "' is not allowed");
      }
    }
    Suite suite = suiteOf(kind, h);
    String kid = text(h, "kid", 256);
    if (kind == Kind.SEALED) {
      if (!"JOSE".equals(text(h, "cty", 16))) {
        throw malformed(
            CryptoErrorCode.ENVELOPE_MALFORMED, "a sealed envelope must have cty \"JOSE\"");
      }
      if ((suite == Suite.INTL) != h.has("epk")) {
        throw malformed(
            CryptoErrorCode.ENVELOPE_FORBIDDEN_MEMBER, "epk belongs to ECDH-ES (INTL) only");
      }
    }
    RoutingHeaders routing = routing(h);
    Header header;
    try {
      // the JSON is decoded already: parse(String, Base64URL) skips Nimbus's slower base64 decoder
      Base64URL b = new Base64URL(parts[0]);
      String text = new String(headerJson, StandardCharsets.UTF_8);
      header = kind == Kind.SEALED ? JWEHeader.parse(text, b) : JWSHeader.parse(text, b);
    } catch (ParseException | RuntimeException e) {
      throw malformed(
          CryptoErrorCode.ENVELOPE_MALFORMED, "protected header is not a valid JOSE header");
    }
    byte[] wire = bytes != null ? bytes : json(kind, parts);
    return new Envelope(kind, suite, routing, kid, wire, parts, header);
  }

  static byte[] json(Kind kind, String[] parts) {
    String[] names = kind == Kind.SEALED ? SEALED_MEMBERS : SIGNED_MEMBERS;
    StringBuilder sb =
        new StringBuilder(parts.length * 16 + Arrays.stream(parts).mapToInt(String::length).sum());
    sb.append('{');
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(names[i]).append("\":\"").append(parts[i]).append('"');
    }
    return sb.append('}').toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static Suite suiteOf(Kind kind, JsonNode h) {
    String alg = text(h, "alg", 64);
    if (kind == Kind.SIGNED) {
      for (Suite s : Suite.values()) {
        if (s.jwsAlgorithm().equals(alg)) {
          return s;
        }
      }
      throw new AlgorithmNotAllowedException(
          CryptoErrorCode.ALGORITHM_NOT_ALLOWED, "JWS alg '" + printable(alg) + "' is not allowed");
    }
    String enc = text(h, "enc", 64);
    for (Suite s : Suite.values()) {
      if (s.jweAlgorithm().equals(alg) && s.encryptionMethod().equals(enc)) {
        return s;
      }
    }
    throw new AlgorithmNotAllowedException(
        CryptoErrorCode.ALGORITHM_NOT_ALLOWED,
        "JWE alg '" + printable(alg) + "' with enc '" + printable(enc) + "' is not allowed");
  }

  private static String printable(String s) {
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private static String text(JsonNode h, String name, int max) {
    JsonNode v = h.get(name);
    if (v == null || !v.isTextual() || v.textValue().isEmpty() || v.textValue().length() > max) {
      CryptoErrorCode code =
          ("alg".equals(name) || "enc".equals(name))
              ? CryptoErrorCode.ALGORITHM_NOT_ALLOWED
              : CryptoErrorCode.ROUTING_HEADER_INVALID;
      if (code == CryptoErrorCode.ALGORITHM_NOT_ALLOWED) {
        throw new AlgorithmNotAllowedException(
            code, "header parameter '" + name + "' missing or not a string");
      }
      throw malformed(code, "header parameter '" + name + "' missing or not a string");
    }
    return v.textValue();
  }

  private static RoutingHeaders routing(JsonNode h) {
    try {
      RoutingHeaders.Builder b =
          RoutingHeaders.builder()
              .messageId(text(h, MID, 128))
              .sender(PartyId.parse(text(h, SND, 64)))
              .receiver(PartyId.parse(text(h, RCV, 64)))
              .resourceCode(text(h, RES, 64))
              .action(text(h, ACT, 64));
      JsonNode iat = h.get(IAT);
      if (iat == null
          || !iat.isIntegralNumber()
          || !iat.canConvertToLong()
          || iat.longValue() < 0
          || iat.longValue() > 253402300799L) {
        throw malformed(
            CryptoErrorCode.ROUTING_HEADER_INVALID,
            "header parameter 'gdx.iat' missing or not " + "seconds since the epoch");
      }
      b.issuedAt(Instant.ofEpochSecond(iat.longValue()));
      if (h.has(CID)) {
        b.correlationId(text(h, CID, 128));
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw malformed(
          CryptoErrorCode.ROUTING_HEADER_INVALID, "routing header malformed: " + e.getMessage());
    } catch (MalformedEnvelopeException e) {
      throw e;
    } catch (GovdxException e) {
      throw new MalformedEnvelopeException(
          CryptoErrorCode.ROUTING_HEADER_INVALID,
          "routing header party id invalid (" + e.code() + ")",
          e);
    }
  }

  /** Writes the routing headers into a header parameter map (for signing and sealing). */
  static void putRouting(RoutingHeaders h, Map<String, Object> params) {
    params.put(MID, h.messageId());
    params.put(IAT, h.issuedAt().getEpochSecond());
    params.put(SND, h.sender().toString());
    params.put(RCV, h.receiver().toString());
    params.put(RES, h.resourceCode());
    params.put(ACT, h.action());
    h.correlationId().ifPresent(c -> params.put(CID, c));
  }

  private static MalformedEnvelopeException malformed(CryptoErrorCode code, String detail) {
    return new MalformedEnvelopeException(code, detail);
  }

  /**
   * Whether this is a signed or a sealed envelope.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The suite, from the protected header's algorithms.
   *
   * @return the suite
   */
  public Suite suite() {
    return suite;
  }

  /**
   * The routing headers of the protected header (authenticated only once the envelope is opened or verified).
   *
   * @return the headers
   */
  public RoutingHeaders headers() {
    return headers;
  }

  /**
   * The {@code kid}: for a sealed envelope the receiver's key id, for a signed one the signer's
   * ({@code base64url(SHA-256(certificate DER))}).
   *
   * @return the key id
   */
  public String keyId() {
    return kid();
  }

  private String kid() {
    return keyId;
  }

  /**
   * The envelope bytes as on the wire.
   *
   * @return a copy of the bytes
   */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /**
   * The envelope as JSON text.
   *
   * @return the JSON
   */
  public String toJson() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * The digest of the envelope bytes: lowercase hex SM3 (GM) or SHA-256 (INTL). Receipts and the evidence
   * log refer to messages by it.
   *
   * @return 64 hex characters
   */
  public String digest() {
    return Hex.encode(suite == Suite.GM ? Hex.sm3(bytes) : Hex.sha256(bytes));
  }

  int size() {
    return bytes.length;
  }

  String part(int i) {
    return parts[i];
  }

  Header header() {
    return header;
  }

  /** The compact serialization (the parts joined with dots). */
  String compact() {
    return String.join(".", parts);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Envelope && Arrays.equals(bytes, ((Envelope) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Kind, suite and routing headers; never the payload. */
  @Override
  public String toString() {
    return "Envelope{"
        + kind
        + ", "
        + suite
        + ", "
        + headers
        + ", kid="
        + keyId
        + ", "
        + bytes.length
        + " bytes}";
  }
}
