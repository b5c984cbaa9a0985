/**
 * The one place where govdx-client touches OpenTelemetry (an optional dependency): loaded only when an
 * {@code OpenTelemetry} instance is given to a builder. Not public API.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client.internal.otel;

import org.jspecify.annotations.NullMarked;
