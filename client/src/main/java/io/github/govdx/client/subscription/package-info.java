/**
 * The subscription sub-client: subscribe to a resource's events, read the event feed with a cursor and long polling, acknowledge ({@code docs/protocol.md} section 11).
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client.subscription;

import org.jspecify.annotations.NullMarked;
