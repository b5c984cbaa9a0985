/**
 * Record validation benchmarks: govdx {@code RecordValidator} against plain networknt on the same structural
 * schema, and the constant-memory NDJSON run ({@link io.github.govdx.benchmarks.validate.NdjsonMillionRecords}).
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.benchmarks.validate;

import org.jspecify.annotations.NullMarked;
