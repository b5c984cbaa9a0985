/**
 * The durable outbox (发件箱) for pushes: {@link io.github.govdx.client.outbox.Outbox} validates and seals a push,
 * writes it to an {@link io.github.govdx.client.outbox.OutboxStore} (a table on the department's own database with
 * {@code govdx-store-jdbc}), and delivers it with backoff until a verified signed receipt comes back, across
 * restarts and instances ({@code docs/delivery.md}).
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client.outbox;

import org.jspecify.annotations.NullMarked;
