package io.github.govdx.client.internal;

import io.github.govdx.client.EnvelopeDigest;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An opened (decrypted and verified) envelope.
 *
 * @param routing its routing headers
 * @param payload the plaintext payload
 * @param digest the digest of the envelope bytes as received
 * @param signer the signer's certificate, or {@code null} when the sealer does not report it
 */
public record OpenedResponse(
    Routing routing, byte[] payload, EnvelopeDigest digest, @Nullable X509Certificate signer) {

  /** Checks the components. */
  public OpenedResponse {
    Objects.requireNonNull(routing, "routing == null");
    Objects.requireNonNull(payload, "payload == null");
    Objects.requireNonNull(digest, "digest == null");
  }
}
