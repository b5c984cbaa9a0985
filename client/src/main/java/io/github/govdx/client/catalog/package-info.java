/**
 * The catalog sub-client (政务信息资源目录): search with filters across pages, and the detail of a resource with its items and record schema ({@code docs/protocol.md} section 6).
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.client.catalog;

import org.jspecify.annotations.NullMarked;
