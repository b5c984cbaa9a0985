package io.github.govdx.client.auth;

import java.time.Clock;
import java.util.Objects;

/**
 * What the builders of the gateway authenticators share: the clock the timestamps are read from. Not thread-safe.
 *
 * @param <B> the builder type
 */
public abstract class AuthenticatorBuilder<B extends AuthenticatorBuilder<B>> {

  Clock clock = Clock.systemUTC();

  AuthenticatorBuilder() {}

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
