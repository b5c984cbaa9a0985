package io.github.govdx.client.internal;

import io.github.govdx.client.EnvelopeDigest;
import io.github.govdx.core.GovdxException;

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
   * Digests envelope bytes with the suite's hash.
   *
   * @param envelope the bytes
   * @return the digest
   */
  EnvelopeDigest digest(byte[] envelope);

  /**
   * Verifies a push receipt: signed by {@code signer} (chain checked against the trust store), naming
   * {@code messageId} and {@code digest}.
   *
   * @param receipt the receipt as carried in the receipt payload
   * @param messageId the push's message id
   * @param digest the digest of the push envelope as sent
   * @param signer the party that must have signed it (the receiver of the push)
   * @throws GovdxException if the receipt does not verify or does not cover the message
   */
  void verifyReceipt(com.fasterxml.jackson.databind.JsonNode receipt, String messageId, EnvelopeDigest digest,
      io.github.govdx.core.party.PartyId signer);

  /**
   * Makes a signed receipt over a received message (provider side, DESIGN section 4 "Receipts"): a signed
   * envelope from us to the message's sender, action {@code receipt}, correlation id = the message id, whose
   * payload names the message id and the digest.
   *
   * @param received the routing headers of the received message
   * @param digest the digest of the received envelope
   * @return the receipt, as carried in a {@code push.receipt} payload
   */
  com.fasterxml.jackson.databind.JsonNode receipt(Routing received, EnvelopeDigest digest);
}
