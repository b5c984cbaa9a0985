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
  private final int nonceCacheSize;
  private final NonceCache nonceCache;

  private GovdxHmacVerifier(Builder builder, KeyLookup keyLookup) {
    this.keyLookup = keyLookup;
    this.clock = builder.clock;
    this.allowedSkew = builder.allowedSkew;
    this.algorithms = Set.copyOf(builder.algorithms);
    this.nonceCacheSize = builder.nonceCacheSize;
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

    List<String> authValues = header(headers, GovdxHmacAuthenticator.AUTHORIZATION_HEADER);
    List<String> timestampValues = header(headers, GovdxHmacAuthenticator.TIMESTAMP_HEADER);
    List<String> nonceValues = header(headers, GovdxHmacAuthenticator.NONCE_HEADER);
    List<String> digestValues = header(headers, GovdxHmacAuthenticator.CONTENT_SM3_HEADER);
    if (authValues.isEmpty()
        || timestampValues.isEmpty()
        || nonceValues.isEmpty()
        || digestValues.isEmpty()) {
      return fail(Reason.MISSING_HEADER, "a govdx HMAC header is missing", now, null, null);
    }
    if (authValues.size() > 1
        || timestampValues.size() > 1
        || nonceValues.size() > 1
        || digestValues.size() > 1) {
      return fail(Reason.MALFORMED_HEADER, "a govdx HMAC header is repeated", now, null, null);
    }
    String authorization = authValues.get(0).trim();
    int space = authorization.indexOf(' ');
    if (space < 0) {
      return fail(Reason.MALFORMED_HEADER, "Authorization has no parameters", now, null, null);
    }
    String schemeName = authorization.substring(0, space);
    String keyId = null;
    String signatureB64 = null;
    String signedHeaderNames = null;
    for (String param : authorization.substring(space + 1).split(",", -1)) {
      int eq = param.indexOf('=');
      if (eq < 0) {
        return fail(
            Reason.MALFORMED_HEADER, "Authorization parameter without '='", now, null, null);
      }
      String name = param.substring(0, eq).trim();
      String value = param.substring(eq + 1).trim();
      if ("keyId".equals(name) && keyId == null) {
        keyId = value;
      } else if ("signature".equals(name) && signatureB64 == null) {
        signatureB64 = value;
      } else if ("signedHeaders".equals(name) && signedHeaderNames == null) {
        signedHeaderNames = value;
      } else {
        return fail(
            Reason.MALFORMED_HEADER,
            "unexpected or repeated Authorization parameter",
            now,
            null,
            null);
      }
    }
    if (keyId == null
        || signatureB64 == null
        || signedHeaderNames == null
        || !GovdxHmacAuthenticator.KEY_ID.matcher(keyId).matches()) {
      return fail(
          Reason.MALFORMED_HEADER,
          "Authorization needs keyId, signedHeaders and signature",
          now,
          null,
          null);
    }
    GovdxHmacAlgorithm algorithm = GovdxHmacAlgorithm.bySchemeName(schemeName);
    if (algorithm == null || !algorithms.contains(algorithm)) {
      return fail(Reason.UNSUPPORTED_ALGORITHM, "scheme not accepted", now, keyId, null);
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(signatureB64);
    } catch (IllegalArgumentException e) {
      return fail(Reason.MALFORMED_HEADER, "signature is not Base64", now, keyId, null);
    }
    String timestamp = timestampValues.get(0).trim();
    String nonce = nonceValues.get(0).trim();
    String claimedDigest = digestValues.get(0).trim();
    if (!TIMESTAMP.matcher(timestamp).matches()) {
      return fail(Reason.MALFORMED_HEADER, "X-Gdx-Timestamp is not Unix seconds", now, keyId, null);
    }
    if (!GovdxHmacAuthenticator.NONCE.matcher(nonce).matches()) {
      return fail(Reason.MALFORMED_HEADER, "X-Gdx-Nonce is malformed", now, keyId, null);
    }
    if (!HEX64.matcher(claimedDigest).matches()) {
      return fail(
          Reason.MALFORMED_HEADER,
          "X-Gdx-Content-SM3 is not 64 lowercase hex digits",
          now,
          keyId,
          null);
    }
    Map<String, String> signedHeaders = new TreeMap<>();
    for (String name : GovdxHmacAuthenticator.SIGNED_HEADERS) {
      List<String> values = header(headers, name);
      if (values.size() > 1) {
        return fail(Reason.MALFORMED_HEADER, name + " is repeated", now, keyId, null);
      }
      if (!values.isEmpty()) {
        signedHeaders.put(name, values.get(0).trim());
      }
    }
    if (!String.join(";", signedHeaders.keySet()).equals(signedHeaderNames)) {
      return fail(
          Reason.SIGNATURE_MISMATCH,
          "signedHeaders '"
              + signedHeaderNames
              + "' is not the request's '"
              + String.join(";", signedHeaders.keySet())
              + "' (a signable header was added, removed or left unsigned)",
          now,
          keyId,
          null);
    }
    String bodyDigest = AuthSupport.sm3Hex(body);
    String signingString =
        GovdxHmacAuthenticator.signingString(
            algorithm,
            method,
            AuthSupport.canonicalPath(rawPath),
            AuthSupport.canonicalQuery(rawQuery),
            keyId,
            timestamp,
            nonce,
            bodyDigest,
            signedHeaders);

    Optional<GatewaySecret> secret = keyLookup.find(keyId);
    if (secret.isEmpty()) {
      return fail(Reason.UNKNOWN_KEY, "unknown key id", now, keyId, signingString);
    }
    long requestSeconds = Long.parseLong(timestamp);
    long skewSeconds = Math.abs(now.getEpochSecond() - requestSeconds);
    if (skewSeconds > allowedSkew.getSeconds()) {
      return fail(
          Reason.CLOCK_SKEW,
          "timestamp "
              + timestamp
              + " is "
              + skewSeconds
              + " s from server time "
              + now.getEpochSecond()
              + " (allowed "
              + allowedSkew.getSeconds()
              + " s)",
          now,
          keyId,
          signingString);
    }
    if (!MessageDigest.isEqual(AuthSupport.utf8(claimedDigest), AuthSupport.utf8(bodyDigest))) {
      return fail(
          Reason.BODY_DIGEST_MISMATCH,
          "X-Gdx-Content-SM3 does not match the body",
          now,
          keyId,
          signingString);
    }
    byte[] expected =
        AuthSupport.hmac(algorithm.newDigest(), secret.get(), AuthSupport.utf8(signingString));
    if (!MessageDigest.isEqual(expected, signature)) {
      return fail(
          Reason.SIGNATURE_MISMATCH,
          "signature does not match the server-side signing string",
          now,
          keyId,
          signingString);
    }
    boolean fresh;
    try {
      fresh = rememberNonce(keyId, nonce, Instant.ofEpochSecond(requestSeconds).plus(allowedSkew));
    } catch (StateStoreException e) {
      return fail(
          Reason.STATE_UNAVAILABLE,
          "nonce cache unavailable (" + e.code() + "); refused, retry later",
          now,
          keyId,
          signingString);
    }
    if (!fresh) {
      return fail(Reason.NONCE_REPLAYED, "nonce already used", now, keyId, signingString);
    }
    return new GovdxHmacVerification(Reason.OK, "authentic", now, keyId, signingString);
  }

  private boolean rememberNonce(String keyId, String nonce, Instant expiresAt) {
    return nonceCache.firstUse(keyId + ' ' + nonce, expiresAt);
  }

  private static List<String> header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (name.equalsIgnoreCase(entry.getKey()) && entry.getValue() != null) {
        return entry.getValue();
      }
    }
    return List.of();
  }

  private static GovdxHmacVerification fail(
      Reason reason,
      String detail,
      Instant now,
      @Nullable String keyId,
      @Nullable String signingString) {
    LOG.debug("govdx HMAC verification failed: {} (keyId {})", reason, keyId);
    return new GovdxHmacVerification(reason, detail, now, keyId, signingString);
  }

  /** Returns the settings; never secrets. */
  @Override
  public String toString() {
    return "GovdxHmacVerifier{algorithms="
        + algorithms
        + ", allowedSkew="
        + allowedSkew
        + ", nonceCache="
        + nonceCache
        + "}";
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
      if (keyLookup == null) {
        throw new IllegalStateException("keyLookup is required");
      }
      return new GovdxHmacVerifier(this, keyLookup);
    }
  }
}
