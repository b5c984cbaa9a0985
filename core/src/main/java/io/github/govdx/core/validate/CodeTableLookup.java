package io.github.govdx.core.validate;

import io.github.govdx.core.codes.CodeTableRegistry;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Resolves a code table (and edition) to a membership test, for the {@code x-govdx-codeTable} keyword.
 *
 * <p>The validator resolves each table once, when the schema is compiled, and keeps the returned predicate,
 * so an implementation may be slow but the predicate must be fast and thread-safe.
 * {@link #defaultLookup()} answers from govdx's code table registry. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CodeTableLookup {

  /**
   * Resolves a table.
   *
   * @param tableId the table id, e.g. {@code GB/T 2260}
   * @param edition the edition, e.g. {@code 2020-12}; empty for the default edition
   * @return a thread-safe membership test for codes, or empty if the table (edition) is unknown
   */
  Optional<Predicate<String>> membership(String tableId, String edition);

  /**
   * The lookup backed by govdx's built-in code table registry.
   *
   * @return the default lookup
   */
  static CodeTableLookup defaultLookup() {
    return DefaultLookups.CODE_TABLES;
  }

  /**
   * A lookup backed by a code table registry, e.g. one with a newer GB/T 2260 edition loaded by the user.
   *
   * @param registry the registry
   * @return the lookup
   * @throws NullPointerException if {@code registry} is null
   */
  static CodeTableLookup from(CodeTableRegistry registry) {
    java.util.Objects.requireNonNull(registry, "registry == null");
    return (table, edition) -> DefaultLookups.registry(registry, table, edition);
  }
}
