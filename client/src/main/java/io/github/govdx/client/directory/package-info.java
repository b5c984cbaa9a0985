/**
 * The party directory sub-client: the certificates of a party, cached ({@code docs/protocol.md} section 7).
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client.directory;

import org.jspecify.annotations.NullMarked;
