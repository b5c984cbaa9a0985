package io.github.govdx.client.internal;

import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ExchangeClientException;
import io.github.govdx.client.auth.AuthenticatedRequest;
import io.github.govdx.client.auth.RequestAuthenticator;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Signs every attempt with the configured gateway {@link RequestAuthenticator} (fresh timestamp and nonce per
 * attempt, over the final, sealed body) and records the signing string for the 401 diagnosis. Thread-safe.
 */
public final class AuthenticationInterceptor implements Interceptor {

  private final RequestAuthenticator authenticator;

  /**
   * Creates the interceptor.
   *
   * @param authenticator the gateway authenticator
   */
  public AuthenticationInterceptor(RequestAuthenticator authenticator) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator == null");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    CallState st = chain.request().tag(CallState.class);
    AuthenticatedRequest a;
    try {
      a = authenticator.authenticate(chain.request());
    } catch (RuntimeException e) {
      throw new GovdxIoException(
          new ExchangeClientException(
              ClientErrorCode.AUTHENTICATION_FAILED,
              "the gateway authenticator could not sign the request (%s)"
                  .formatted(e.getClass().getSimpleName()),
              e,
              false,
              st == null ? null : st.requestId(),
              st == null ? 0 : st.attempts()));
    }
    if (st != null) {
      st.signingString(a.signingString().orElse(null));
    }
    return chain.proceed(a.request());
  }
}
