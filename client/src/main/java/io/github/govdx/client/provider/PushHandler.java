package io.github.govdx.client.provider;

/**
 * Stores a pushed batch, called by {@link ProviderEndpoint} after the envelope was opened, the caller
 * authorised and every record validated; called at most once per (sender, idempotency key). Implementations
 * must be thread-safe and store the batch all or nothing; an exception becomes a {@code 500} /
 * {@code GDX-3306} answer and the key stays unused, so the sender's retry stores it.
 */
@FunctionalInterface
public interface PushHandler {

  /**
   * Stores a batch.
   *
   * @param push the batch
   * @return the id of the stored batch
   */
  String store(ProviderPush push);
}
