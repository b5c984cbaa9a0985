package io.github.govdx.core.codes;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds code tables by id and edition from a chain of {@link CodeTableSource}s.
 *
 * <p>For one table id and edition, the first source in the chain that offers that edition answers
 * (HAPI-style). {@link #find(String)} picks the newest edition offered by any source; editions are compared
 * by their numeric runs ({@code 2020-12} is newer than {@code 2007}, {@code 2024} newer than
 * {@code 2020-12}). Sources added to the {@link #builder()} come first, in the order added; the built-in
 * tables come last unless {@link Builder#withoutBuiltins()} is used, so a user-loaded table with the same id
 * and edition shadows the built-in one.
 *
 * <pre>{@code
 * CodeTableRegistry registry = CodeTableRegistry.builder()
 *     .addTable(CodeTableReader.read(Path.of("gbt2260-2023.csv")))   // a newer edition
 *     .build();
 * registry.require("GB/T 2260").edition();            // "2023"
 * registry.find("GB/T 2260", "2020-12").isPresent();   // the built-in snapshot is still there
 * }</pre>
 *
 * <p>Built-in tables are parsed lazily, once, on first use, and shared by every registry. The registry caches
 * the editions of each id and every table it found, so repeated {@code find}/{@code require} calls cost a hash
 * lookup; a source must therefore give the same answer to the same question for the registry's lifetime
 * (build a new registry to pick up new tables). Absent answers are not cached. Immutable and thread-safe.
 */
public final class CodeTableRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(CodeTableRegistry.class);
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /** Orders editions by their numeric runs, then as text. */
  private static final Comparator<String> EDITION_ORDER = CodeTableRegistry::compareEditions;

  private final List<CodeTableSource> sources;
  private final ConcurrentHashMap<String, List<String>> editionsCache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<List<String>, CodeTable> tableCache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CodeTable> newestCache = new ConcurrentHashMap<>();

  private CodeTableRegistry(List<CodeTableSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /**
   * The shared registry of the tables shipped with govdx-core (listed in {@code docs/code-tables.md}).
   *
   * @return the default registry
   */
  public static CodeTableRegistry defaultRegistry() {
    return DefaultHolder.INSTANCE;
  }

  /**
   * Starts a registry; the built-in tables are included unless {@link Builder#withoutBuiltins()} is called.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The newest edition of a table.
   *
   * @param tableId the table id, e.g. {@code GB/T 3304}
   * @return the table, or empty if no source serves the id
   * @throws NullPointerException if {@code tableId} is null
   * @throws GovdxException if a source serves the table but fails to load it
   */
  public Optional<CodeTable> find(String tableId) {
    CodeTable cached = newestCache.get(Objects.requireNonNull(tableId, "tableId == null"));
    if (cached != null) {
      return Optional.of(cached);
    }
    List<String> eds = editions(tableId);
    Optional<CodeTable> found =
        eds.isEmpty() ? Optional.empty() : find(tableId, eds.get(eds.size() - 1));
    found.ifPresent(t -> newestCache.putIfAbsent(tableId, t));
    return found;
  }

  /**
   * One edition of a table, answered by the first source that offers it.
   *
   * @param tableId the table id
   * @param edition the edition, e.g. {@code 2007}
   * @return the table, or empty if no source offers that edition
   * @throws NullPointerException if an argument is null
   * @throws GovdxException if a source serves the table but fails to load it
   */
  public Optional<CodeTable> find(String tableId, String edition) {
    Objects.requireNonNull(tableId, "tableId == null");
    Objects.requireNonNull(edition, "edition == null");
    List<String> key = List.of(tableId, edition);
    CodeTable cached = tableCache.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<CodeTable> found = findUncached(tableId, edition);
    found.ifPresent(t -> tableCache.putIfAbsent(key, t));
    return found;
  }

  private Optional<CodeTable> findUncached(String tableId, String edition) {
    for (CodeTableSource s : sources) {
      if (s.editions(tableId).contains(edition)) {
        Optional<CodeTable> t = s.fetch(tableId, edition);
        if (t.isPresent()) {
          LOG.debug("code table {} edition {} answered by source {}", tableId, edition, s.name());
          return t;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The newest edition of a table, which must exist.
   *
   * @param tableId the table id
   * @return the table
   * @throws GovdxException {@code GDX-1002} if no source serves the id
   * @throws NullPointerException if {@code tableId} is null
   */
  public CodeTable require(String tableId) {
    Optional<CodeTable> t = find(tableId);
    if (t.isEmpty()) {
      throw new GovdxException(
          CoreErrorCode.CODE_TABLE_UNKNOWN, "no code table '" + tableId + "' in the registry");
    }
    return t.get();
  }

  /**
   * One edition of a table, which must exist.
   *
   * @param tableId the table id
   * @param edition the edition
   * @return the table
   * @throws GovdxException {@code GDX-1002} if no source offers that edition
   * @throws NullPointerException if an argument is null
   */
  public CodeTable require(String tableId, String edition) {
    return find(tableId, edition)
        .orElseThrow(
            () ->
                new GovdxException(
                    CoreErrorCode.CODE_TABLE_UNKNOWN,
                    "no code table '" + tableId + "' edition '" + edition + "' in the registry"));
  }

  /**
   * Whether a code is valid in a given edition of a table ("valid in edition X").
   *
   * @param tableId the table id
   * @param edition the edition
   * @param code the code
   * @return {@code true} if that edition exists and contains the code
   * @throws NullPointerException if an argument is null
   */
  public boolean isValidIn(String tableId, String edition, String code) {
    Objects.requireNonNull(code, "code == null");
    return find(tableId, edition).map(t -> t.contains(code)).orElse(false);
  }

  /**
   * The editions of a table offered by any source, oldest first.
   *
   * @param tableId the table id
   * @return the editions, empty if the id is unknown
   * @throws NullPointerException if {@code tableId} is null
   */
  public List<String> editions(String tableId) {
    Objects.requireNonNull(tableId, "tableId == null");
    List<String> cached = editionsCache.get(tableId);
    if (cached != null) {
      return cached;
    }
    TreeSet<String> all = new TreeSet<>(EDITION_ORDER);
    for (CodeTableSource s : sources) {
      all.addAll(s.editions(tableId));
    }
    List<String> eds = List.copyOf(all);
    if (!eds.isEmpty()) {
      editionsCache.putIfAbsent(tableId, eds);
    }
    return eds;
  }

  /**
   * The ids of all tables any source serves, sorted.
   *
   * @return the table ids
   */
  public Set<String> tableIds() {
    TreeSet<String> ids = new TreeSet<>();
    for (CodeTableSource s : sources) {
      ids.addAll(s.tableIds());
    }
    return java.util.Collections.unmodifiableSet(ids);
  }

  static int compareEditions(String a, String b) {
    Matcher ma = NUMBER.matcher(a);
    Matcher mb = NUMBER.matcher(b);
    while (true) {
      boolean fa = ma.find();
      boolean fb = mb.find();
      if (!fa || !fb) {
        if (fa != fb) {
          return fa ? 1 : -1;
        }
        return a.compareTo(b);
      }
      String na = ma.group().replaceFirst("^0+(?=.)", "");
      String nb = mb.group().replaceFirst("^0+(?=.)", "");
      int c =
          na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
      if (c != 0) {
        return c;
      }
    }
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    sources.forEach(s -> names.add(s.name()));
    return "CodeTableRegistry" + names;
  }

  private static final class DefaultHolder {
    static final CodeTableRegistry INSTANCE =
        new CodeTableRegistry(List.of(BuiltinCodeTableSource.INSTANCE));
  }

  /**
   * Builds a {@link CodeTableRegistry}. Not thread-safe.
   */
  public static final class Builder {

    private final List<CodeTableSource> sources = new ArrayList<>();
    private final List<CodeTable> tables = new ArrayList<>();
    private boolean builtins = true;

    private Builder() {}

    /**
     * Adds a table (e.g. one read with {@link CodeTableReader}); added tables are consulted before every
     * source.
     *
     * @param table the table
     * @return this builder
     */
    public Builder addTable(CodeTable table) {
      tables.add(Objects.requireNonNull(table, "table == null"));
      return this;
    }

    /**
     * Adds a source to the chain, after the sources added before it and before the built-in tables.
     *
     * @param source the source
     * @return this builder
     */
    public Builder addSource(CodeTableSource source) {
      sources.add(Objects.requireNonNull(source, "source == null"));
      return this;
    }

    /**
     * Leaves the built-in tables out of the chain.
     *
     * @return this builder
     */
    public Builder withoutBuiltins() {
      builtins = false;
      return this;
    }

    /**
     * Builds the registry.
     *
     * @return the registry
     * @throws IllegalArgumentException if two added tables share id and edition
     */
    public CodeTableRegistry build() {
      List<CodeTableSource> chain = new ArrayList<>();
      if (!tables.isEmpty()) {
        chain.add(CodeTableSource.of("added-tables", tables));
      }
      chain.addAll(sources);
      if (builtins) {
        chain.add(BuiltinCodeTableSource.INSTANCE);
      }
      return new CodeTableRegistry(chain);
    }
  }
}
