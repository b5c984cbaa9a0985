package io.github.govdx.client.auth;

import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.jspecify.annotations.Nullable;

/**
 * The legacy app-key scheme of the older Zhejiang gateway (see {@code shared/reference/gateways.md}). MD5 is weak;
 * use this only where the gateway demands it. The body is not signed.
 *
 * <p>Query parameters set (replacing any of the same name): {@value #APP_KEY_PARAM}, {@value #REQUEST_TIME_PARAM}
 * (Unix milliseconds) and {@value #SIGN_PARAM} = lowercase hex MD5(appKey + requestSecret + requestTime) over the
 * UTF-8 bytes. The request secret expires and is refreshed with the app secret, so it is taken from a supplier on
 * every call. {@link AuthenticatedRequest#signingString()} shows the secret as the placeholder
 * {@code {requestSecret}}.
 *
 * <p>Immutable and thread-safe when the supplier is.
 */
public final class AppKeyAuthenticator implements RequestAuthenticator {

  /** Scheme name reported in {@link AuthenticatedRequest#scheme()}. */
  public static final String SCHEME = "APP-KEY-MD5";

  /** App key query parameter. */
  public static final String APP_KEY_PARAM = "appKey";

  /** Request time query parameter (Unix milliseconds). */
  public static final String REQUEST_TIME_PARAM = "requestTime";

  /** Signature query parameter. */
  public static final String SIGN_PARAM = "sign";

  private final String appKey;
  private final Supplier<GatewaySecret> requestSecret;
  private final Clock clock;

  private AppKeyAuthenticator(String appKey, Supplier<GatewaySecret> requestSecret, Clock clock) {
    this.appKey = appKey;
    this.requestSecret = requestSecret;
    this.clock = clock;
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
    GatewaySecret secret =
        Objects.requireNonNull(requestSecret.get(), "requestSecret supplier returned null");
    String requestTime = Long.toString(clock.millis());
    byte[] hashed =
        AuthSupport.concat(AuthSupport.utf8(appKey), secret.bytes(), AuthSupport.utf8(requestTime));
    String sign = AuthSupport.hex(AuthSupport.digest(new MD5Digest(), hashed));
    Arrays.fill(hashed, (byte) 0);
    HttpUrl url =
        request
            .url()
            .newBuilder()
            .setQueryParameter(APP_KEY_PARAM, appKey)
            .setQueryParameter(REQUEST_TIME_PARAM, requestTime)
            .setQueryParameter(SIGN_PARAM, sign)
            .build();
    return AuthenticatedRequest.of(
        request.newBuilder().url(url).build(), SCHEME, appKey + "{requestSecret}" + requestTime);
  }

  /** Returns the app key; never the secret. */
  @Override
  public String toString() {
    return "AppKeyAuthenticator{appKey=" + appKey + "}";
  }

  /** Builds an {@link AppKeyAuthenticator}. Not thread-safe. */
  public static final class Builder extends AuthenticatorBuilder<Builder> {
    private @Nullable String appKey;
    private @Nullable Supplier<GatewaySecret> requestSecret;

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
      this.appKey = AuthValues.headerSafe(appKey, "appKey");
      return this;
    }

    /**
     * Sets a fixed request secret (this or {@link #requestSecret(Supplier)} is required).
     *
     * @param requestSecret the request secret
     * @return this builder
     * @throws NullPointerException if {@code requestSecret} is {@code null}
     */
    public Builder requestSecret(GatewaySecret requestSecret) {
      Objects.requireNonNull(requestSecret, "requestSecret == null");
      this.requestSecret = () -> requestSecret;
      return this;
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
      this.requestSecret = Objects.requireNonNull(requestSecret, "requestSecret == null");
      return this;
    }

    /**
     * Builds the authenticator.
     *
     * @return the authenticator
     * @throws IllegalStateException if {@code appKey} or {@code requestSecret} is missing
     */
    public AppKeyAuthenticator build() {
      return new AppKeyAuthenticator(
          AuthValues.required(appKey, "appKey"),
          AuthValues.required(requestSecret, "requestSecret"),
          clock);
    }
  }
}
