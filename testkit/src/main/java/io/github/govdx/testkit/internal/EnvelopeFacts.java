package io.github.govdx.testkit.internal;

import io.github.govdx.core.party.PartyId;
import org.jspecify.annotations.Nullable;

/**
 * The cleartext routing facts of an envelope the platform may read ({@code docs/protocol.md} §9): its routing
 * headers and its digest. Never the body.
 *
 * @param messageId the message id
 * @param sender the sender
 * @param receiver the receiver
 * @param resourceCode the resource code
 * @param action the action
 * @param correlationId the correlation id, or null
 * @param digestAlg {@code SM3} (GM) or {@code SHA-256} (INTL)
 * @param digest lowercase hex over the envelope bytes as received
 */
public record EnvelopeFacts(
    String messageId,
    PartyId sender,
    PartyId receiver,
    String resourceCode,
    String action,
    @Nullable String correlationId,
    String digestAlg,
    String digest) {

  /**
   * The ledger entry of these facts.
   *
   * @return the entry
   */
  public MessageLedger.Seen seen() {
    return new MessageLedger.Seen(
        messageId, sender, receiver, resourceCode, action, digestAlg, digest);
  }
}
