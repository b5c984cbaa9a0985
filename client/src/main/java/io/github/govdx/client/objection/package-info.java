/**
 * The data objection sub-client (数据异议): raise an objection citing a message id and its envelope digest, and track it ({@code docs/protocol.md} section 12).
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client.objection;

import org.jspecify.annotations.NullMarked;
