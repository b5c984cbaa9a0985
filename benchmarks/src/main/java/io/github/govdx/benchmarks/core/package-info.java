/**
 * JMH benchmarks of govdx-core code-table lookups and identifier checks, each next to a raw baseline
 * ({@link java.util.HashMap} lookup, bare check-digit loop) measured in the same run.
 */
@NullMarked
package io.github.govdx.benchmarks.core;

import org.jspecify.annotations.NullMarked;
