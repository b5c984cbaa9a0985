package io.github.govdx.client.outbox;

import io.github.govdx.client.data.PushResult;

/**
 * Told when an outbox entry is delivered or given up. Called on a dispatcher thread after the store has recorded
 * the change; keep it short, and do not throw (what it throws is logged and ignored).
 */
public interface OutboxListener {

  /**
   * An entry was delivered: its verified receipt is stored.
   *
   * @param entry the entry as it was claimed
   * @param result the push result with the verified receipt
   */
  default void delivered(OutboxEntry entry, PushResult result) {}

  /**
   * An entry went dead.
   *
   * @param entry the entry as it was claimed
   * @param code the {@code GDX-} code of the refusal
   * @param message its message
   */
  default void dead(OutboxEntry entry, String code, String message) {}
}
