package io.github.govdx.client.contract;

import io.github.govdx.crypto.replay.ReplayCache;
import java.time.Clock;

/**
 * The contract every {@link ReplayCache} implementation passes (DESIGN section 7): extend it and return instances
 * on the store under test. See {@link FirstSeenContract#instance()} for what each instance must share.
 */
public abstract class ReplayCacheContract extends FirstSeenContract {

  /**
   * Returns a replay cache on the backing store under test.
   *
   * @param clock the clock the cache must use
   * @return the cache
   */
  protected abstract ReplayCache newCache(Clock clock);

  @Override
  protected final Once instance() {
    ReplayCache c = newCache(clock);
    return c::firstSeen;
  }
}
