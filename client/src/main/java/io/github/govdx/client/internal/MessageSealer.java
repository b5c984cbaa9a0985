package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.EnvelopeDigest;
import io.github.govdx.core.GovdxException;
import io.github.govdx.crypto.evidence.Receipt;
import java.util.Optional;

/**
 * The envelope operations the pipeline needs, over govdx-crypto's {@code EnvelopeCodec}: seal a payload to
 * a receiver, open a received envelope (every check of DESIGN section 4: algorithms, signature, chain,
 * sender, receiver is me, skew, replay), and digest envelope bytes. Implementations are thread-safe.
 */
public interface MessageSealer {

  /**
   * Signs and encrypts a payload.
   *
   * @param routing the routing headers (receiver included)
   * @param payload the plaintext
   * @return the sealed message with its exact bytes and digest
   * @throws GovdxException if sealing fails (e.g. no certificate for the receiver)
   */
  SealedMessage seal(Routing routing, byte[] payload);

  /**
   * Opens and verifies a received envelope.
   *
   * @param envelope the envelope bytes as received
   * @param replayCheck whether to refuse a message id seen before; {@code false} only for a push answer the
   *     server marked {@code Idempotency-Replayed}, which is bound to the identical, re-sent request
   * @return the opened message
   * @throws GovdxException (the crypto module's envelope exception) if any check fails
   */
  OpenedResponse open(byte[] envelope, boolean replayCheck);

  /**
   * Opens and verifies a received envelope with every check but the replay cache: for a push, whose message id
   * the provider's idempotency store claims instead (so a push resumed after a failed attempt is not refused as
   * a replay of itself, while the same message under another key still is).
   *
   * @param envelope the envelope bytes as received
   * @return the opened message
   * @throws GovdxException (the crypto module's envelope exception) if any check fails
   */
  OpenedResponse openClaimed(byte[] envelope);

  /**
   * Digests envelope bytes with the suite's hash.
   *
   * @param envelope the bytes
   * @return the digest
   */
  EnvelopeDigest digest(byte[] envelope);

  /**
   * The message id of an envelope, from its authenticated routing header, without decrypting or checking it.
   *
   * @param envelope the envelope bytes
   * @return the message id
   * @throws GovdxException if the envelope cannot be parsed
   */
  String messageId(byte[] envelope);

  /**
   * Verifies a push receipt ({@code docs/protocol.md} section 10, govdx-crypto's {@link Receipt}): signed by the
   * receiver of the push (chain checked against the trust store), naming the push's message id, sender and
   * receiver, and the digest of the exact envelope bytes sent.
   *
   * @param receipt the receipt as carried in the {@code push.receipt} payload
   * @param sent the push as sent
   * @return the verified receipt; empty only from test stand-ins without cryptography (the shipped
   *     {@link CodecSealer} always returns it)
   * @throws GovdxException if the receipt does not verify or does not cover the message
   */
  Optional<Receipt> verifyReceipt(JsonNode receipt, SealedMessage sent);

  /**
   * Verifies the receipt of a push sealed more than once under one message id (an outbox): the receipted digest
   * may be that of any envelope sealed for it.
   *
   * @param receipt the receipt as carried in the {@code push.receipt} payload
   * @param sent the push as last sent
   * @param sentDigests the digests (hex) of every envelope sealed for the message id
   * @return the verified receipt
   */
  Optional<Receipt> verifyReceipt(
      JsonNode receipt, SealedMessage sent, java.util.Collection<String> sentDigests);

  /**
   * Issues a signed receipt over a received message (provider side, DESIGN section 4 "Receipts"): govdx-crypto's
   * {@link Receipt} over the message id, parties and digest of the envelope exactly as received.
   *
   * @param received the envelope bytes as received (already opened and accepted)
   * @param routing their routing headers
   * @param digest their digest
   * @return the receipt in its wire form, as carried in a {@code push.receipt} payload
   */
  JsonNode receipt(byte[] received, Routing routing, EnvelopeDigest digest);

  /**
   * Seals a payload to ourselves (sender and receiver are this party, sealed to our own encryption
   * certificate): how an outbox keeps what it must be able to seal again later without plaintext at rest.
   *
   * @param routing the routing; its receiver must be this party
   * @param payload the payload
   * @return the sealed copy
   */
  SealedMessage sealToSelf(Routing routing, byte[] payload);

  /**
   * Opens an envelope sealed by {@link #sealToSelf}: every check but the replay cache, with the long skew window
   * of the idempotency retention (24 hours), and sender and receiver both this party.
   *
   * @param envelope the sealed copy
   * @return the opened copy
   */
  OpenedResponse openOwn(byte[] envelope);

  /**
   * Seals a large body to a receiver as a sealed stream (file transfers, {@code docs/protocol.md} §15), in constant
   * memory.
   *
   * @param routing the routing (issued-at is the stream's)
   * @param plaintext the body, read to its end
   * @param out the sealed stream
   * @return the number of plaintext bytes sealed
   * @throws UnsupportedOperationException if this sealer has no stream support
   */
  default long sealStream(
      Routing routing, java.io.InputStream plaintext, java.io.OutputStream out) {
    throw new UnsupportedOperationException("this sealer does not seal streams");
  }

  /**
   * Opens the sealed stream of a platform transfer addressed to us ({@code transfers().receive}). The replay check
   * is bound to the transfer: the same stream opens again for the same transfer id (a receive cut short after
   * opening and before its acknowledgement is simply received again), never for another transfer.
   *
   * @param transferId the platform's transfer id the stream was downloaded from
   * @param sealed the sealed stream
   * @param out the plaintext
   * @return what opening established
   * @throws io.github.govdx.crypto.ReplayDetectedException if the stream was opened before for another transfer
   * @throws UnsupportedOperationException if this sealer has no stream support
   */
  default io.github.govdx.crypto.OpenedStream openTransferStream(
      String transferId, java.io.InputStream sealed, java.io.OutputStream out) {
    throw new UnsupportedOperationException("this sealer does not open streams");
  }

  /**
   * Opens a sealed stream received by a provider ({@code docs/protocol.md} §15.8): like {@link
   * #openTransferStream(String, java.io.InputStream, java.io.OutputStream)} but without the replay cache, whose part the
   * provider's idempotency store plays (the stream's message id is claimed there before opening, so that an
   * attempt cut short can be resumed).
   *
   * @param sealed the sealed stream
   * @param out the plaintext
   * @return what opening established
   * @throws UnsupportedOperationException if this sealer has no stream support
   */
  default io.github.govdx.crypto.OpenedStream openStreamClaimed(
      java.io.InputStream sealed, java.io.OutputStream out) {
    throw new UnsupportedOperationException("this sealer does not open streams");
  }

  /**
   * Issues our signed receipt over a sealed stream received whole (file transfers).
   *
   * @param opened what opening established
   * @param sealedDigest the suite's digest (hex) of the sealed bytes as received
   * @return the receipt
   * @throws UnsupportedOperationException if this sealer has no stream support
   */
  default io.github.govdx.crypto.evidence.Receipt streamReceipt(
      io.github.govdx.crypto.OpenedStream opened, String sealedDigest) {
    throw new UnsupportedOperationException("this sealer does not receipt streams");
  }

  /**
   * Verifies a receiver's receipt over a sealed stream we sent.
   *
   * @param receipt the receipt
   * @param sent the stream's routing as sealed
   * @param sealedDigest the suite's digest (hex) of the sealed bytes sent
   * @return the receiver's certificate
   * @throws io.github.govdx.core.GovdxException {@code GDX-2501} if it does not verify
   * @throws UnsupportedOperationException if this sealer has no stream support
   */
  default java.security.cert.X509Certificate verifyStreamReceipt(
      io.github.govdx.crypto.evidence.Receipt receipt, Routing sent, String sealedDigest) {
    throw new UnsupportedOperationException("this sealer does not verify stream receipts");
  }

  /** @return the suite sealed with, or empty when the sealer does not say */
  default java.util.Optional<io.github.govdx.crypto.Suite> streamSuite() {
    return java.util.Optional.empty();
  }
}
