package io.github.govdx.client.internal;

import io.github.govdx.core.party.PartyId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the sealing interceptor must seal for one call, attached to the request as a tag.
 *
 * @param receiver the party to seal to (the resource's provider)
 * @param resourceCode the resource code
 * @param action the request action ({@code query}, {@code push})
 * @param responseAction the action a bound response must carry ({@code query.result}, {@code push.receipt})
 * @param payload the plaintext payload
 * @param preSealed an envelope sealed before the call and re-sent byte-identical on every attempt (push), or
 *     {@code null} to seal each attempt afresh with a new message id (query)
 */
public record SealSpec(
    PartyId receiver,
    String resourceCode,
    String action,
    String responseAction,
    byte[] payload,
    @Nullable SealedMessage preSealed) {

  /** Checks the components. */
  public SealSpec {
    Objects.requireNonNull(receiver, "receiver == null");
    Objects.requireNonNull(resourceCode, "resourceCode == null");
    Objects.requireNonNull(action, "action == null");
    Objects.requireNonNull(responseAction, "responseAction == null");
    Objects.requireNonNull(payload, "payload == null");
  }
}
