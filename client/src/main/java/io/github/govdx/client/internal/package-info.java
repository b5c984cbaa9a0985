/**
 * Internals of govdx-client (not API: may change in any release): the transport pipeline (OkHttp interceptors
 * for request ids, authentication, sealing, retries, circuit breaking, rate limiting, timeouts and masked
 * logging), the token bucket, the circuit breaker state machine, the {@code Retry-After} parser, JSON mapping and
 * the sub-client implementations.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client.internal;

import org.jspecify.annotations.NullMarked;
