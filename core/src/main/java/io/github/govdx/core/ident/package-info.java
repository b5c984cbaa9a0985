/**
 * Identifier checks: citizen ID numbers (公民身份号码, GB 11643-1999), unified social credit codes
 * (统一社会信用代码, GB 32100-2015), organisation codes (组织机构代码, GB 11714-1997), mainland mobile numbers
 * and postal codes.
 *
 * <p>A check ({@link io.github.govdx.core.ident.IdentifierType#check(String)}) never throws on bad input: it
 * returns a {@link io.github.govdx.core.ident.CheckResult} naming the failed rule and its stable
 * {@code GDX-11xx} code. Parsed views ({@link io.github.govdx.core.ident.CitizenIdNumber},
 * {@link io.github.govdx.core.ident.UnifiedSocialCreditCode}, {@link io.github.govdx.core.ident.OrganizationCode})
 * throw {@link io.github.govdx.core.GovdxException} with the same code. Results and messages never contain the
 * full input value.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.core.ident;

import org.jspecify.annotations.NullMarked;
