package io.github.govdx.client.provider;

/**
 * Takes a file received by file transfer ({@code docs/protocol.md} section 15.8), called by {@link
 * ProviderEndpoint} once the sealed stream was stored whole, opened and verified, and the caller authorised. It is
 * called once per transfer across retries, instances and restarts that share the endpoint's idempotency store
 * (the same contract as {@link PushHandler}: an instance that dies while the handler runs leaves the transfer to
 * be handled again after the idempotency lease; with {@link InboxTransactions} and a handler that writes in the
 * same transaction, exactly once). Implementations must be thread-safe; they read the file from {@link
 * ProviderFile#path()} (or move it away — the endpoint deletes what is left when the handler returns). An
 * exception becomes a {@code 500}/{@code GDX-3306} answer and nothing is recorded, so the platform's retry of the
 * completion calls the handler again.
 */
@FunctionalInterface
public interface FileHandler {

  /**
   * Takes a file.
   *
   * @param file the verified file and its facts
   * @throws Exception if the file could not be taken (answered {@code 500}/{@code GDX-3306}, retryable)
   */
  void receive(ProviderFile file) throws Exception;
}
