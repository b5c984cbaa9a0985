package io.github.govdx.client.outbox;

import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One push in an outbox: what identifies it (entry id, receiver, resource, {@code Idempotency-Key}, message id),
 * what is sent (the sealed envelope, and a copy sealed to ourselves from which it is sealed again with a fresh
 * issued-at; never plaintext), and where its delivery stands. Immutable; {@link OutboxStore}s return new
 * instances.
 */
@ValueStyle
public abstract class OutboxEntry {

  OutboxEntry() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this entry's values */
  public abstract Builder toBuilder();

  /** @return the entry id (a UUID chosen at submit) */
  public abstract String id();

  /**
   * The store's insertion order, used for listing and for order per (receiver, resource).
   *
   * @return the sequence number, {@code 0} before the entry is stored
   */
  @Value.Default
  public long sequence() {
    return 0;
  }

  /** @return the receiving party (the resource's provider) */
  public abstract PartyId receiver();

  /** @return the resource code */
  public abstract String resourceCode();

  /** @return the push's {@code Idempotency-Key} */
  public abstract String idempotencyKey();

  /** @return the message id of the push; every re-sealed envelope keeps it */
  public abstract String messageId();

  /** @return the number of records */
  public abstract int recordCount();

  /** @return the sealed envelope, as last sealed (bytes; a copy) */
  @Value.Redacted
  public abstract byte[] envelope();

  /**
   * The digests (lowercase hex) of every envelope sealed for this entry, the first one's first: the receiver
   * answers a copy sealed again with the receipt of the one it stored first, so a receipt over any of them
   * proves delivery.
   *
   * @return the digests; unmodifiable
   */
  public abstract java.util.List<String> sentDigests();

  /** @return the same payload sealed to ourselves (bytes; a copy) */
  @Value.Redacted
  public abstract byte[] ownCopy();

  /**
   * The key that orders deliveries, when the outbox keeps order: {@code receiver + " " + resourceCode}.
   *
   * @return the order key, or empty for no order
   */
  public abstract Optional<String> orderKey();

  /** @return the state */
  public abstract OutboxState state();

  /** @return how many attempts ended without a receipt */
  @Value.Default
  public int attempts() {
    return 0;
  }

  /** @return when the entry was submitted */
  public abstract Instant createdAt();

  /** @return when the entry may next be attempted */
  public abstract Instant nextAttemptAt();

  /** @return the instance holding the lease, while in flight */
  public abstract Optional<String> leaseOwner();

  /** @return when the lease runs out, while in flight */
  public abstract Optional<Instant> leaseUntil();

  /** @return when the receipt came back */
  public abstract Optional<Instant> deliveredAt();

  /** @return the receiver's signed receipt (JSON text), once delivered */
  public abstract Optional<String> receipt();

  /** @return the {@code GDX-} code of the last failure */
  public abstract Optional<String> lastErrorCode();

  /** @return the message of the last failure (no payload, no personal data) */
  public abstract Optional<String> lastError();

  /**
   * Builds an {@link OutboxEntry}; {@code build()} throws {@link IllegalStateException} naming any missing
   * attribute. Not thread-safe.
   */
  public static final class Builder extends ImmutableOutboxEntry.Builder {
    Builder() {}
  }
}
