package io.github.govdx.client;

import io.github.govdx.client.internal.Keys;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A request that creates something and so carries an {@code Idempotency-Key} ({@code docs/protocol.md}
 * section 5), which makes it safe to retry. Implementations are immutable and thread-safe.
 */
public interface IdempotentRequest {

  /** @return the idempotency key, or empty to have the client use a random one */
  Optional<String> idempotencyKey();

  /**
   * Checks the key when the request is built.
   *
   * @throws IllegalArgumentException if the key is not 16 to 128 of {@code A-Za-z0-9._:-}
   */
  @Value.Check
  default void checkIdempotencyKey() {
    idempotencyKey().ifPresent(Keys::checkIdempotencyKey);
  }
}
