/**
 * The govdx core: the error model shared by every govdx module ({@link io.github.govdx.core.GovdxException},
 * {@link io.github.govdx.core.ErrorCode}) and the entry points of the core areas — national code tables
 * ({@code codes}), identifier checks ({@code ident}), data elements ({@code element}), catalog entries
 * ({@code catalog}), record validation ({@code validate}), masking ({@code mask}) and party identifiers
 * ({@code party}). Core knows nothing of cryptography or HTTP.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.core;

import org.jspecify.annotations.NullMarked;
