/**
 * Record validation: a {@link io.github.govdx.core.validate.ResourceSchema} (from a catalog entry or written
 * directly) compiles to JSON Schema draft 2020-12 plus govdx keywords ({@code x-govdx-format},
 * {@code x-govdx-codeTable}, {@code x-govdx-identifier}) and runs on the networknt json-schema-validator;
 * {@link io.github.govdx.core.validate.RecordValidator} checks single records, JSON arrays and NDJSON streams
 * and returns a {@link io.github.govdx.core.validate.ValidationReport} of
 * {@link io.github.govdx.core.validate.Violation}s (JSON Pointer, item name, rule, stable {@code GDX-14xx}
 * code, English and Chinese message). See {@code docs/validation.md}.
 *
 * <p>Everything in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.github.govdx.core.validate;

import org.jspecify.annotations.NullMarked;
