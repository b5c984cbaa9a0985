/**
 * The govdx exchange client: typed calls for everything a department does on the government shared-data exchange
 * platform (政务数据共享交换平台), and the immutable resilience policies the transport pipeline applies
 * ({@link io.github.govdx.client.RetryPolicy}, {@link io.github.govdx.client.RateLimit},
 * {@link io.github.govdx.client.CircuitBreakerPolicy}).
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client;

import org.jspecify.annotations.NullMarked;
