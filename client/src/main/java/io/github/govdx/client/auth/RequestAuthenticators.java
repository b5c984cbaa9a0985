package io.github.govdx.client.auth;

import java.util.Objects;

/**
 * Ready-made {@link RequestAuthenticator}s that need no builder. The signing schemes each have a builder on their
 * own class: {@link GovdxHmacAuthenticator}, {@link HeaderHmacAuthenticator}, {@link TimestampNonceAuthenticator},
 * {@link ClientIdHmacAuthenticator} and {@link AppKeyAuthenticator}.
 *
 * <p>Thread-safe.
 */
public final class RequestAuthenticators {

  /** Scheme name reported by {@link #none()}. */
  public static final String NONE_SCHEME = "NONE";

  private static final RequestAuthenticator NONE =
      request ->
          AuthenticatedRequest.unsigned(
              Objects.requireNonNull(request, "request == null"), NONE_SCHEME);

  private RequestAuthenticators() {}

  /**
   * Returns an authenticator that leaves the request unchanged (for a platform reached without a gateway, or a
   * sandbox without gateway authentication).
   *
   * @return the no-op authenticator; its results have no signing string
   */
  public static RequestAuthenticator none() {
    return NONE;
  }
}
