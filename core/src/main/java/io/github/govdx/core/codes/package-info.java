/**
 * National code tables (代码表): immutable {@link io.github.govdx.core.codes.CodeTable}s of
 * {@link io.github.govdx.core.codes.CodeEntry}s, a {@link io.github.govdx.core.codes.CodeTableRegistry}
 * that answers from a chain of {@link io.github.govdx.core.codes.CodeTableSource}s (the first source that
 * supports a table edition answers), the built-in tables (GB/T 2260, GB/T 2261, GB/T 3304, GB/T 2659, GB 32100
 * and others, see {@code docs/code-tables.md}) and {@link io.github.govdx.core.codes.CodeTableReader} for
 * loading newer or extra tables from CSV or JSON at runtime.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.core.codes;

import org.jspecify.annotations.NullMarked;
