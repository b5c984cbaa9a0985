package io.github.govdx.core.codes;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One entry (code and names) of a {@link CodeTable}.
 *
 * <p>Besides the code and its Chinese name, an entry may carry an English name or romanization, the code of
 * its parent in the same table (for hierarchies such as GB/T 2260 county → prefecture → province) and extra
 * columns as an immutable attribute map (e.g. {@code alpha2_code} of GB/T 3304, {@code alpha3} of GB/T 2659,
 * {@code level} of GB/T 2260).
 *
 * <p>Immutable and thread-safe; equal when all parts are equal.
 */
public final class CodeEntry {

  private final String code;
  private final String nameZh;
  private final @Nullable String nameEn;
  private final @Nullable String parent;
  private final Map<String, String> attributes;

  private CodeEntry(
      String code,
      String nameZh,
      @Nullable String nameEn,
      @Nullable String parent,
      Map<String, String> attributes) {
    this.code = code;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.parent = parent;
    this.attributes = attributes;
  }

  /**
   * Creates an entry without English name, parent or attributes.
   *
   * @param code the code
   * @param nameZh the Chinese name
   * @return the entry
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code code} is empty
   */
  public static CodeEntry of(String code, String nameZh) {
    return of(code, nameZh, null, null, Map.of());
  }

  /**
   * Creates an entry.
   *
   * @param code the code, not empty
   * @param nameZh the Chinese name
   * @param nameEn the English name or romanization, or {@code null}/empty when unknown
   * @param parent the parent's code in the same table, or {@code null}/empty for a top-level entry
   * @param attributes extra columns (copied); empty values are dropped
   * @return the entry
   * @throws NullPointerException if {@code code}, {@code nameZh} or {@code attributes} is null
   * @throws IllegalArgumentException if {@code code} is empty
   */
  public static CodeEntry of(
      String code,
      String nameZh,
      @Nullable String nameEn,
      @Nullable String parent,
      Map<String, String> attributes) {
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(nameZh, "nameZh == null");
    Objects.requireNonNull(attributes, "attributes == null");
    if (code.isEmpty()) {
      throw new IllegalArgumentException("code is empty");
    }
    TreeMap<String, String> copy = new TreeMap<>();
    attributes.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "attribute key == null");
          Objects.requireNonNull(v, "attribute value == null");
          if (!v.isEmpty()) {
            copy.put(k, v);
          }
        });
    return new CodeEntry(
        code,
        nameZh,
        emptyToNull(nameEn),
        emptyToNull(parent),
        copy.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(copy));
  }

  private static @Nullable String emptyToNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /**
   * The code, e.g. {@code "25"} or {@code "110105"}.
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * The Chinese name, e.g. {@code 水族}.
   *
   * @return the Chinese name
   */
  public String nameZh() {
    return nameZh;
  }

  /**
   * The English name or romanization, e.g. {@code Sui}.
   *
   * @return the English name, or empty when the table has none for this entry
   */
  public Optional<String> nameEn() {
    return Optional.ofNullable(nameEn);
  }

  /**
   * The code of this entry's parent in the same table.
   *
   * @return the parent code, or empty for a top-level entry
   */
  public Optional<String> parent() {
    return Optional.ofNullable(parent);
  }

  /**
   * The extra columns of this entry, sorted by key.
   *
   * @return an unmodifiable map, possibly empty
   */
  public Map<String, String> attributes() {
    return attributes;
  }

  /**
   * One extra column of this entry.
   *
   * @param key the column name, e.g. {@code alpha2_code}
   * @return the value, or empty when this entry has none
   * @throws NullPointerException if {@code key} is null
   */
  public Optional<String> attribute(String key) {
    Objects.requireNonNull(key, "key == null");
    return Optional.ofNullable(attributes.get(key));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CodeEntry)) {
      return false;
    }
    CodeEntry that = (CodeEntry) o;
    return code.equals(that.code)
        && nameZh.equals(that.nameZh)
        && Objects.equals(nameEn, that.nameEn)
        && Objects.equals(parent, that.parent)
        && attributes.equals(that.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, nameZh, nameEn, parent, attributes);
  }

  @Override
  public String toString() {
    return "CodeEntry{"
        + code
        + " "
        + nameZh
        + (nameEn == null ? "" : " / " + nameEn)
        + (parent == null ? "" : ", parent " + parent)
        + (attributes.isEmpty() ? "" : ", " + attributes)
        + "}";
  }
}
