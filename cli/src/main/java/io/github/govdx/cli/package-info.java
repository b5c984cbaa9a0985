/**
 * The {@code govdx} command line for security reviewers and integrators: {@link io.github.govdx.cli.GovdxCli}
 * (the entry point) and {@link io.github.govdx.cli.CliErrorCode} (its {@code GDX-5xxx} codes). The commands
 * themselves live in {@code io.github.govdx.cli.internal}.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.cli;

import org.jspecify.annotations.NullMarked;
