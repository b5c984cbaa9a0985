/**
 * Party identifiers: who sends and who receives on the exchange. A party is a department (its unified
 * social credit code, GB 32100) optionally narrowed to one of its systems, e.g. {@code 11320500014160478L/hotline}.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.core.party;

import org.jspecify.annotations.NullMarked;
