/**
 * JMH benchmarks of the govdx client, each measured against the raw library it wraps in the same run.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.benchmarks.client;

import org.jspecify.annotations.NullMarked;
