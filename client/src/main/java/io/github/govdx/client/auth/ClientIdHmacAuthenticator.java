package io.github.govdx.client.auth;

import java.util.Objects;
import okhttp3.Request;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The client-id HMAC scheme of the Shandong open-data gateway (山东公共数据开放网关; see
 * {@code shared/reference/gateways.md}). The body is not signed.
 *
 * <p>Headers added: {@value #CLIENT_ID_HEADER}, {@value #TIMESTAMP_HEADER} (Unix milliseconds; the gateway accepts
 * 10 minutes), {@value #NONCE_HEADER} and {@value #SIGNATURE_HEADER} =
 * Base64(HMAC-SHA256(secret, key.id() + timestamp + nonce)); the signing string is that concatenation.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClientIdHmacAuthenticator extends GatewayAuthenticator {

  /** Scheme name reported in {@link AuthenticatedRequest#scheme()}. */
  public static final String SCHEME = "X-CLIENT-HMAC-SHA256";

  /** Client id header. */
  public static final String CLIENT_ID_HEADER = "X-Client-Id";

  /** Timestamp header (Unix milliseconds). */
  public static final String TIMESTAMP_HEADER = "X-Timestamp";

  /** Nonce header. */
  public static final String NONCE_HEADER = "X-Nonce";

  /** Signature header. */
  public static final String SIGNATURE_HEADER = "X-Signature";

  private ClientIdHmacAuthenticator(GatewayKey key) {
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
   * @throws IllegalStateException if the nonce supplier returns an empty or non-printable nonce
   */
  @Override
  public AuthenticatedRequest authenticate(Request request) {
    Objects.requireNonNull(request, "request == null");
    String timestamp = Long.toString(key.clock().millis());
    String nonce = key.nonce();
    String signingString = key.id() + timestamp + nonce;
    Request signed =
        request
            .newBuilder()
            .header(CLIENT_ID_HEADER, key.id())
            .header(TIMESTAMP_HEADER, timestamp)
            .header(NONCE_HEADER, nonce)
            .header(SIGNATURE_HEADER, base64Hmac(new SHA256Digest(), signingString))
            .build();
    return AuthenticatedRequest.of(signed, SCHEME, signingString);
  }

  /** Builds a {@link ClientIdHmacAuthenticator}. Not thread-safe. */
  public static final class Builder extends NonceAuthenticatorBuilder<Builder> {
    private Builder() {}

    /**
     * Sets the client id (required).
     *
     * @param clientId the id sent in {@code X-Client-Id}
     * @return this builder
     * @throws NullPointerException if {@code clientId} is {@code null}
     * @throws IllegalArgumentException if {@code clientId} is blank or has a control character
     */
    public Builder clientId(String clientId) {
      return headerSafeId(clientId, "clientId");
    }

    /**
     * Sets the secret (required).
     *
     * @param secret the HMAC key
     * @return this builder
     * @throws NullPointerException if {@code secret} is {@code null}
     */
    public Builder secret(GatewaySecret secret) {
      return fixedSecret(secret, "secret");
    }

    /**
     * Builds the authenticator.
     *
     * @return the authenticator
     * @throws IllegalStateException if {@code clientId} or {@code secret} is missing
     */
    public ClientIdHmacAuthenticator build() {
      return new ClientIdHmacAuthenticator(key("clientId", "secret"));
    }
  }
}
