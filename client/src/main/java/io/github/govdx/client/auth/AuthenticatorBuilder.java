package io.github.govdx.client.auth;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the builders of the gateway authenticators share: the id and secret they are given and the clock the
 * timestamps are read from. Not thread-safe.
 *
 * @param <B> the builder type
 */
public abstract class AuthenticatorBuilder<B extends AuthenticatorBuilder<B>> {

  Clock clock = Clock.systemUTC();
  Supplier<String> nonceSupplier = AuthSupport::randomNonce;
  @Nullable String id;
  @Nullable Supplier<GatewaySecret> secret;

  AuthenticatorBuilder() {}

  /** Sets the id after checking it is header-safe. */
  B headerSafeId(String value, String name) {
    this.id = AuthValues.headerSafe(value, name);
    return self();
  }

  /** Sets a fixed secret. */
  B fixedSecret(GatewaySecret value, String name) {
    Objects.requireNonNull(value, name + " == null");
    this.secret = () -> value;
    return self();
  }

  /** @throws IllegalStateException naming the id or the secret when one is missing */
  GatewayKey key(String idName, String secretName) {
    return new GatewayKey(
        AuthValues.required(id, idName),
        AuthValues.required(secret, secretName),
        clock,
        nonceSupplier);
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  /**
   * Sets the clock; default {@link Clock#systemUTC()}.
   *
   * @param clock the clock
   * @return this builder
   * @throws NullPointerException if {@code clock} is {@code null}
   */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return self();
  }
}
