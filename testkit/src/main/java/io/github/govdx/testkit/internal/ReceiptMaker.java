package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.crypto.key.PartyCredentials;
import java.time.Instant;

/** Makes the signed receipt of a stored push ({@code docs/protocol.md} §10). Implementations are thread-safe. */
@FunctionalInterface
public interface ReceiptMaker {

  /**
   * Signs a receipt over a message id and the digest of the push envelope.
   *
   * @param provider the receiving provider's credentials
   * @param messageId the push's message id
   * @param envelopeBytes the push envelope exactly as received
   * @param at the time of receipt
   * @return the receipt as JSON
   */
  JsonNode make(PartyCredentials provider, String messageId, byte[] envelopeBytes, Instant at);
}
