/**
 * The data sub-client: sealed queries with records validated against the resource schema, and sealed pushes with an idempotency key and a signed receipt ({@code docs/protocol.md} sections 9 and 10).
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client.data;

import org.jspecify.annotations.NullMarked;
