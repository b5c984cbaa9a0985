package io.github.govdx.client.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where an {@link Outbox} keeps its entries: the state SPI of the durable outbox (DESIGN section 7). Several
 * instances of a department share one store; {@code govdx-store-jdbc} keeps it in a table on the department's
 * own database, in the same transaction as the business write when the application wants that.
 *
 * <p>Atomicity contract, which every implementation must keep (the contract suite in govdx-client's test jar
 * checks it):
 *
 * <ul>
 *   <li>{@link #add} makes the entry durable as {@link OutboxState#PENDING} before it returns, or throws and
 *       stores nothing; an id that exists already is refused.
 *   <li>{@link #claim} hands each due entry to exactly one caller: no two concurrent claims, from any instance,
 *       return the same entry while its lease runs. Due means {@code PENDING} with {@code nextAttemptAt <= now},
 *       or {@code IN_FLIGHT} with a lease that ran out (its instance died). An entry with an order key is due
 *       only when no entry of the same key with a smaller sequence is {@code PENDING} or {@code IN_FLIGHT}.
 *       Entries are handed out in sequence order.
 *   <li>{@link #resealed}, {@link #reschedule} and {@link #dead} take effect only while the caller still holds the entry's lease
 *       (same owner, state {@code IN_FLIGHT}); a caller whose lease was taken over changes nothing.
 *       {@link #delivered} takes effect for any owner unless the entry is already delivered: a verified receipt
 *       is a fact, whoever obtained it.
 *   <li>A store that cannot answer throws {@link io.github.govdx.core.state.StateStoreException} ({@code
 *       GDX-1601}, retryable, or {@code GDX-1602} when misconfigured); it never pretends success.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface OutboxStore {

  /**
   * Stores a new entry in state {@code PENDING}; its sequence is assigned by the store.
   *
   * @param entry the entry
   * @throws IllegalArgumentException if an entry with this id exists
   */
  void add(OutboxEntry entry);

  /**
   * Claims due entries for delivery: each moves to {@code IN_FLIGHT} with the given owner and lease.
   *
   * @param owner the claiming instance (unique per running outbox)
   * @param now the current time
   * @param leaseUntil when the lease runs out
   * @param max the most entries to claim
   * @return the claimed entries, in sequence order, as stored after the claim
   */
  List<OutboxEntry> claim(String owner, Instant now, Instant leaseUntil, int max);

  /**
   * Records the receipt of a delivered entry.
   *
   * @param id the entry id
   * @param at when the receipt came back
   * @param receipt the receipt (JSON text)
   * @return {@code false} if the entry is unknown or already delivered
   */
  boolean delivered(String id, Instant at, String receipt);

  /**
   * Records the receipts of several delivered entries, in one transaction where the store has them (the
   * dispatcher's workers hand their receipts to one recorder, so that the store's round trip and commit do not
   * hold a delivery slot). All or none: a store that cannot answer throws and records none (the entries stay in
   * flight; after their lease another attempt gets the receiver's stored answer again). The default records them
   * one by one.
   *
   * @param receipts the receipts, at most a few hundred
   * @throws StateStoreException {@code GDX-1601} if the store cannot answer
   */
  default void deliveredAll(List<Receipted> receipts) {
    for (Receipted r : receipts) {
      delivered(r.id(), r.at(), r.receipt());
    }
  }

  /**
   * A delivered entry's receipt, for {@link #deliveredAll(List)}.
   *
   * @param id the entry id
   * @param at when the receipt came back
   * @param receipt the receipt (JSON text)
   */
  record Receipted(String id, Instant at, String receipt) {
    /**
     * Checks the members.
     *
     * @param id the entry id
     * @param at when the receipt came back
     * @param receipt the receipt
     */
    public Receipted {
      java.util.Objects.requireNonNull(id, "id == null");
      java.util.Objects.requireNonNull(at, "at == null");
      java.util.Objects.requireNonNull(receipt, "receipt == null");
    }
  }

  /**
   * Replaces an in-flight entry's envelope by one sealed again (same message id, fresh issued-at) and appends its
   * digest to {@link OutboxEntry#sentDigests()}, before it is sent.
   *
   * @param id the entry id
   * @param owner the lease owner
   * @param envelope the new envelope
   * @param digest its digest (lowercase hex)
   * @return {@code false} if the caller no longer holds the lease (then it must not send)
   */
  boolean resealed(String id, String owner, byte[] envelope, String digest);

  /**
   * Records a retryable failure: back to {@code PENDING} with one more attempt and a later next attempt.
   *
   * @param id the entry id
   * @param owner the lease owner
   * @param nextAttemptAt when to try again
   * @param code the failure's {@code GDX-} code
   * @param message the failure's message
   * @return {@code false} if the caller no longer holds the lease
   */
  boolean reschedule(String id, String owner, Instant nextAttemptAt, String code, String message);

  /**
   * Gives an entry up: {@code DEAD} with the error.
   *
   * @param id the entry id
   * @param owner the lease owner
   * @param at when it was given up
   * @param code the refusal's {@code GDX-} code
   * @param message the refusal's message
   * @return {@code false} if the caller no longer holds the lease
   */
  boolean dead(String id, String owner, Instant at, String code, String message);

  /**
   * Moves a dead entry back to {@code PENDING}, due now, with its attempts counted from zero.
   *
   * @param id the entry id
   * @param now the current time
   * @return {@code false} if the entry is unknown or not dead
   */
  boolean retry(String id, Instant now);

  /**
   * Reads one entry.
   *
   * @param id the entry id
   * @return the entry, or empty
   */
  Optional<OutboxEntry> find(String id);

  /**
   * Counts the entries per state and finds the oldest undelivered one.
   *
   * @return the figures
   */
  OutboxStats stats();

  /**
   * Lists entries in one state by sequence (keyset paging: pass the last sequence seen).
   *
   * @param state the state
   * @param afterSequence list entries with a larger sequence ({@code 0} for the first page)
   * @param limit the page size (1 to 1000)
   * @return the page
   */
  default List<OutboxEntry> list(OutboxState state, long afterSequence, int limit) {
    return list(state, Instant.ofEpochMilli(Long.MAX_VALUE), afterSequence, limit);
  }

  /**
   * Lists entries in one state submitted before an instant (the backlog older than an age), by sequence.
   *
   * @param state the state
   * @param createdBefore list entries submitted before this instant
   * @param afterSequence list entries with a larger sequence ({@code 0} for the first page)
   * @param limit the page size (1 to 1000)
   * @return the page
   */
  List<OutboxEntry> list(OutboxState state, Instant createdBefore, long afterSequence, int limit);

  /**
   * Deletes delivered entries delivered before an instant, at most {@code max} of them (call again while it
   * returns {@code max}).
   *
   * @param deliveredBefore the cut-off
   * @param max the batch size
   * @return how many were deleted
   */
  int purgeDelivered(Instant deliveredBefore, int max);
}
