/**
 * Catalog entries (政务信息资源目录) per GB/T 21063.3-2007 and the 2017 catalog guide
 * (政务信息资源目录编制指南(试行), 发改高技〔2017〕1272号): {@link io.github.govdx.core.catalog.CatalogEntry} with
 * its core metadata, items ({@link io.github.govdx.core.catalog.CatalogItem}) with a sensitivity level each,
 * the guide's code lists as enums, JSON mapping and the entry's own checks
 * ({@link io.github.govdx.core.catalog.CatalogEntries}).
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}; optional
 * text attributes are empty strings when absent.
 */
@NullMarked
package io.github.govdx.core.catalog;

import org.jspecify.annotations.NullMarked;
