package io.github.govdx.client.auth;

import java.util.Objects;
import okhttp3.Request;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.jspecify.annotations.Nullable;

/**
 * The timestamp-nonce SHA-256 scheme of the Guangdong gateways (广东政务服务网关, {@code x-tif-*} headers; see
 * {@code shared/reference/gateways.md}). The body is not signed.
 *
 * <p>Headers added: {@value #PAAS_ID_HEADER} (application id), {@value #TIMESTAMP_HEADER} (Unix seconds),
 * {@value #NONCE_HEADER}, {@value #SIGNATURE_HEADER} = lowercase hex SHA-256(timestamp + token + nonce + timestamp)
 * over the UTF-8 bytes, and {@value #SERVICE_ID_HEADER} when a service id is set. Because the token is part of the
 * hashed string, {@link AuthenticatedRequest#signingString()} shows it as the placeholder {@code {token}}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TimestampNonceAuthenticator extends GatewayAuthenticator {

  /** Scheme name reported in {@link AuthenticatedRequest#scheme()}. */
  public static final String SCHEME = "X-TIF-SHA256";

  /** Application id header. */
  public static final String PAAS_ID_HEADER = "x-tif-paasid";

  /** Timestamp header (Unix seconds). */
  public static final String TIMESTAMP_HEADER = "x-tif-timestamp";

  /** Nonce header. */
  public static final String NONCE_HEADER = "x-tif-nonce";

  /** Signature header. */
  public static final String SIGNATURE_HEADER = "x-tif-signature";

  /** Optional service id header. */
  public static final String SERVICE_ID_HEADER = "x-tif-serviceId";

  private final @Nullable String serviceId;

  private TimestampNonceAuthenticator(Builder builder) {
    super(builder.key("paasId", "token"));
    this.serviceId = builder.serviceId;
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
    String timestamp = Long.toString(key.clock().instant().getEpochSecond());
    String nonce = key.nonce();
    String signature = hexDigestAroundSecret(new SHA256Digest(), timestamp, nonce + timestamp);
    Request.Builder signed =
        request
            .newBuilder()
            .header(PAAS_ID_HEADER, key.id())
            .header(TIMESTAMP_HEADER, timestamp)
            .header(NONCE_HEADER, nonce)
            .header(SIGNATURE_HEADER, signature);
    if (serviceId != null) {
      signed.header(SERVICE_ID_HEADER, serviceId);
    }
    return AuthenticatedRequest.of(
        signed.build(), SCHEME, timestamp + "{token}" + nonce + timestamp);
  }

  /** Builds a {@link TimestampNonceAuthenticator}. Not thread-safe. */
  public static final class Builder extends NonceAuthenticatorBuilder<Builder> {
    private @Nullable String serviceId;

    private Builder() {}

    /**
     * Sets the application id (required).
     *
     * @param paasId the id sent in {@code x-tif-paasid}
     * @return this builder
     * @throws NullPointerException if {@code paasId} is {@code null}
     * @throws IllegalArgumentException if {@code paasId} is blank or has a control character
     */
    public Builder paasId(String paasId) {
      return headerSafeId(paasId, "paasId");
    }

    /**
     * Sets the token (required).
     *
     * @param token the token
     * @return this builder
     * @throws NullPointerException if {@code token} is {@code null}
     */
    public Builder token(GatewaySecret token) {
      return fixedSecret(token, "token");
    }

    /**
     * Sets the service id sent in {@code x-tif-serviceId} (optional).
     *
     * @param serviceId the service id
     * @return this builder
     * @throws NullPointerException if {@code serviceId} is {@code null}
     * @throws IllegalArgumentException if {@code serviceId} is blank or has a control character
     */
    public Builder serviceId(String serviceId) {
      this.serviceId = AuthValues.headerSafe(serviceId, "serviceId");
      return this;
    }

    /**
     * Builds the authenticator.
     *
     * @return the authenticator
     * @throws IllegalStateException if {@code paasId} or {@code token} is missing
     */
    public TimestampNonceAuthenticator build() {
      return new TimestampNonceAuthenticator(this);
    }
  }
}
