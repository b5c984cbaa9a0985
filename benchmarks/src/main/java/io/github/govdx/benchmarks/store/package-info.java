/**
 * What a shared state store costs: envelope open with its replay check on each store, and provider push throughput on
 * each store, against the same work with no shared store, in one run.
 */
@NullMarked
package io.github.govdx.benchmarks.store;

import org.jspecify.annotations.NullMarked;
