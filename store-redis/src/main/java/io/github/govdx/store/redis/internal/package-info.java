/**
 * The Redis stores behind {@link io.github.govdx.store.redis.RedisStores}: key layout, the command runner with its
 * deadline and error mapping, the Lua scripts, and the stored-answer encoding. Not an API: it may change in any
 * release.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.store.redis.internal;

import org.jspecify.annotations.NullMarked;
