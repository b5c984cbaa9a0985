/**
 * Keys and trust for envelopes: {@link io.github.govdx.crypto.key.PartyCredentials} (a party's private key and
 * certificate chain), key generation ({@link io.github.govdx.crypto.key.KeyPairs}), PEM, PKCS#12 and JWK/JWKS
 * input and output, X.509 certificates for parties ({@link io.github.govdx.crypto.key.Certificates}), a
 * {@link io.github.govdx.crypto.key.TrustStore} that validates chains (SM2 and P-256) and the
 * {@link io.github.govdx.crypto.key.PartyDirectory} of receivers' certificates.
 *
 * <p>Private keys never appear in {@code toString()}, logs or exception messages. Everything in this package
 * is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.crypto.key;

import org.jspecify.annotations.NullMarked;
