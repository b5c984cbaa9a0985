package io.github.govdx.testkit.internal;

import io.github.govdx.core.party.PartyId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The envelopes that passed through the platform (requests and sealed answers), by message id, with their
 * routing headers and digest: what an objection must cite ({@code docs/protocol.md} §12). The platform records
 * only cleartext routing headers and digests, never bodies. Thread-safe.
 */
public final class MessageLedger {

  /**
   * One envelope seen.
   *
   * @param messageId the message id
   * @param sender the sender
   * @param receiver the receiver
   * @param resourceCode the resource
   * @param action the action
   * @param digestAlg {@code SM3} or {@code SHA-256}
   * @param digest lowercase hex over the envelope bytes
   */
  public record Seen(
      String messageId,
      PartyId sender,
      PartyId receiver,
      String resourceCode,
      String action,
      String digestAlg,
      String digest) {}

  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  /**
   * Records an envelope.
   *
   * @param s the envelope's routing facts
   */
  public void record(Seen s) {
    seen.putIfAbsent(s.messageId(), s);
  }

  /**
   * Whether a citation is valid: the message passed between the objector and the provider (either direction)
   * for the resource, and the digest matches.
   *
   * @param messageId the cited id
   * @param alg the cited algorithm
   * @param digest the cited digest
   * @param objector the objecting party
   * @param provider the resource's provider
   * @param resourceCode the resource
   * @return whether the citation holds
   */
  public boolean cites(
      String messageId,
      String alg,
      String digest,
      PartyId objector,
      PartyId provider,
      String resourceCode) {
    Seen s = seen.get(messageId);
    if (s == null || !s.resourceCode().equals(resourceCode) || !s.digestAlg().equals(alg)) {
      return false;
    }
    boolean between =
        s.sender().equals(objector) && s.receiver().equals(provider)
            || s.sender().equals(provider) && s.receiver().equals(objector);
    return between
        && MessageDigest.isEqual(
            s.digest().getBytes(StandardCharsets.US_ASCII),
            digest.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The number of envelopes recorded.
   *
   * @return the count
   */
  public int size() {
    return seen.size();
  }
}
