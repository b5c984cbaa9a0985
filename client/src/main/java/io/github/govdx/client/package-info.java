/**
 * The govdx exchange client: {@link io.github.govdx.client.ExchangeClient} and
 * {@link io.github.govdx.client.ExchangeAsyncClient}, built by {@link io.github.govdx.client.ExchangeClient#builder()},
 * with typed sub-clients for the catalog, the party directory, access applications, data query and push,
 * subscriptions and data objections; the error model ({@link io.github.govdx.client.ExchangeException} and
 * {@link io.github.govdx.client.ClientErrorCode}). The HTTP contract they speak is
 * {@code docs/protocol.md} (DESIGN section 5). The
 * immutable resilience policies the transport pipeline applies are {@link io.github.govdx.client.RetryPolicy},
 * {@link io.github.govdx.client.RateLimit} and {@link io.github.govdx.client.CircuitBreakerPolicy}.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client;

import org.jspecify.annotations.NullMarked;
