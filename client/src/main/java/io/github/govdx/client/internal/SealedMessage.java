package io.github.govdx.client.internal;

import io.github.govdx.client.EnvelopeDigest;
import java.util.Objects;

/**
 * A sealed request as sent: its routing headers, the exact body bytes and their digest.
 *
 * @param routing the routing headers
 * @param bytes the envelope bytes (the HTTP body); never modified
 * @param digest the digest of {@code bytes}
 */
public record SealedMessage(Routing routing, byte[] bytes, EnvelopeDigest digest) {

  /** Checks the components. */
  public SealedMessage {
    Objects.requireNonNull(routing, "routing == null");
    Objects.requireNonNull(bytes, "bytes == null");
    Objects.requireNonNull(digest, "digest == null");
  }
}
