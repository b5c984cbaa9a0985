/**
 * Shared security state on Redis (DESIGN section 7), through Lettuce: {@link io.github.govdx.store.redis.RedisStores}
 * gives the envelope replay cache, the gateway nonce cache, the provider's idempotency store and the shared rate
 * limiter, so that several instances of one department act as one. Keys are prefixed, hashed and hash-tagged, so
 * Redis Cluster works; every call has a bounded timeout and fails closed with {@code GDX-1601}. See
 * {@code docs/store-redis.md}.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.store.redis;

import org.jspecify.annotations.NullMarked;
