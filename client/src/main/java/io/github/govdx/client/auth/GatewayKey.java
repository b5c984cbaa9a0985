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

  /** @return a header-safe nonce from the nonce source */
  String nonce() {
    return AuthValues.nonce(nonces);
  }
}
