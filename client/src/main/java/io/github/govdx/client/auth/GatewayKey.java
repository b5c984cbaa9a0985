package io.github.govdx.client.auth;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A built authenticator's credential and sources: the id it sends, where its secret comes from, its clock and its
 * nonce source.
 */
record GatewayKey(
    String id, Supplier<GatewaySecret> secrets, Clock clock, Supplier<String> nonces) {

  /** @return the current secret */
  GatewaySecret secret() {
    return Objects.requireNonNull(secrets.get(), "secret supplier returned null");
  }

  /** @return a nonce from the nonce source, checked to be header-safe */
  String nonce() {
    String nonce = nonces.get();
    if (nonce == null || nonce.isBlank()) {
      throw new IllegalStateException("nonce supplier returned an empty nonce");
    }
    if (nonce.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
      throw new IllegalStateException(
          "nonce supplier returned a nonce with a non-printable character");
    }
    return nonce;
  }
}
