package io.github.govdx.client.catalog;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One information item (信息项) of a resource: its name, data type, data element, representation format, code
 * table, whether it is required and its data security level ({@code docs/protocol.md} section 6.2).
 *
 * <p>Immutable and thread-safe.
 */
public final class ResourceItem {

  private final String name;
  private final @Nullable String nameZh;
  private final @Nullable String dataType;
  private final @Nullable String element;
  private final @Nullable String format;
  private final @Nullable String codeTable;
  private final @Nullable String codeTableEdition;
  private final @Nullable String identifier;
  private final boolean required;
  private final @Nullable Integer sensitivity;

  private ResourceItem(Builder b) {
    if (b.name == null) {
      throw new IllegalStateException("ResourceItem: missing name");
    }
    this.name = b.name;
    this.nameZh = b.nameZh;
    this.dataType = b.dataType;
    this.element = b.element;
    this.format = b.format;
    this.codeTable = b.codeTable;
    this.codeTableEdition = b.codeTableEdition;
    this.identifier = b.identifier;
    this.required = b.required;
    this.sensitivity = b.sensitivity;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised with this object's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.nameZh = nameZh;
    b.dataType = dataType;
    b.element = element;
    b.format = format;
    b.codeTable = codeTable;
    b.codeTableEdition = codeTableEdition;
    b.identifier = identifier;
    b.required = required;
    b.sensitivity = sensitivity;
    return b;
  }

  /**
   * The item name as used in records, e.g. {@code sfzh}.
   *
   * @return the value
   */
  public String name() {
    return name;
  }

  /**
   * The Chinese name, e.g. 公民身份号码.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> nameZh() {
    return Optional.ofNullable(nameZh);
  }

  /**
   * The catalog guide data type letter (C, N, Y, D, T, L, M, G, B, I, F).
   *
   * @return the value, or empty when absent
   */
  public Optional<String> dataType() {
    return Optional.ofNullable(dataType);
  }

  /**
   * The data element identifier.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> element() {
    return Optional.ofNullable(element);
  }

  /**
   * The representation format, e.g. {@code an..50}.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> format() {
    return Optional.ofNullable(format);
  }

  /**
   * The code table, e.g. {@code GB/T 2261.1-2003}.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> codeTable() {
    return Optional.ofNullable(codeTable);
  }

  /**
   * The edition of the code table, e.g. {@code 2020-12} for GB/T 2260; empty means the default (newest)
   * edition govdx-core ships ({@code docs/validation.md} section 3).
   *
   * @return the value, or empty when absent
   */
  public Optional<String> codeTableEdition() {
    return Optional.ofNullable(codeTableEdition);
  }

  /**
   * The identifier check of the item's values, a govdx-core check key: {@code gb11643} (citizen id number,
   * GB 11643-1999), {@code gb32100} (unified social credit code, GB 32100-2015), {@code gb11714},
   * {@code mobile} or {@code postal}.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> identifier() {
    return Optional.ofNullable(identifier);
  }

  /**
   * Whether every record must carry the item.
   *
   * @return the value
   */
  public boolean required() {
    return required;
  }

  /**
   * The data security level, 1 (lowest) to 4.
   *
   * @return the value, or empty when absent
   */
  public Optional<Integer> sensitivity() {
    return Optional.ofNullable(sensitivity);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ResourceItem)) {
      return false;
    }
    ResourceItem that = (ResourceItem) o;
    return Objects.equals(name, that.name)
        && Objects.equals(nameZh, that.nameZh)
        && Objects.equals(dataType, that.dataType)
        && Objects.equals(element, that.element)
        && Objects.equals(format, that.format)
        && Objects.equals(codeTable, that.codeTable)
        && Objects.equals(codeTableEdition, that.codeTableEdition)
        && Objects.equals(identifier, that.identifier)
        && required == that.required
        && Objects.equals(sensitivity, that.sensitivity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name,
        nameZh,
        dataType,
        element,
        format,
        codeTable,
        codeTableEdition,
        identifier,
        required,
        sensitivity);
  }

  @Override
  public String toString() {
    return "ResourceItem{"
        + "name="
        + name
        + ", "
        + "nameZh="
        + nameZh
        + ", "
        + "dataType="
        + dataType
        + ", "
        + "element="
        + element
        + ", "
        + "format="
        + format
        + ", "
        + "codeTable="
        + codeTable
        + ", "
        + "codeTableEdition="
        + codeTableEdition
        + ", "
        + "identifier="
        + identifier
        + ", "
        + "required="
        + required
        + ", "
        + "sensitivity="
        + sensitivity
        + "}";
  }

  /** Builds a {@link ResourceItem}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String name;
    private @Nullable String nameZh;
    private @Nullable String dataType;
    private @Nullable String element;
    private @Nullable String format;
    private @Nullable String codeTable;
    private @Nullable String codeTableEdition;
    private @Nullable String identifier;
    private boolean required = false;
    private @Nullable Integer sensitivity;

    private Builder() {}

    /**
     * Sets: the item name as used in records, e.g. {@code sfzh}.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder name(String value) {
      Objects.requireNonNull(value, "name == null");
      this.name = value;
      return this;
    }

    /**
     * Sets: the Chinese name, e.g. 公民身份号码.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder nameZh(@Nullable String value) {
      this.nameZh = value;
      return this;
    }

    /**
     * Sets: the catalog guide data type letter (C, N, Y, D, T, L, M, G, B, I, F).
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder dataType(@Nullable String value) {
      this.dataType = value;
      return this;
    }

    /**
     * Sets: the data element identifier.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder element(@Nullable String value) {
      this.element = value;
      return this;
    }

    /**
     * Sets: the representation format, e.g. {@code an..50}.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder format(@Nullable String value) {
      this.format = value;
      return this;
    }

    /**
     * Sets: the code table, e.g. {@code GB/T 2261.1-2003}.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder codeTable(@Nullable String value) {
      this.codeTable = value;
      return this;
    }

    /**
     * Sets: the edition of the code table, e.g. {@code 2020-12}.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder codeTableEdition(@Nullable String value) {
      this.codeTableEdition = value;
      return this;
    }

    /**
     * Sets: the identifier check key, e.g. {@code gb11643}.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder identifier(@Nullable String value) {
      this.identifier = value;
      return this;
    }

    /**
     * Sets: whether every record must carry the item.
     *
     * @param value the value
     * @return this builder
     */
    public Builder required(boolean value) {
      this.required = value;
      return this;
    }

    /**
     * Sets: the data security level, 1 (lowest) to 4.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder sensitivity(@Nullable Integer value) {
      this.sensitivity = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the ResourceItem
     * @throws IllegalStateException if a required field is missing
     */
    public ResourceItem build() {
      return new ResourceItem(this);
    }
  }
}
