/**
 * Shared fixtures of the JMH benchmarks (a throwaway GM CA); the benchmarks themselves are in the sub-packages, by
 * module.
 */
@NullMarked
package io.github.govdx.benchmarks;

import org.jspecify.annotations.NullMarked;
