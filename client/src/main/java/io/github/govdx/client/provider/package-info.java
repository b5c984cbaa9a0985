/**
 * The provider side: a framework-neutral endpoint that opens inbound sealed requests, applies an access policy, validates, calls the department's handler and seals the answer ({@code docs/protocol.md} section 13).
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client.provider;

import org.jspecify.annotations.NullMarked;
