package io.github.govdx.client.auth;

import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.bouncycastle.crypto.digests.MD5Digest;

/**
 * The legacy app-key scheme of the older Zhejiang gateway (see {@code shared/reference/gateways.md}). MD5 is weak;
 * use this only where the gateway demands it. The body is not signed.
 *
 * <p>Query parameters set (replacing any of the same name): {@value #APP_KEY_PARAM}, {@value #REQUEST_TIME_PARAM}
 * (Unix milliseconds) and {@value #SIGN_PARAM} = lowercase hex MD5(key.id() + requestSecret + requestTime) over the
 * UTF-8 bytes. The request secret expires and is refreshed with the app secret, so it is taken from a supplier on
 * every call. {@link AuthenticatedRequest#signingString()} shows the secret as the placeholder
 * {@code {requestSecret}}.
 *
 * <p>Immutable and thread-safe when the supplier is.
 */
public final class AppKeyAuthenticator extends GatewayAuthenticator {

  /** Scheme name reported in {@link AuthenticatedRequest#scheme()}. */
  public static final String SCHEME = "APP-KEY-MD5";

  /** App key query parameter. */
  public static final String APP_KEY_PARAM = "appKey";

  /** Request time query parameter (Unix milliseconds). */
  public static final String REQUEST_TIME_PARAM = "requestTime";

  /** Signature query parameter. */
  public static final String SIGN_PARAM = "sign";

  private AppKeyAuthenticator(GatewayKey key) {
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
   * @throws NullPointerException if {@code request} is {@code null} or the secret supplier returns {@code null}
   */
  @Override
  public AuthenticatedRequest authenticate(Request request) {
    Objects.requireNonNull(request, "request == null");
    String requestTime = Long.toString(key.clock().millis());
    String sign = hexDigestAroundSecret(new MD5Digest(), key.id(), requestTime);
    HttpUrl url =
        request
            .url()
            .newBuilder()
            .setQueryParameter(APP_KEY_PARAM, key.id())
            .setQueryParameter(REQUEST_TIME_PARAM, requestTime)
            .setQueryParameter(SIGN_PARAM, sign)
            .build();
    return AuthenticatedRequest.of(
        request.newBuilder().url(url).build(), SCHEME, key.id() + "{requestSecret}" + requestTime);
  }

  /** Builds an {@link AppKeyAuthenticator}. Not thread-safe. */
  public static final class Builder extends AuthenticatorBuilder<Builder> {
    private Builder() {}

    /**
     * Sets the app key (required).
     *
     * @param appKey the app key
     * @return this builder
     * @throws NullPointerException if {@code appKey} is {@code null}
     * @throws IllegalArgumentException if {@code appKey} is blank or has a control character
     */
    public Builder appKey(String appKey) {
      return headerSafeId(appKey, "appKey");
    }

    /**
     * Sets a fixed request secret (this or {@link #requestSecret(Supplier)} is required).
     *
     * @param requestSecret the request secret
     * @return this builder
     * @throws NullPointerException if {@code requestSecret} is {@code null}
     */
    public Builder requestSecret(GatewaySecret requestSecret) {
      return fixedSecret(requestSecret, "requestSecret");
    }

    /**
     * Sets where the current request secret comes from, for gateways that expire it (the supplier refreshes it
     * with the app secret). Must be thread-safe.
     *
     * @param requestSecret the supplier, called on every request
     * @return this builder
     * @throws NullPointerException if {@code requestSecret} is {@code null}
     */
    public Builder requestSecret(Supplier<GatewaySecret> requestSecret) {
      this.secret = Objects.requireNonNull(requestSecret, "requestSecret == null");
      return this;
    }

    /**
     * Builds the authenticator.
     *
     * @return the authenticator
     * @throws IllegalStateException if {@code appKey} or {@code requestSecret} is missing
     */
    public AppKeyAuthenticator build() {
      return new AppKeyAuthenticator(key("appKey", "requestSecret"));
    }
  }
}
