package io.github.govdx.client.outbox;

import java.util.Locale;

/**
 * The state of an outbox entry ({@code docs/delivery.md}). An entry moves {@code PENDING → IN_FLIGHT →
 * DELIVERED}, or back to {@code PENDING} after a retryable failure (with a later next attempt), or to {@code DEAD}
 * after a permanent refusal or when it outlives the outbox's maximum age; {@link Outbox#retry(String)} moves a
 * dead entry back to {@code PENDING}. An {@code IN_FLIGHT} entry whose lease ran out (its instance died) is taken
 * over by another instance.
 */
public enum OutboxState {
  /** Waiting for its next attempt. */
  PENDING,
  /** Claimed by an instance, under a lease, being delivered. */
  IN_FLIGHT,
  /** Delivered: the receiver's verified signed receipt is stored. */
  DELIVERED,
  /** Given up: a permanent refusal or too old; kept with its error until retried or purged. */
  DEAD;

  /**
   * The state's name as stored ({@code pending}, {@code in_flight}, {@code delivered}, {@code dead}).
   *
   * @return the stored name
   */
  public String storedName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The state of a stored name.
   *
   * @param stored a name from {@link #storedName()}
   * @return the state
   * @throws IllegalArgumentException if the name is unknown
   */
  public static OutboxState ofStoredName(String stored) {
    return valueOf(stored.toUpperCase(Locale.ROOT));
  }
}
