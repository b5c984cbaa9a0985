package io.github.govdx.core.codes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One edition of a code table (代码表), e.g. GB/T 3304-1991 民族 or the 2020-12 snapshot of GB/T 2260.
 *
 * <p>The id is the standard's number without its year ({@code GB/T 3304}); the edition is the year or vintage
 * ({@code 1991}, {@code 2020-12}). A table carries its names in Chinese and English, its provenance
 * ({@link #source()}) and licence note, and its entries in file order. Lookups by code, {@link #parent} and
 * {@link #children} are O(1) hash lookups; {@link #search} scans the entries.
 *
 * <pre>{@code
 * CodeTable ethnic = CodeTableRegistry.defaultRegistry().require("GB/T 3304");
 * ethnic.label("25", Locale.ENGLISH);   // Optional[Sui]
 * }</pre>
 *
 * <p>Immutable and thread-safe. Equal when id, edition, names, source, licence and entries are equal.
 */
public final class CodeTable {

  private final String id;
  private final String edition;
  private final String nameZh;
  private final @Nullable String nameEn;
  private final String source;
  private final @Nullable String licence;
  private final List<CodeEntry> entries;
  private final Map<String, CodeEntry> byCode;
  private final Map<String, List<CodeEntry>> childrenByCode;

  private CodeTable(Builder b) {
    this.id = b.id;
    this.edition = b.edition;
    this.nameZh = b.nameZh;
    this.nameEn = b.nameEn;
    this.source = b.source;
    this.licence = b.licence;
    this.entries = List.copyOf(b.entries.values());
    // A HashMap measured faster than Map.copyOf's open-addressing table for thousands of keys (see
    // docs/performance.md); it is never mutated after construction and is published through a final
    // field.
    this.byCode = Collections.unmodifiableMap(new HashMap<>(b.entries));
    Map<String, List<CodeEntry>> kids = new HashMap<>();
    for (CodeEntry e : entries) {
      e.parent().ifPresent(p -> kids.computeIfAbsent(p, k -> new ArrayList<>()).add(e));
    }
    Map<String, List<CodeEntry>> frozen = new HashMap<>();
    kids.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    this.childrenByCode = Map.copyOf(frozen);
  }

  /**
   * Starts a table.
   *
   * @param id the table id, e.g. {@code GB/T 3304}
   * @param edition the edition, e.g. {@code 1991}
   * @return a new builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(String id, String edition) {
    return new Builder(id, edition);
  }

  /**
   * A builder copying this table, e.g. to add entries for a newer edition.
   *
   * @return a new builder with this table's content
   */
  public Builder toBuilder() {
    Builder b =
        new Builder(id, edition).nameZh(nameZh).nameEn(nameEn).source(source).licence(licence);
    entries.forEach(b::add);
    return b;
  }

  /**
   * The table id: the standard's number without year, e.g. {@code GB/T 2260}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The edition (year or vintage), e.g. {@code 2020-12}.
   *
   * @return the edition
   */
  public String edition() {
    return edition;
  }

  /**
   * The Chinese title of the table.
   *
   * @return the Chinese name
   */
  public String nameZh() {
    return nameZh;
  }

  /**
   * The English title of the table.
   *
   * @return the English name, or empty when none is known
   */
  public Optional<String> nameEn() {
    return Optional.ofNullable(nameEn);
  }

  /**
   * Where the data comes from (provenance), as free text.
   *
   * @return the source, possibly empty text for tables built in code
   */
  public String source() {
    return source;
  }

  /**
   * The licence note of the data.
   *
   * @return the licence note, or empty when none was given
   */
  public Optional<String> licence() {
    return Optional.ofNullable(licence);
  }

  /**
   * Looks up one code. O(1).
   *
   * @param code the code, e.g. {@code "110105"}
   * @return the entry, or empty if the code is not in this edition
   * @throws NullPointerException if {@code code} is null
   */
  public Optional<CodeEntry> lookup(String code) {
    Objects.requireNonNull(code, "code == null");
    return Optional.ofNullable(byCode.get(code));
  }

  /**
   * Whether this edition contains a code ("valid in edition X").
   *
   * @param code the code
   * @return {@code true} if the code is in this edition
   * @throws NullPointerException if {@code code} is null
   */
  public boolean contains(String code) {
    Objects.requireNonNull(code, "code == null");
    return byCode.containsKey(code);
  }

  /**
   * The number of entries.
   *
   * @return the entry count
   */
  public int size() {
    return entries.size();
  }

  /**
   * All entries in file order.
   *
   * @return an unmodifiable list
   */
  public List<CodeEntry> entries() {
    return entries;
  }

  /**
   * The display label of a code. Chinese locales ({@code zh}) get the Chinese name; any other locale gets
   * the English name, or the Chinese name when the table has no English name for the entry.
   *
   * @param code the code
   * @param locale the display locale
   * @return the label, or empty if the code is unknown
   * @throws NullPointerException if an argument is null
   */
  public Optional<String> label(String code, Locale locale) {
    Objects.requireNonNull(locale, "locale == null");
    return lookup(code)
        .map(e -> "zh".equals(locale.getLanguage()) ? e.nameZh() : e.nameEn().orElse(e.nameZh()));
  }

  /**
   * Finds the entries whose Chinese or English name contains {@code text} (case-insensitive for Latin
   * letters), in file order. Scans the table.
   *
   * @param text the substring to look for; blank text matches nothing
   * @return the matching entries, possibly empty
   * @throws NullPointerException if {@code text} is null
   */
  public List<CodeEntry> search(String text) {
    Objects.requireNonNull(text, "text == null");
    String needle = text.strip().toLowerCase(Locale.ROOT);
    if (needle.isEmpty()) {
      return List.of();
    }
    List<CodeEntry> hits = new ArrayList<>();
    for (CodeEntry e : entries) {
      if (e.nameZh().toLowerCase(Locale.ROOT).contains(needle)
          || e.nameEn().map(n -> n.toLowerCase(Locale.ROOT).contains(needle)).orElse(false)) {
        hits.add(e);
      }
    }
    return List.copyOf(hits);
  }

  /**
   * The parent of a code in this table's hierarchy (e.g. GB/T 2260 110105 朝阳区 → 110000 北京市).
   *
   * @param code the child's code
   * @return the parent entry, or empty if the code is unknown or top-level
   * @throws NullPointerException if {@code code} is null
   */
  public Optional<CodeEntry> parent(String code) {
    return lookup(code).flatMap(CodeEntry::parent).map(byCode::get);
  }

  /**
   * The direct children of a code, in file order.
   *
   * @param code the parent's code
   * @return the children, empty if the code is unknown or has none
   * @throws NullPointerException if {@code code} is null
   */
  public List<CodeEntry> children(String code) {
    Objects.requireNonNull(code, "code == null");
    return childrenByCode.getOrDefault(code, List.of());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CodeTable)) {
      return false;
    }
    CodeTable that = (CodeTable) o;
    return id.equals(that.id)
        && edition.equals(that.edition)
        && nameZh.equals(that.nameZh)
        && Objects.equals(nameEn, that.nameEn)
        && source.equals(that.source)
        && Objects.equals(licence, that.licence)
        && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, edition, nameZh, nameEn, source, licence, entries);
  }

  @Override
  public String toString() {
    return "CodeTable{"
        + id
        + " edition "
        + edition
        + ", "
        + nameZh
        + ", "
        + entries.size()
        + " entries}";
  }

  /**
   * Builds a {@link CodeTable}. Not thread-safe.
   */
  public static final class Builder {

    private final String id;
    private final String edition;
    private @Nullable String nameZh;
    private @Nullable String nameEn;
    private String source = "";
    private @Nullable String licence;
    private final LinkedHashMap<String, CodeEntry> entries = new LinkedHashMap<>();

    private Builder(String id, String edition) {
      this.id = Objects.requireNonNull(id, "id == null");
      this.edition = Objects.requireNonNull(edition, "edition == null");
      if (id.isBlank() || edition.isBlank()) {
        throw new IllegalArgumentException("id and edition must not be blank");
      }
    }

    /**
     * Sets the Chinese title (required).
     *
     * @param nameZh the Chinese title
     * @return this builder
     */
    public Builder nameZh(String nameZh) {
      this.nameZh = Objects.requireNonNull(nameZh, "nameZh == null");
      return this;
    }

    /**
     * Sets the English title.
     *
     * @param nameEn the English title, or {@code null}
     * @return this builder
     */
    public Builder nameEn(@Nullable String nameEn) {
      this.nameEn = nameEn == null || nameEn.isEmpty() ? null : nameEn;
      return this;
    }

    /**
     * Sets the provenance text.
     *
     * @param source where the data comes from
     * @return this builder
     */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source == null");
      return this;
    }

    /**
     * Sets the licence note.
     *
     * @param licence the licence note, or {@code null}
     * @return this builder
     */
    public Builder licence(@Nullable String licence) {
      this.licence = licence == null || licence.isEmpty() ? null : licence;
      return this;
    }

    /**
     * Adds an entry.
     *
     * @param entry the entry
     * @return this builder
     * @throws IllegalArgumentException if the code was already added
     */
    public Builder add(CodeEntry entry) {
      Objects.requireNonNull(entry, "entry == null");
      if (entries.putIfAbsent(entry.code(), entry) != null) {
        throw new IllegalArgumentException("duplicate code " + entry.code());
      }
      return this;
    }

    /**
     * Whether an entry with this code was already added.
     *
     * @param code the code
     * @return {@code true} if present
     */
    public boolean has(String code) {
      return entries.containsKey(code);
    }

    /**
     * Builds the table.
     *
     * @return the table
     * @throws IllegalStateException if {@code nameZh} is missing or an entry names a parent that is not in
     *     the table
     */
    public CodeTable build() {
      if (nameZh == null) {
        throw new IllegalStateException("nameZh is required");
      }
      for (CodeEntry e : entries.values()) {
        String p = e.parent().orElse(null);
        if (p != null && !entries.containsKey(p)) {
          throw new IllegalStateException("entry " + e.code() + " names missing parent " + p);
        }
      }
      return new CodeTable(this);
    }
  }
}
