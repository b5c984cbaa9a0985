package io.github.govdx.client.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.Request;

/**
 * govdx's own gateway scheme: an HMAC (SM3 by default) over the method, path, sorted query, timestamp, nonce and an
 * SM3 digest of the body, so that unlike the provincial schemes the body is covered.
 *
 * <p>Headers added: {@value #TIMESTAMP_HEADER} (Unix seconds), {@value #NONCE_HEADER} (32 random hex digits),
 * {@value #CONTENT_SM3_HEADER} (lowercase hex SM3 of the body bytes; for an empty or absent body
 * {@value #EMPTY_BODY_SM3}) and {@code Authorization: GDX-HMAC-SM3
 * keyId=<keyId>,signedHeaders=<names>,signature=<Base64 MAC>}. The signing string is these lines joined by
 * {@code \n}, without a trailing newline:
 * <pre>
 * GDX-HMAC-SM3            (scheme name of the algorithm)
 * POST                    (method, upper case)
 * /v1/data/query          (canonical path: segments percent-decoded, re-encoded per RFC 3986 §2.3)
 * a=1&amp;b=x%20y         (canonical query: pairs re-encoded, sorted by name then value; may be empty)
 * dept-42                 (key id)
 * 1732470000              (timestamp, as in the header)
 * 3f2a...                 (nonce, as in the header)
 * 1ab21d83...             (SM3 hex of the body, as in the header)
 * content-type;x-gdx-party  (the signed headers: those of {@link #SIGNED_HEADERS} the request has, ";"-joined)
 * content-type:application/json   (one line per signed header: lowercase name, ":", trimmed value)
 * x-gdx-party:11320500014160478L/hotline
 * </pre>
 * The signed headers are those of {@link #SIGNED_HEADERS} present on the request (as SigV4 lists its signed
 * headers), so a gateway or proxy cannot change who the caller claims to be, the idempotency key or the content type
 * without breaking the signature; the verifier refuses a request that carries one of them unsigned.
 * The body must be replayable: a one-shot body is rejected with {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * RequestAuthenticator auth = GovdxHmacAuthenticator.builder()
 *     .keyId("dept-42")
 *     .secret(GatewaySecret.ofUtf8(secretChars))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe (a fresh Bouncy Castle engine per call). {@link GovdxHmacVerifier} is the server
 * side.
 */
public final class GovdxHmacAuthenticator extends GatewayAuthenticator {

  /** Header carrying the Unix time in seconds. */
  public static final String TIMESTAMP_HEADER = "X-Gdx-Timestamp";

  /** Header carrying the nonce. */
  public static final String NONCE_HEADER = "X-Gdx-Nonce";

  /** Header carrying the lowercase hex SM3 digest of the body. */
  public static final String CONTENT_SM3_HEADER = "X-Gdx-Content-SM3";

  /** The standard header carrying scheme, key id and signature. */
  public static final String AUTHORIZATION_HEADER = "Authorization";

  /** SM3 of the empty string (GB/T 32905-2016), the body digest of a request without a body. */
  public static final String EMPTY_BODY_SM3 =
      "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b";

  /**
   * The headers signed when present, lowercase and sorted: {@code Content-Type}, {@code Idempotency-Key},
   * {@code X-Gdx-Party}.
   */
  public static final List<String> SIGNED_HEADERS =
      List.of("content-type", "idempotency-key", "x-gdx-party");

  /** Key ids: 1 to 128 characters that need no quoting in the Authorization header. */
  static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._~:@/+-]{1,128}");

  /** Nonces: 8 to 128 URL-safe characters. */
  static final Pattern NONCE = Pattern.compile("[A-Za-z0-9._~-]{8,128}");

  private final GovdxHmacAlgorithm algorithm;

  private GovdxHmacAuthenticator(Builder builder) {
    super(builder.key("keyId", "secret"));
    this.algorithm = builder.algorithm;
  }

  /**
   * Returns a new builder (HMAC-SM3, system UTC clock, {@code SecureRandom} nonces).
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Signs the request.
   *
   * @throws NullPointerException if {@code request} is {@code null}
   * @throws IllegalArgumentException if the body is one-shot
   * @throws IllegalStateException if the nonce supplier returns a nonce outside {@code [A-Za-z0-9._~-]{8,128}}
   * @throws java.io.UncheckedIOException if the body cannot be read
   */
  @Override
  public AuthenticatedRequest authenticate(Request request) {
    Objects.requireNonNull(request, "request == null");
    String bodyDigest = AuthSupport.sm3Hex(AuthSupport.bodyBytes(request));
    String timestamp = Long.toString(key.clock().instant().getEpochSecond());
    String nonce = key.nonces().get();
    if (nonce == null || !NONCE.matcher(nonce).matches()) {
      throw new IllegalStateException(
          "nonce supplier returned an invalid nonce (need [A-Za-z0-9._~-]{8,128})");
    }
    Map<String, String> signedHeaders = new TreeMap<>();
    for (String name : SIGNED_HEADERS) {
      String value = request.header(name);
      if (value == null && name.equals("content-type") && request.body() != null) {
        MediaType type = request.body().contentType();
        value = type == null ? null : type.toString();
      }
      if (value != null) {
        signedHeaders.put(name, value.trim());
      }
    }
    String signingString =
        signingString(
            algorithm,
            request.method(),
            AuthSupport.canonicalPath(request.url().encodedPath()),
            AuthSupport.canonicalQuery(request.url().encodedQuery()),
            key.id(),
            timestamp,
            nonce,
            bodyDigest,
            signedHeaders);
    String authorization =
        String.format(
            "%s keyId=%s,signedHeaders=%s,signature=%s",
            algorithm.schemeName(),
            key.id(),
            String.join(";", signedHeaders.keySet()),
            base64Hmac(algorithm.newDigest(), signingString));
    Request signed =
        request
            .newBuilder()
            .header(TIMESTAMP_HEADER, timestamp)
            .header(NONCE_HEADER, nonce)
            .header(CONTENT_SM3_HEADER, bodyDigest)
            .header(AUTHORIZATION_HEADER, authorization)
            .build();
    return AuthenticatedRequest.of(signed, algorithm.schemeName(), signingString);
  }

  static String signingString(
      GovdxHmacAlgorithm algorithm,
      String method,
      String canonicalPath,
      String canonicalQuery,
      String keyId,
      String timestamp,
      String nonce,
      String bodyDigest,
      Map<String, String> signedHeaders) {
    List<String> lines =
        new ArrayList<>(
            List.of(
                algorithm.schemeName(),
                method,
                canonicalPath,
                canonicalQuery,
                keyId,
                timestamp,
                nonce,
                bodyDigest,
                String.join(";", signedHeaders.keySet())));
    signedHeaders.forEach((name, value) -> lines.add(name + ':' + value));
    return String.join("\n", lines);
  }

  /** Returns the algorithm and key id; never the secret. */
  @Override
  public String toString() {
    return "GovdxHmacAuthenticator{" + algorithm.schemeName() + ", keyId=" + key.id() + "}";
  }

  /** Builds a {@link GovdxHmacAuthenticator}. Not thread-safe. */
  public static final class Builder extends NonceAuthenticatorBuilder<Builder> {
    private GovdxHmacAlgorithm algorithm = GovdxHmacAlgorithm.HMAC_SM3;

    private Builder() {}

    /**
     * Sets the key id the gateway issued (required).
     *
     * @param keyId 1 to 128 characters of {@code [A-Za-z0-9._~:@/+-]}
     * @return this builder
     * @throws NullPointerException if {@code keyId} is {@code null}
     * @throws IllegalArgumentException if {@code keyId} has other characters or length
     */
    public Builder keyId(String keyId) {
      Objects.requireNonNull(keyId, "keyId == null");
      if (!KEY_ID.matcher(keyId).matches()) {
        throw new IllegalArgumentException("keyId must match [A-Za-z0-9._~:@/+-]{1,128}");
      }
      this.id = keyId;
      return this;
    }

    /**
     * Sets the shared secret (required).
     *
     * @param secret the HMAC key
     * @return this builder
     * @throws NullPointerException if {@code secret} is {@code null}
     */
    public Builder secret(GatewaySecret secret) {
      return fixedSecret(secret, "secret");
    }

    /**
     * Sets the MAC algorithm; default {@link GovdxHmacAlgorithm#HMAC_SM3}.
     *
     * @param algorithm the algorithm
     * @return this builder
     * @throws NullPointerException if {@code algorithm} is {@code null}
     */
    public Builder algorithm(GovdxHmacAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm == null");
      return this;
    }

    /**
     * Builds the authenticator.
     *
     * @return the authenticator
     * @throws IllegalStateException if {@code keyId} or {@code secret} is missing
     */
    public GovdxHmacAuthenticator build() {
      return new GovdxHmacAuthenticator(this);
    }
  }
}
