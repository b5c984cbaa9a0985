package io.github.govdx.core.codes;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A source of code tables in a {@link CodeTableRegistry} chain (SPI, in the style of HAPI FHIR's validation
 * support chain): for a given table id and edition, the first source in the chain that
 * {@linkplain #editions(String) offers} that edition answers.
 *
 * <p>Implementations decide how they load (eagerly, lazily, from files, a database or a service) and must
 * cache what they load: the registry asks again on every lookup of a table. Implementations must be
 * thread-safe. A source answers with an empty result for tables it does not serve; it throws
 * {@link io.github.govdx.core.GovdxException} only when it serves the table but cannot load it.
 */
public interface CodeTableSource {

  /**
   * A short name for logs, e.g. {@code "builtin"}.
   *
   * @return the name
   */
  String name();

  /**
   * The ids of the tables this source serves.
   *
   * @return the table ids, possibly empty
   */
  Set<String> tableIds();

  /**
   * The editions of a table this source serves.
   *
   * @param tableId the table id, e.g. {@code GB/T 2260}
   * @return the editions in any order, empty if the table is not served
   */
  List<String> editions(String tableId);

  /**
   * Fetches one edition of a table.
   *
   * @param tableId the table id
   * @param edition the edition
   * @return the table, or empty if this source does not serve that edition
   * @throws io.github.govdx.core.GovdxException if the table is served but cannot be loaded
   */
  Optional<CodeTable> fetch(String tableId, String edition);

  /**
   * A source that serves the given, already loaded tables.
   *
   * @param name the source name for logs
   * @param tables the tables; later tables with the same id and edition are rejected
   * @return the source, immutable and thread-safe
   * @throws IllegalArgumentException if two tables share id and edition
   */
  static CodeTableSource of(String name, Collection<CodeTable> tables) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(tables, "tables == null");
    return new FixedCodeTableSource(name, tables);
  }
}
