package io.github.govdx.client.auth;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The builder of a gateway authenticator that sends a nonce: the clock and the nonce source. Not thread-safe.
 *
 * @param <B> the builder type
 */
public abstract class NonceAuthenticatorBuilder<B extends NonceAuthenticatorBuilder<B>>
    extends AuthenticatorBuilder<B> {

  NonceAuthenticatorBuilder() {}

  /**
   * Sets the nonce source; default 16 {@code SecureRandom} bytes as hex. Must be thread-safe.
   *
   * @param nonceSupplier the nonce source
   * @return this builder
   * @throws NullPointerException if {@code nonceSupplier} is {@code null}
   */
  public B nonceSupplier(Supplier<String> nonceSupplier) {
    this.nonceSupplier = Objects.requireNonNull(nonceSupplier, "nonceSupplier == null");
    return self();
  }
}
