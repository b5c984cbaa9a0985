/**
 * Micrometer meters for govdx ({@code docs/observability.md}): {@link io.github.govdx.client.metrics.GovdxMeters}
 * is the only class of govdx-client that touches Micrometer, an optional dependency; without Micrometer on the
 * class path, do not load it and nothing else changes.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client.metrics;

import org.jspecify.annotations.NullMarked;
