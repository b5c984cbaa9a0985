package io.github.govdx.client.internal;

import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The routing headers of an envelope (DESIGN section 4).
 *
 * @param messageId the message id (UUID text)
 * @param issuedAt when the message was issued
 * @param sender the sending party
 * @param receiver the receiving party
 * @param resourceCode the resource code
 * @param action the action, e.g. {@code query} or {@code query.result}
 * @param correlationId the message id this message answers, or {@code null}
 */
public record Routing(
    String messageId,
    Instant issuedAt,
    PartyId sender,
    PartyId receiver,
    String resourceCode,
    String action,
    @Nullable String correlationId) {

  /** Checks the non-null components. */
  public Routing {
    Objects.requireNonNull(messageId, "messageId == null");
    Objects.requireNonNull(issuedAt, "issuedAt == null");
    Objects.requireNonNull(sender, "sender == null");
    Objects.requireNonNull(receiver, "receiver == null");
    Objects.requireNonNull(resourceCode, "resourceCode == null");
    Objects.requireNonNull(action, "action == null");
  }

  /**
   * Reads the routing of a parsed envelope.
   *
   * @param h the envelope's routing headers
   * @return the routing
   */
  static Routing of(io.github.govdx.crypto.RoutingHeaders h) {
    return new Routing(
        h.messageId(),
        h.issuedAt(),
        h.sender(),
        h.receiver(),
        h.resourceCode(),
        h.action(),
        h.correlationId().orElse(null));
  }
}
