/**
 * Internals of the govdx client (not API: may change in any release): the token bucket, the circuit breaker state
 * machine and the {@code Retry-After} parser used by the transport pipeline.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client.internal;

import org.jspecify.annotations.NullMarked;
