/**
 * Data elements (数据元) per GB/T 19488.1/.2 and GA/T 543: {@link io.github.govdx.core.element.DataElement},
 * their data types ({@link io.github.govdx.core.element.DataType}, GB/T 39046-2020 Table 2), the
 * representation-format grammar ({@link io.github.govdx.core.element.RepresentationFormat}, GB/T 39046-2020
 * §5.3 Table 3, e.g. {@code an..18}, {@code n..16,2}, {@code YYYYMMDD}) and the shipped catalogue of common
 * data elements ({@link io.github.govdx.core.element.DataElementCatalogue}).
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.core.element;

import org.jspecify.annotations.NullMarked;
