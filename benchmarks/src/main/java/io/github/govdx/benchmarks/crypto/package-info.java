/**
 * JMH benchmarks of govdx-crypto: envelope seal+open per second against the raw primitive chain of the same
 * suite, measured in the same run ({@code docs/performance.md}, section Envelopes).
 */
@NullMarked
package io.github.govdx.benchmarks.crypto;

import org.jspecify.annotations.NullMarked;
