/**
 * The JDBC stores behind {@link io.github.govdx.store.jdbc.JdbcStores}: the SQL of each engine, the statement
 * runner with its timeout and error mapping. Not an API: it may change in any release.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.store.jdbc.internal;

import org.jspecify.annotations.NullMarked;
