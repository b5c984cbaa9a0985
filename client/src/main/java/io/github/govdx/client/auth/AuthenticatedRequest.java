package io.github.govdx.client.auth;

import java.util.Objects;
import java.util.Optional;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@link RequestAuthenticator#authenticate}: the request to send, the name of the scheme that
 * authenticated it and the string that was signed (with any secret replaced by a placeholder), so that a gateway's
 * 401 can be diagnosed by comparing it with the gateway's own signing string.
 *
 * <p>Immutable and thread-safe. Equality is identity: {@link Request} has no value equality.
 */
public final class AuthenticatedRequest {

  private final Request request;
  private final String scheme;
  private final @Nullable String signingString;

  private AuthenticatedRequest(Request request, String scheme, @Nullable String signingString) {
    this.request = Objects.requireNonNull(request, "request == null");
    this.scheme = Objects.requireNonNull(scheme, "scheme == null");
    this.signingString = signingString;
  }

  /**
   * Creates a result that carries a signing string.
   *
   * @param request the authenticated request
   * @param scheme the scheme name, e.g. {@code GDX-HMAC-SM3}
   * @param signingString the signed string, free of secrets
   * @return the result
   * @throws NullPointerException if an argument is {@code null}
   */
  public static AuthenticatedRequest of(Request request, String scheme, String signingString) {
    return new AuthenticatedRequest(
        request, scheme, Objects.requireNonNull(signingString, "signingString == null"));
  }

  /**
   * Creates a result for a scheme that signs nothing (for example no authentication, or a bearer token).
   *
   * @param request the request
   * @param scheme the scheme name
   * @return the result, with an empty {@link #signingString()}
   * @throws NullPointerException if an argument is {@code null}
   */
  public static AuthenticatedRequest unsigned(Request request, String scheme) {
    return new AuthenticatedRequest(request, scheme, null);
  }

  /**
   * Returns the request to send.
   *
   * @return the request with authentication added
   */
  public Request request() {
    return request;
  }

  /**
   * Returns the exact string that was signed, with any secret it contains replaced by a placeholder such as
   * {@code {token}}. Empty when the scheme signs nothing.
   *
   * @return the signing string, never containing a secret
   */
  public Optional<String> signingString() {
    return Optional.ofNullable(signingString);
  }

  /**
   * Returns the scheme name, e.g. {@code GDX-HMAC-SM3}, {@code X-BG-HMAC}, {@code APP-KEY-MD5}.
   *
   * @return the scheme name
   */
  public String scheme() {
    return scheme;
  }

  /** Returns the scheme, method and URL; never headers (they carry credentials). */
  @Override
  public String toString() {
    return String.format(
        "AuthenticatedRequest{scheme=%s, method=%s, url=%s}",
        scheme, request.method(), request.url().encodedPath());
  }
}
