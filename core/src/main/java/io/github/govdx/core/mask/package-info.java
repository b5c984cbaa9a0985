/**
 * Masking (脱敏) of personal data for display and logs, driven by data security level: a
 * {@link io.github.govdx.core.mask.MaskingPolicy} maps each {@link io.github.govdx.core.mask.PiiKind} to a
 * {@link io.github.govdx.core.mask.MaskRule}. The default rules per level (table {@code GOVDX-SECURITY-LEVEL})
 * follow the display-masking practice summarised in GB/T 37964-2019 (屏蔽, suppression) and common government
 * practice; see {@code docs/identifiers.md}.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.core.mask;

import org.jspecify.annotations.NullMarked;
