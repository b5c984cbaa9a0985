/**
 * Proof of receipt and the evidence trail (GB/T 39786-2021 §8.4 h, non-repudiation of origin and receipt):
 * {@link io.github.govdx.crypto.evidence.Receipt}, a receiver-signed statement over a message id and the
 * digest of the received envelope, and {@link io.github.govdx.crypto.evidence.EvidenceLog}, an append-only,
 * SM3 hash-chained log of sealed, opened and receipted messages (no payloads, no personal data) whose
 * integrity {@link io.github.govdx.crypto.evidence.EvidenceLogVerifier} checks line by line.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.crypto.evidence;

import org.jspecify.annotations.NullMarked;
