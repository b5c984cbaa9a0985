/**
 * The govdx testkit: {@link io.github.govdx.testkit.ExchangeSandbox}, a stateful, in-memory implementation of the
 * exchange platform's HTTP contract ({@code docs/protocol.md}) with a throwaway SM2 test CA
 * ({@link io.github.govdx.testkit.TestPki}), fault injection per route and a standalone command
 * ({@link io.github.govdx.testkit.SandboxMain}). Everything here is for tests and integration work: the keys it
 * issues are test keys and must never protect real data.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.testkit;

import org.jspecify.annotations.NullMarked;
