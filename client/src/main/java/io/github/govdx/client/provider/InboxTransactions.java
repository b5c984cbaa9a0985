package io.github.govdx.client.provider;

import java.util.function.Supplier;

/**
 * The transactional inbox (DESIGN section 7): runs everything a push does at the provider — both idempotency
 * claims, the department's {@link PushHandler}, and the stored answer — in one database transaction, committed
 * only when the push was handled and its answer stored. A provider that dies half-way leaves nothing behind (no
 * claim, no handler write, no answer), so the retry handles the push once; a second instance that receives the
 * same push meanwhile waits on the claim's row and then answers from the store.
 *
 * <p>The {@link IdempotencyStore} of the endpoint must take part in the same transaction (for govdx-store-jdbc:
 * {@code JdbcStores.inboxTransactions()} with {@code JdbcStores.idempotencyStore()} of the same instance), and the
 * handler writes with the transaction's connection ({@code JdbcStores.currentConnection()}). Without it, the
 * handler gets at-least-once delivery with a de-duplication key ({@link ProviderPush#idempotencyKey()} and
 * {@link ProviderPush#messageId()}).
 *
 * <p>Implementations are thread-safe; a transaction belongs to the calling thread.
 */
@FunctionalInterface
public interface InboxTransactions {

  /**
   * Runs work in one transaction: committed when it returns, rolled back when it throws.
   *
   * @param work the push's handling
   * @param <T> the result
   * @return what the work returned
   * @throws io.github.govdx.core.state.StateStoreException {@code GDX-1601} if the transaction cannot be begun or
   *     committed (then nothing of it is kept)
   */
  <T> T inTransaction(Supplier<T> work);
}
