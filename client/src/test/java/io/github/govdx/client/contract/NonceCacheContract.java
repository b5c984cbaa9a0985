package io.github.govdx.client.contract;

import io.github.govdx.client.auth.NonceCache;
import java.time.Clock;

/**
 * The contract every {@link NonceCache} implementation passes (DESIGN section 7): extend it and return instances
 * on the store under test. See {@link FirstSeenContract#instance()} for what each instance must share.
 */
public abstract class NonceCacheContract extends FirstSeenContract {

  /**
   * Returns a nonce cache on the backing store under test.
   *
   * @param clock the clock the cache must use
   * @return the cache
   */
  protected abstract NonceCache newCache(Clock clock);

  @Override
  protected final Once instance() {
    NonceCache c = newCache(clock);
    return c::firstUse;
  }
}
