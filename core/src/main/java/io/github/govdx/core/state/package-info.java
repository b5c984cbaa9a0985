/**
 * What every shared state store of govdx has in common (DESIGN section 7): the one exception a store throws
 * when it cannot answer, {@link io.github.govdx.core.state.StateStoreException}. The stores themselves are SPIs
 * in the modules that use them ({@code ReplayCache} and {@code EvidenceStore} in govdx-crypto, {@code
 * NonceCache}, {@code IdempotencyStore} and {@code RateLimiter} in govdx-client), with in-memory defaults there
 * and implementations on JDBC and Redis in {@code govdx-store-jdbc} and {@code govdx-store-redis}.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.core.state;

import org.jspecify.annotations.NullMarked;
