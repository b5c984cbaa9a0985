package io.github.govdx.client.auth;

import okhttp3.Request;

/**
 * Adds a gateway's authentication headers or parameters to an outgoing request (网关鉴权).
 *
 * <p>Implementations must be thread-safe: one instance serves every call of a client. They may read the request
 * body (through an okio {@code Buffer}) but never consume a one-shot body; an implementation that needs the body
 * and gets a one-shot body throws {@link IllegalArgumentException}. The returned
 * {@link AuthenticatedRequest#signingString()} is what a 401 diagnosis shows, so it never contains a secret.
 *
 * <pre>{@code
 * RequestAuthenticator auth = GovdxHmacAuthenticator.builder()
 *     .keyId("dept-42")
 *     .secret(GatewaySecret.ofUtf8(secretChars))
 *     .build();
 * AuthenticatedRequest signed = auth.authenticate(request);
 * }</pre>
 */
@FunctionalInterface
public interface RequestAuthenticator {

  /**
   * Returns the request with authentication added, the scheme name and the signing string.
   *
   * @param request the request to authenticate, with its final URL, method and body
   * @return the authenticated request; never {@code null}
   * @throws NullPointerException if {@code request} is {@code null}
   * @throws IllegalArgumentException if the scheme needs the body and the body is one-shot
   * @throws java.io.UncheckedIOException if the body cannot be read
   */
  AuthenticatedRequest authenticate(Request request);
}
