/**
 * Replay protection: the {@link io.github.govdx.crypto.replay.ReplayCache} SPI the envelope codec asks
 * whether a message id is new, and its bounded in-memory default
 * {@link io.github.govdx.crypto.replay.InMemoryReplayCache}. Share one cache between all nodes of a
 * receiver (e.g. backed by a database or Redis) to detect replays across nodes.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.crypto.replay;

import org.jspecify.annotations.NullMarked;
