/**
 * Shared security state in a relational database the department already runs: {@link
 * io.github.govdx.store.jdbc.JdbcStores} gives the envelope replay cache, the gateway nonce cache, the provider's
 * idempotency store and the evidence hash chain on PostgreSQL, MariaDB/MySQL or H2 over a {@link javax.sql.DataSource} (DESIGN section 7).
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.store.jdbc;

import org.jspecify.annotations.NullMarked;
