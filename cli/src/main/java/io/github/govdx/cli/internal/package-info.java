/**
 * The commands of the {@code govdx} command line and their plumbing (output, exit codes, file handling).
 * Not an API: names and behaviour may change in any release.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.cli.internal;

import org.jspecify.annotations.NullMarked;
