package io.github.govdx.client.auth;

import java.util.Objects;
import okhttp3.Request;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The header HMAC scheme of the Zhejiang data-sharing gateway (浙江省数据共享网关), shaped like APISIX
 * {@code hmac-auth} with renamed headers (see {@code shared/reference/gateways.md}). The body is not signed.
 *
 * <p>Headers added: {@value #ACCESS_KEY_HEADER}, {@value #ALGORITHM_HEADER}{@code : hmac-sha256},
 * {@value #DATE_HEADER} (IMF-fixdate, RFC 9110 §5.6.7, GMT) and {@value #SIGNATURE_HEADER} =
 * Base64(HMAC-SHA256(secretKey, signingString)), where
 * <pre>
 * signingString = METHOD + "\n" + encoded path + "\n" + canonical query + "\n" + key.id() + "\n" + date + "\n"
 * </pre>
 * and the canonical query is the query pairs percent-re-encoded per RFC 3986, sorted by key (then value),
 * {@code k=v} joined by {@code &} (empty when there is no query). The gateway allows 90 s of clock skew.
 *
 * <p>Immutable and thread-safe.
 */
public final class HeaderHmacAuthenticator extends GatewayAuthenticator {

  /** Scheme name reported in {@link AuthenticatedRequest#scheme()}. */
  public static final String SCHEME = "X-BG-HMAC";

  /** Access key header. */
  public static final String ACCESS_KEY_HEADER = "X-BG-HMAC-ACCESS-KEY";

  /** Algorithm header; the value is always {@code hmac-sha256}. */
  public static final String ALGORITHM_HEADER = "X-BG-HMAC-ALGORITHM";

  /** Date header (RFC 1123 / IMF-fixdate, GMT). */
  public static final String DATE_HEADER = "X-BG-DATE-TIME";

  /** Signature header. */
  public static final String SIGNATURE_HEADER = "X-BG-HMAC-SIGNATURE";

  private HeaderHmacAuthenticator(GatewayKey key) {
    super(key);
  }

  /**
   * Returns a new builder.
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
   */
  @Override
  public AuthenticatedRequest authenticate(Request request) {
    Objects.requireNonNull(request, "request == null");
    String date = AuthSupport.IMF_FIXDATE.format(key.clock().instant());
    String signingString =
        String.join(
                "\n",
                request.method(),
                request.url().encodedPath(),
                AuthSupport.canonicalQuery(request.url().encodedQuery()),
                key.id(),
                date)
            + '\n';
    Request signed =
        request
            .newBuilder()
            .header(ACCESS_KEY_HEADER, key.id())
            .header(ALGORITHM_HEADER, "hmac-sha256")
            .header(DATE_HEADER, date)
            .header(SIGNATURE_HEADER, base64Hmac(new SHA256Digest(), signingString))
            .build();
    return AuthenticatedRequest.of(signed, SCHEME, signingString);
  }

  /** Builds a {@link HeaderHmacAuthenticator}. Not thread-safe. */
  public static final class Builder extends AuthenticatorBuilder<Builder> {
    private Builder() {}

    /**
     * Sets the access key (required).
     *
     * @param accessKey the access key, without line breaks
     * @return this builder
     * @throws NullPointerException if {@code accessKey} is {@code null}
     * @throws IllegalArgumentException if {@code accessKey} is blank or contains a line break
     */
    public Builder accessKey(String accessKey) {
      return headerSafeId(accessKey, "accessKey");
    }

    /**
     * Sets the secret key (required).
     *
     * @param secretKey the secret key
     * @return this builder
     * @throws NullPointerException if {@code secretKey} is {@code null}
     */
    public Builder secretKey(GatewaySecret secretKey) {
      return fixedSecret(secretKey, "secretKey");
    }

    /**
     * Builds the authenticator.
     *
     * @return the authenticator
     * @throws IllegalStateException if {@code accessKey} or {@code secretKey} is missing
     */
    public HeaderHmacAuthenticator build() {
      return new HeaderHmacAuthenticator(key("accessKey", "secretKey"));
    }
  }
}
