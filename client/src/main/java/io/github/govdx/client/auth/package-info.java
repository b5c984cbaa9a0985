/**
 * Gateway authentication (网关鉴权): the {@link io.github.govdx.client.auth.RequestAuthenticator} SPI, govdx's own
 * body-covering HMAC scheme ({@link io.github.govdx.client.auth.GovdxHmacAuthenticator}, with the server-side
 * {@link io.github.govdx.client.auth.GovdxHmacVerifier}) and adapters for the schemes provincial data-sharing
 * gateways use today (header HMAC, legacy app key, timestamp-nonce SHA-256, client-id HMAC). See
 * {@code docs/gateway-auth.md} for the exact signing strings.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client.auth;

import org.jspecify.annotations.NullMarked;
