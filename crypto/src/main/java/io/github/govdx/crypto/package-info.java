/**
 * Signed and encrypted message envelopes for the exchange (DESIGN §4): {@link io.github.govdx.crypto.EnvelopeCodec}
 * signs, seals (sign, then encrypt), verifies and opens {@link io.github.govdx.crypto.Envelope}s in the GM
 * (SM2/SM3/SM4) or INTL (ES256, ECDH-ES+A256KW, A256GCM) {@link io.github.govdx.crypto.Suite}, bound to their
 * {@link io.github.govdx.crypto.RoutingHeaders}. Every failed check is an
 * {@link io.github.govdx.crypto.EnvelopeException} with a stable {@link io.github.govdx.crypto.CryptoErrorCode}.
 * The wire format is specified in {@code docs/envelope.md}.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.crypto;

import org.jspecify.annotations.NullMarked;
