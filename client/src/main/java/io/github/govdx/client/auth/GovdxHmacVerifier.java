package io.github.govdx.client.auth;

import io.github.govdx.client.auth.GovdxHmacVerification.Reason;
import io.github.govdx.core.state.StateStoreException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server side of the govdx HMAC scheme (see {@link GovdxHmacAuthenticator} for the signing string), for the sandbox
 * and for providers that terminate gateway authentication themselves. Framework-neutral: it takes the method, raw
 * path, raw query, headers and body bytes as received.
 *
 * <p>Checks, in order (the first failure is reported): headers present and well-formed, algorithm accepted, key id
 * known, timestamp within the allowed skew of the server clock, {@code X-Gdx-Content-SM3} equal to the SM3 of the
 * body, MAC equal (constant-time, {@link MessageDigest#isEqual}), nonce not seen before for this key. A nonce is
 * remembered only after the MAC verified, so forged requests cannot fill the cache. Nonces live in a
 * {@link NonceCache}: by default a bounded {@link InMemoryNonceCache} (size it to at least the peak request rate
 * times twice the skew); several instances share one JDBC or Redis cache so that a nonce used at one is refused at
 * all. A cache that cannot answer fails the request closed ({@link GovdxHmacVerification.Reason#STATE_UNAVAILABLE}).
 *
 * <pre>{@code
 * GovdxHmacVerifier verifier = GovdxHmacVerifier.builder()
 *     .keyLookup(keyId -> Optional.ofNullable(secrets.get(keyId)))
 *     .build();
 * GovdxHmacVerification result = verifier.verify("POST", "/v1/data/query", rawQuery, headers, body);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class GovdxHmacVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(GovdxHmacVerifier.class);
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Set<String> AUTHORIZATION_PARAMETERS =
      Set.of("keyId", "signedHeaders", "signature");

  /** Finds the secret for a key id. Implementations must be thread-safe. */
  @FunctionalInterface
  public interface KeyLookup {
    /**
     * Returns the secret of a key id.
     *
     * @param keyId the key id from the request
     * @return the secret, or empty if the key is unknown
     */
    Optional<GatewaySecret> find(String keyId);
  }

  private final KeyLookup keyLookup;
  private final Clock clock;
  private final Duration allowedSkew;
  private final Set<GovdxHmacAlgorithm> algorithms;
  private final NonceCache nonceCache;

  private GovdxHmacVerifier(Builder builder, KeyLookup keyLookup) {
    this.keyLookup = keyLookup;
    this.clock = builder.clock;
    this.allowedSkew = builder.allowedSkew;
    this.algorithms = Set.copyOf(builder.algorithms);
    this.nonceCache =
        builder.nonceCache != null
            ? builder.nonceCache
            : new InMemoryNonceCache(builder.clock, builder.nonceCacheSize);
  }

  /**
   * Returns a new builder (both algorithms accepted, 300 s skew, 100 000 remembered nonces, system UTC clock).
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a request.
   *
   * @param method the HTTP method as received
   * @param rawPath the path as received, still percent-encoded (without query)
   * @param rawQuery the query as received, still percent-encoded, without {@code ?}; {@code null} if none
   * @param headers the request headers; names are matched case-insensitively
   * @param body the body bytes (empty if none)
   * @return the result; never {@code null}
   * @throws NullPointerException if {@code method}, {@code rawPath}, {@code headers} or {@code body} is {@code null}
   */
  public GovdxHmacVerification verify(
      String method,
      String rawPath,
      @Nullable String rawQuery,
      Map<String, List<String>> headers,
      byte[] body) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(rawPath, "rawPath == null");
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    Instant now = clock.instant();
    @Nullable String signingString = null; // known once the headers parsed
    try {
      Signed request = parse(headers);
      String bodyDigest = AuthSupport.sm3Hex(body);
      signingString =
          GovdxHmacAuthenticator.signingString(
              request.algorithm(),
              method,
              AuthSupport.canonicalPath(rawPath),
              AuthSupport.canonicalQuery(rawQuery),
              request.keyId(),
              request.timestamp(),
              request.nonce(),
              bodyDigest,
              request.signedHeaders());
      check(request, bodyDigest, signingString, now);
      return new GovdxHmacVerification(Reason.OK, "authentic", now, request.keyId(), signingString);
    } catch (Refusal r) {
      LOG.debug("govdx HMAC verification failed: {} (keyId {})", r.reason, r.keyId);
      return new GovdxHmacVerification(r.reason, r.getMessage(), now, r.keyId, signingString);
    }
  }

  /** What a request claims, read from its headers and checked for form (nothing secret is needed yet). */
  private record Signed(
      GovdxHmacAlgorithm algorithm,
      String keyId,
      byte[] signature,
      String timestamp,
      String nonce,
      String claimedDigest,
      Map<String, String> signedHeaders) {}

  /** A refusal on the way through {@link #verify}: its reason and detail become the result. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Reason reason;
    final transient @Nullable String keyId;

    Refusal(Reason reason, String detail, @Nullable String keyId) {
      super(detail, null, false, false);
      this.reason = reason;
      this.keyId = keyId;
    }
  }

  /** Reads the four govdx headers and the signed headers, each once and well-formed. */
  private Signed parse(Map<String, List<String>> headers) {
    List<List<String>> govdx =
        List.of(
            header(headers, GovdxHmacAuthenticator.AUTHORIZATION_HEADER),
            header(headers, GovdxHmacAuthenticator.TIMESTAMP_HEADER),
            header(headers, GovdxHmacAuthenticator.NONCE_HEADER),
            header(headers, GovdxHmacAuthenticator.CONTENT_SM3_HEADER));
    if (govdx.stream().anyMatch(List::isEmpty)) {
      throw new Refusal(Reason.MISSING_HEADER, "a govdx HMAC header is missing", null);
    }
    if (govdx.stream().anyMatch(v -> v.size() > 1)) {
      throw new Refusal(Reason.MALFORMED_HEADER, "a govdx HMAC header is repeated", null);
    }
    String authorization = govdx.get(0).get(0).trim();
    String timestamp = govdx.get(1).get(0).trim();
    String nonce = govdx.get(2).get(0).trim();
    String claimedDigest = govdx.get(3).get(0).trim();
    int space = authorization.indexOf(' ');
    if (space < 0) {
      throw new Refusal(Reason.MALFORMED_HEADER, "Authorization has no parameters", null);
    }
    Map<String, String> params = authorizationParameters(authorization.substring(space + 1));
    String keyId = params.get("keyId");
    if (params.size() < 3 || !GovdxHmacAuthenticator.KEY_ID.matcher(keyId).matches()) {
      throw new Refusal(
          Reason.MALFORMED_HEADER, "Authorization needs keyId, signedHeaders and signature", null);
    }
    GovdxHmacAlgorithm algorithm =
        GovdxHmacAlgorithm.bySchemeName(authorization.substring(0, space));
    if (algorithm == null || !algorithms.contains(algorithm)) {
      throw new Refusal(Reason.UNSUPPORTED_ALGORITHM, "scheme not accepted", keyId);
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(params.get("signature"));
    } catch (IllegalArgumentException e) {
      throw new Refusal(Reason.MALFORMED_HEADER, "signature is not Base64", keyId);
    }
    if (!TIMESTAMP.matcher(timestamp).matches()) {
      throw new Refusal(Reason.MALFORMED_HEADER, "X-Gdx-Timestamp is not Unix seconds", keyId);
    }
    if (!GovdxHmacAuthenticator.NONCE.matcher(nonce).matches()) {
      throw new Refusal(Reason.MALFORMED_HEADER, "X-Gdx-Nonce is malformed", keyId);
    }
    if (!HEX64.matcher(claimedDigest).matches()) {
      throw new Refusal(
          Reason.MALFORMED_HEADER, "X-Gdx-Content-SM3 is not 64 lowercase hex digits", keyId);
    }
    return new Signed(
        algorithm,
        keyId,
        signature,
        timestamp,
        nonce,
        claimedDigest,
        signedHeaders(headers, params.get("signedHeaders"), keyId));
  }

  /** {@code keyId=…, signedHeaders=…, signature=…}: each known parameter at most once, nothing else. */
  private static Map<String, String> authorizationParameters(String text) {
    Map<String, String> params = new TreeMap<>();
    for (String param : text.split(",", -1)) {
      int eq = param.indexOf('=');
      if (eq < 0) {
        throw new Refusal(Reason.MALFORMED_HEADER, "Authorization parameter without '='", null);
      }
      String name = param.substring(0, eq).trim();
      if (!AUTHORIZATION_PARAMETERS.contains(name)
          || params.putIfAbsent(name, param.substring(eq + 1).trim()) != null) {
        throw new Refusal(
            Reason.MALFORMED_HEADER, "unexpected or repeated Authorization parameter", null);
      }
    }
    return params;
  }

  /**
   * The signable headers the request carries, which must be exactly those the signature lists: one that was added,
   * removed or left unsigned is refused.
   */
  private static Map<String, String> signedHeaders(
      Map<String, List<String>> headers, String signedHeaderNames, String keyId) {
    Map<String, String> signed = new TreeMap<>();
    for (String name : GovdxHmacAuthenticator.SIGNED_HEADERS) {
      List<String> values = header(headers, name);
      if (values.size() > 1) {
        throw new Refusal(Reason.MALFORMED_HEADER, name + " is repeated", keyId);
      }
      if (!values.isEmpty()) {
        signed.put(name, values.get(0).trim());
      }
    }
    String present = String.join(";", signed.keySet());
    if (!present.equals(signedHeaderNames)) {
      throw new Refusal(
          Reason.SIGNATURE_MISMATCH,
          String.format(
              "signedHeaders '%s' is not the request's '%s' (a signable header was added, removed"
                  + " or left unsigned)",
              signedHeaderNames, present),
          keyId);
    }
    return signed;
  }

  /**
   * The checks that need the key and the clock, in order: known key, fresh timestamp, body digest, signature, and
   * last the nonce (remembered only for an authentic request).
   */
  private void check(Signed r, String bodyDigest, String signingString, Instant now) {
    Optional<GatewaySecret> secret = keyLookup.find(r.keyId());
    if (secret.isEmpty()) {
      throw new Refusal(Reason.UNKNOWN_KEY, "unknown key id", r.keyId());
    }
    long requestSeconds = Long.parseLong(r.timestamp());
    long skewSeconds = Math.abs(now.getEpochSecond() - requestSeconds);
    if (skewSeconds > allowedSkew.getSeconds()) {
      throw new Refusal(
          Reason.CLOCK_SKEW,
          String.format(
              "timestamp %s is %s s from server time %s (allowed %s s)",
              r.timestamp(), skewSeconds, now.getEpochSecond(), allowedSkew.getSeconds()),
          r.keyId());
    }
    if (!MessageDigest.isEqual(AuthSupport.utf8(r.claimedDigest()), AuthSupport.utf8(bodyDigest))) {
      throw new Refusal(
          Reason.BODY_DIGEST_MISMATCH, "X-Gdx-Content-SM3 does not match the body", r.keyId());
    }
    byte[] expected =
        AuthSupport.hmac(r.algorithm().newDigest(), secret.get(), AuthSupport.utf8(signingString));
    if (!MessageDigest.isEqual(expected, r.signature())) {
      throw new Refusal(
          Reason.SIGNATURE_MISMATCH,
          "signature does not match the server-side signing string",
          r.keyId());
    }
    Instant expiresAt = Instant.ofEpochSecond(requestSeconds).plus(allowedSkew);
    try {
      if (!nonceCache.firstUse(r.keyId() + ' ' + r.nonce(), expiresAt)) {
        throw new Refusal(Reason.NONCE_REPLAYED, "nonce already used", r.keyId());
      }
    } catch (StateStoreException e) {
      throw new Refusal(
          Reason.STATE_UNAVAILABLE,
          "nonce cache unavailable (" + e.code() + "); refused, retry later",
          r.keyId());
    }
  }

  private static List<String> header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(entry -> name.equalsIgnoreCase(entry.getKey()) && entry.getValue() != null)
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(List.of());
  }

  /** Returns the settings; never secrets. */
  @Override
  public String toString() {
    return String.format(
        "GovdxHmacVerifier{algorithms=%s, allowedSkew=%s, nonceCache=%s}",
        algorithms, allowedSkew, nonceCache);
  }

  /** Builds a {@link GovdxHmacVerifier}. Not thread-safe. */
  public static final class Builder {
    private @Nullable KeyLookup keyLookup;
    private Clock clock = Clock.systemUTC();
    private Duration allowedSkew = Duration.ofSeconds(300);
    private Set<GovdxHmacAlgorithm> algorithms = EnumSet.allOf(GovdxHmacAlgorithm.class);
    private int nonceCacheSize = InMemoryNonceCache.DEFAULT_MAX_ENTRIES;
    private @Nullable NonceCache nonceCache;

    private Builder() {}

    /**
     * Sets how secrets are found by key id (required).
     *
     * @param keyLookup the lookup, thread-safe
     * @return this builder
     * @throws NullPointerException if {@code keyLookup} is {@code null}
     */
    public Builder keyLookup(KeyLookup keyLookup) {
      this.keyLookup = Objects.requireNonNull(keyLookup, "keyLookup == null");
      return this;
    }

    /**
     * Sets the server clock; default {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is {@code null}
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the largest accepted difference between request timestamp and server time; default 300 s.
     *
     * @param allowedSkew at least one second
     * @return this builder
     * @throws NullPointerException if {@code allowedSkew} is {@code null}
     * @throws IllegalArgumentException if {@code allowedSkew} is shorter than one second
     */
    public Builder allowedSkew(Duration allowedSkew) {
      Objects.requireNonNull(allowedSkew, "allowedSkew == null");
      if (allowedSkew.getSeconds() < 1) {
        throw new IllegalArgumentException("allowedSkew < 1 s: " + allowedSkew);
      }
      this.allowedSkew = allowedSkew;
      return this;
    }

    /**
     * Restricts the accepted algorithms; default both.
     *
     * @param algorithms the accepted algorithms, not empty
     * @return this builder
     * @throws NullPointerException if {@code algorithms} is {@code null}
     * @throws IllegalArgumentException if {@code algorithms} is empty
     */
    public Builder algorithms(Set<GovdxHmacAlgorithm> algorithms) {
      Objects.requireNonNull(algorithms, "algorithms == null");
      if (algorithms.isEmpty()) {
        throw new IllegalArgumentException("algorithms is empty");
      }
      this.algorithms = EnumSet.copyOf(algorithms);
      return this;
    }

    /**
     * Sets how many nonces the default {@link InMemoryNonceCache} remembers; default 100 000. Ignored when a
     * {@link #nonceCache(NonceCache)} is set.
     *
     * @param nonceCacheSize at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code nonceCacheSize < 1}
     */
    public Builder nonceCacheSize(int nonceCacheSize) {
      if (nonceCacheSize < 1) {
        throw new IllegalArgumentException("nonceCacheSize < 1: " + nonceCacheSize);
      }
      this.nonceCacheSize = nonceCacheSize;
      return this;
    }

    /**
     * Sets the nonce cache (default: a new {@link InMemoryNonceCache} of {@link #nonceCacheSize(int)} entries).
     * Give every instance of one gateway or provider the same shared cache (JDBC or Redis) so that a nonce used
     * at one instance is refused at all of them.
     *
     * @param nonceCache the cache
     * @return this builder
     */
    public Builder nonceCache(NonceCache nonceCache) {
      this.nonceCache = Objects.requireNonNull(nonceCache, "nonceCache == null");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws IllegalStateException if {@code keyLookup} is missing
     */
    public GovdxHmacVerifier build() {
      return new GovdxHmacVerifier(this, AuthValues.required(keyLookup, "keyLookup"));
    }
  }
}
