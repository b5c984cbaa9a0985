/**
 * Observation hooks of the client and the provider endpoint, with no dependency: a
 * {@link io.github.govdx.client.observation.CallListener} registered on
 * {@link io.github.govdx.client.ExchangeClientBuilder#addCallListener} hears of every logical call
 * ({@link io.github.govdx.client.observation.CallOutcome}), retry, circuit-breaker change and rate-limit wait; a
 * {@link io.github.govdx.client.observation.ProviderListener} registered on
 * {@link io.github.govdx.client.provider.ProviderEndpoint.Builder#addListener} hears of every request the endpoint
 * handled ({@link io.github.govdx.client.observation.ProviderOutcome}). {@code io.github.govdx.client.metrics.GovdxMeters}
 * implements both with Micrometer ({@code docs/observability.md}). Nothing here carries a record, a key or a
 * party's secret: operations are fixed names, codes are {@code GDX-} codes.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client.observation;

import org.jspecify.annotations.NullMarked;
