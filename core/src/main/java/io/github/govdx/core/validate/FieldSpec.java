package io.github.govdx.core.validate;

import io.github.govdx.core.catalog.SensitivityLevel;
import io.github.govdx.core.element.DataElement;
import io.github.govdx.core.element.DataType;
import io.github.govdx.core.element.RepresentationFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One item of a {@link ResourceSchema}: a value (with data type, representation format, code table and
 * identifier check), a nested object, or an array.
 *
 * <pre>{@code
 * FieldSpec id = FieldSpec.value("gmsfhm", "公民身份号码", DataType.CHARACTER)
 *     .format("c18").identifier("gb11643").required().build();
 * FieldSpec sex = FieldSpec.fromElement("xb", DataElementCatalogue.defaultCatalogue().get("sex_code")).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FieldSpec {

  /** What kind of JSON value an item holds. */
  public enum Kind {
    /** A scalar value of a {@link DataType}. */
    VALUE,
    /** A nested object with its own items. */
    OBJECT,
    /** An array whose elements follow one item spec. */
    ARRAY
  }

  /** The shipped data element whose values also get JSON Schema {@code format: email}. */
  static final String EMAIL_ELEMENT = "email";

  private final String key;
  private final String nameZh;
  private final Kind kind;
  private final @Nullable DataType dataType;
  private final @Nullable RepresentationFormat format;
  private final @Nullable String codeTable;
  private final String codeTableEdition;
  private final @Nullable String identifier;
  private final @Nullable String jsonFormat;
  private final boolean required;
  private final @Nullable SensitivityLevel sensitivity;
  private final List<FieldSpec> fields;
  private final @Nullable FieldSpec items;
  private final int minItems;
  private final int maxItems;

  private FieldSpec(Builder b) {
    this.key = b.key;
    this.nameZh = b.nameZh;
    this.kind = b.kind;
    this.dataType = b.dataType;
    this.format = b.format;
    this.codeTable = b.codeTable;
    this.codeTableEdition = b.codeTableEdition;
    this.identifier = b.identifier;
    this.jsonFormat = b.jsonFormat;
    this.required = b.required;
    this.sensitivity = b.sensitivity;
    this.fields = List.copyOf(b.fields);
    this.items = b.items;
    this.minItems = b.minItems;
    this.maxItems = b.maxItems;
  }

  /**
   * Starts a value item.
   *
   * @param key the JSON property key
   * @param nameZh the Chinese item name
   * @param dataType the data type
   * @return a builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder value(String key, String nameZh, DataType dataType) {
    Builder b = new Builder(key, nameZh, Kind.VALUE);
    b.dataType = Objects.requireNonNull(dataType, "dataType == null");
    return b;
  }

  /**
   * Starts a value item that takes type, format, code table and identifier check from a data element (and
   * {@code format: email} for the shipped {@code email} element).
   *
   * @param key the JSON property key
   * @param element the data element
   * @return a builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder fromElement(String key, DataElement element) {
    Objects.requireNonNull(element, "element == null");
    Builder b = value(key, element.nameZh(), element.dataType()).format(element.format());
    element.codeTable().ifPresent(t -> b.codeTable(t, element.codeTableEdition().orElse("")));
    element.identifierCheck().ifPresent(b::identifier);
    if (EMAIL_ELEMENT.equals(element.id())) {
      b.jsonFormat("email");
    }
    return b;
  }

  /**
   * Starts a nested object item.
   *
   * @param key the JSON property key
   * @param nameZh the Chinese item name
   * @return a builder
   */
  public static Builder object(String key, String nameZh) {
    return new Builder(key, nameZh, Kind.OBJECT);
  }

  /**
   * Starts an array item.
   *
   * @param key the JSON property key
   * @param nameZh the Chinese item name
   * @param items the spec of every element (its key is ignored)
   * @return a builder
   */
  public static Builder array(String key, String nameZh, FieldSpec items) {
    Builder b = new Builder(key, nameZh, Kind.ARRAY);
    b.items = Objects.requireNonNull(items, "items == null");
    return b;
  }

  /**
   * The JSON property key.
   *
   * @return the key
   */
  public String key() {
    return key;
  }

  /**
   * The Chinese item name, used in reports.
   *
   * @return the name
   */
  public String nameZh() {
    return nameZh;
  }

  /**
   * The kind of item.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The data type of a value item.
   *
   * @return the data type, or empty for objects and arrays
   */
  public Optional<DataType> dataType() {
    return Optional.ofNullable(dataType);
  }

  /**
   * The representation format.
   *
   * @return the format, or empty
   */
  public Optional<RepresentationFormat> format() {
    return Optional.ofNullable(format);
  }

  /**
   * The code table id.
   *
   * @return the table id, or empty
   */
  public Optional<String> codeTable() {
    return Optional.ofNullable(codeTable);
  }

  /**
   * The code table edition; empty string for the default edition.
   *
   * @return the edition
   */
  public String codeTableEdition() {
    return codeTableEdition;
  }

  /**
   * The identifier check key.
   *
   * @return the key, or empty
   */
  public Optional<String> identifier() {
    return Optional.ofNullable(identifier);
  }

  /**
   * A JSON Schema {@code format} asserted on the value (e.g. {@code email}).
   *
   * @return the format name, or empty
   */
  public Optional<String> jsonFormat() {
    return Optional.ofNullable(jsonFormat);
  }

  /**
   * Whether the item must be present.
   *
   * @return {@code true} if required
   */
  public boolean required() {
    return required;
  }

  /**
   * The sensitivity level.
   *
   * @return the level, or empty
   */
  public Optional<SensitivityLevel> sensitivity() {
    return Optional.ofNullable(sensitivity);
  }

  /**
   * The items of a nested object.
   *
   * @return the items (empty for values and arrays)
   */
  public List<FieldSpec> fields() {
    return fields;
  }

  /**
   * The element spec of an array.
   *
   * @return the element spec, or empty
   */
  public Optional<FieldSpec> items() {
    return Optional.ofNullable(items);
  }

  /**
   * The minimum number of array elements.
   *
   * @return the minimum (0 when none)
   */
  public int minItems() {
    return minItems;
  }

  /**
   * The maximum number of array elements; -1 when unlimited.
   *
   * @return the maximum
   */
  public int maxItems() {
    return maxItems;
  }

  /**
   * Items are equal when every attribute is equal (key, name, kind, type, format, code table and edition,
   * identifier check, JSON format, required, sensitivity, nested items, array element spec and bounds).
   *
   * @param o the other object
   * @return whether equal
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FieldSpec)) {
      return false;
    }
    FieldSpec f = (FieldSpec) o;
    return key.equals(f.key)
        && nameZh.equals(f.nameZh)
        && kind == f.kind
        && dataType == f.dataType
        && Objects.equals(format, f.format)
        && Objects.equals(codeTable, f.codeTable)
        && codeTableEdition.equals(f.codeTableEdition)
        && Objects.equals(identifier, f.identifier)
        && Objects.equals(jsonFormat, f.jsonFormat)
        && required == f.required
        && sensitivity == f.sensitivity
        && fields.equals(f.fields)
        && Objects.equals(items, f.items)
        && minItems == f.minItems
        && maxItems == f.maxItems;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        key,
        nameZh,
        kind,
        dataType,
        format,
        codeTable,
        codeTableEdition,
        identifier,
        jsonFormat,
        required,
        sensitivity,
        fields,
        items,
        minItems,
        maxItems);
  }

  @Override
  public String toString() {
    return "FieldSpec{"
        + key
        + " "
        + nameZh
        + " "
        + kind
        + (dataType == null ? "" : " " + dataType)
        + (format == null ? "" : " " + format)
        + (required ? " required" : "")
        + "}";
  }

  /** Builds a {@link FieldSpec}. Not thread-safe. */
  public static final class Builder {
    private final String key;
    private final String nameZh;
    private final Kind kind;
    private @Nullable DataType dataType;
    private @Nullable RepresentationFormat format;
    private @Nullable String codeTable;
    private String codeTableEdition = "";
    private @Nullable String identifier;
    private @Nullable String jsonFormat;
    private boolean required;
    private @Nullable SensitivityLevel sensitivity;
    private final List<FieldSpec> fields = new ArrayList<>();
    private @Nullable FieldSpec items;
    private int minItems;
    private int maxItems = -1;

    private Builder(String key, String nameZh, Kind kind) {
      this.key = Objects.requireNonNull(key, "key == null");
      this.nameZh = Objects.requireNonNull(nameZh, "nameZh == null");
      this.kind = kind;
    }

    /**
     * Sets the representation format.
     *
     * @param format e.g. {@code an..18}
     * @return this builder
     * @throws io.github.govdx.core.element.RepresentationFormatException {@code GDX-1201} if malformed
     */
    public Builder format(String format) {
      return format(RepresentationFormat.parse(format));
    }

    /**
     * Sets the representation format.
     *
     * @param format the format
     * @return this builder
     */
    public Builder format(RepresentationFormat format) {
      this.format = Objects.requireNonNull(format, "format == null");
      return this;
    }

    /**
     * Sets the code table, default edition.
     *
     * @param tableId e.g. {@code GB/T 2261.1}
     * @return this builder
     */
    public Builder codeTable(String tableId) {
      return codeTable(tableId, "");
    }

    /**
     * Sets the code table and edition.
     *
     * @param tableId e.g. {@code GB/T 2260}
     * @param edition e.g. {@code 2020-12}; empty for the default
     * @return this builder
     */
    public Builder codeTable(String tableId, String edition) {
      this.codeTable = Objects.requireNonNull(tableId, "tableId == null");
      this.codeTableEdition = Objects.requireNonNull(edition, "edition == null");
      return this;
    }

    /**
     * Sets the identifier check.
     *
     * @param key e.g. {@code gb11643}
     * @return this builder
     */
    public Builder identifier(String key) {
      this.identifier = Objects.requireNonNull(key, "key == null");
      return this;
    }

    /**
     * Sets a JSON Schema format assertion.
     *
     * @param name e.g. {@code email}
     * @return this builder
     */
    public Builder jsonFormat(String name) {
      this.jsonFormat = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Marks the item required.
     *
     * @return this builder
     */
    public Builder required() {
      return required(true);
    }

    /**
     * Sets whether the item is required.
     *
     * @param required whether required
     * @return this builder
     */
    public Builder required(boolean required) {
      this.required = required;
      return this;
    }

    /**
     * Sets the sensitivity level.
     *
     * @param level the level
     * @return this builder
     */
    public Builder sensitivity(SensitivityLevel level) {
      this.sensitivity = Objects.requireNonNull(level, "level == null");
      return this;
    }

    /**
     * Adds a nested item (objects only).
     *
     * @param field the nested item
     * @return this builder
     * @throws IllegalStateException if this is not an object item
     */
    public Builder field(FieldSpec field) {
      if (kind != Kind.OBJECT) {
        throw new IllegalStateException("only object items have fields");
      }
      fields.add(Objects.requireNonNull(field, "field == null"));
      return this;
    }

    /**
     * Sets array size bounds (arrays only).
     *
     * @param min the minimum number of elements
     * @param max the maximum, or -1 for unlimited
     * @return this builder
     * @throws IllegalStateException if this is not an array item
     * @throws IllegalArgumentException if the bounds are inconsistent
     */
    public Builder size(int min, int max) {
      if (kind != Kind.ARRAY) {
        throw new IllegalStateException("only array items have a size");
      }
      if (min < 0 || (max >= 0 && max < min) || max < -1) {
        throw new IllegalArgumentException("bad size bounds " + min + ".." + max);
      }
      this.minItems = min;
      this.maxItems = max;
      return this;
    }

    /**
     * Builds the item.
     *
     * @return the item
     * @throws IllegalArgumentException if two nested items share a key
     */
    public FieldSpec build() {
      java.util.Set<String> keys = new java.util.HashSet<>();
      for (FieldSpec f : fields) {
        if (!keys.add(f.key())) {
          throw new IllegalArgumentException("duplicate item key '" + f.key() + "' in " + key);
        }
      }
      return new FieldSpec(this);
    }
  }
}
