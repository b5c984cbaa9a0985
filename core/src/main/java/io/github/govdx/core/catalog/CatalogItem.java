package io.github.govdx.core.catalog;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An information item (信息项) of a catalog entry, per the 2017 catalog guide (信息项名称, 数据类型), extended with
 * what a validator needs: the JSON field key, the data element it is built on, an explicit representation
 * format, a code table (and edition) or identifier check, whether it is required, and a sensitivity level.
 *
 * <p>Empty strings mark absent optional attributes. When {@code dataElement} is set, the element's format,
 * code table and identifier check apply unless the item overrides them. Immutable and thread-safe.
 *
 * @param name the item name (信息项名称), Chinese, e.g. {@code 公民身份号码}
 * @param field the JSON property key of the item in records; empty means {@code name} is the key
 * @param dataType the data type letter (C, N, Y, D, T, ...)
 * @param dataElement the data element id, e.g. {@code citizen_id_number}; empty when none
 * @param format the representation format, e.g. {@code an..18}; empty to take the element's
 * @param codeTable the code table id, e.g. {@code GB/T 2261.1}; empty when none
 * @param codeTableEdition the code table edition; empty for the default edition
 * @param identifier the identifier check key, e.g. {@code gb11643}; empty when none
 * @param required whether every record must carry the item
 * @param sensitivity the sensitivity level of the item's values
 */
public record CatalogItem(
    String name,
    String field,
    ItemDataType dataType,
    String dataElement,
    String format,
    String codeTable,
    String codeTableEdition,
    String identifier,
    boolean required,
    SensitivityLevel sensitivity) {

  /**
   * Creates an item; {@code null} optional texts become empty strings.
   *
   * @param name the item name
   * @param field the field key
   * @param dataType the data type
   * @param dataElement the data element id
   * @param format the representation format
   * @param codeTable the code table id
   * @param codeTableEdition the edition
   * @param identifier the identifier check key
   * @param required whether required
   * @param sensitivity the sensitivity level
   * @throws NullPointerException if {@code name}, {@code dataType} or {@code sensitivity} is null
   */
  public CatalogItem {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(dataType, "dataType == null");
    Objects.requireNonNull(sensitivity, "sensitivity == null");
    field = field == null ? "" : field;
    dataElement = dataElement == null ? "" : dataElement;
    format = format == null ? "" : format;
    codeTable = codeTable == null ? "" : codeTable;
    codeTableEdition = codeTableEdition == null ? "" : codeTableEdition;
    identifier = identifier == null ? "" : identifier;
  }

  /**
   * The JSON property key: {@link #field()} if set, else {@link #name()}.
   *
   * @return the key
   */
  public String key() {
    return field.isEmpty() ? name : field;
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
   * A builder initialised with this item.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.field = field;
    b.dataType = dataType;
    b.dataElement = dataElement;
    b.format = format;
    b.codeTable = codeTable;
    b.codeTableEdition = codeTableEdition;
    b.identifier = identifier;
    b.required = required;
    b.sensitivity = sensitivity;
    return b;
  }

  /** Builds a {@link CatalogItem}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String name;
    private String field = "";
    private @Nullable ItemDataType dataType;
    private String dataElement = "";
    private String format = "";
    private String codeTable = "";
    private String codeTableEdition = "";
    private String identifier = "";
    private boolean required;
    private @Nullable SensitivityLevel sensitivity;

    private Builder() {}

    /**
     * Sets the item name (required).
     *
     * @param name the Chinese item name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Sets the JSON field key.
     *
     * @param field the key
     * @return this builder
     */
    public Builder field(String field) {
      this.field = Objects.requireNonNull(field, "field == null");
      return this;
    }

    /**
     * Sets the data type (required).
     *
     * @param dataType the data type
     * @return this builder
     */
    public Builder dataType(ItemDataType dataType) {
      this.dataType = Objects.requireNonNull(dataType, "dataType == null");
      return this;
    }

    /**
     * Sets the data element id.
     *
     * @param dataElement e.g. {@code citizen_id_number}
     * @return this builder
     */
    public Builder dataElement(String dataElement) {
      this.dataElement = Objects.requireNonNull(dataElement, "dataElement == null");
      return this;
    }

    /**
     * Sets the representation format.
     *
     * @param format e.g. {@code an..18}
     * @return this builder
     */
    public Builder format(String format) {
      this.format = Objects.requireNonNull(format, "format == null");
      return this;
    }

    /**
     * Sets the code table.
     *
     * @param codeTable e.g. {@code GB/T 2260}
     * @return this builder
     */
    public Builder codeTable(String codeTable) {
      this.codeTable = Objects.requireNonNull(codeTable, "codeTable == null");
      return this;
    }

    /**
     * Sets the code table edition.
     *
     * @param edition e.g. {@code 2020-12}
     * @return this builder
     */
    public Builder codeTableEdition(String edition) {
      this.codeTableEdition = Objects.requireNonNull(edition, "edition == null");
      return this;
    }

    /**
     * Sets the identifier check.
     *
     * @param identifier e.g. {@code gb11643}
     * @return this builder
     */
    public Builder identifier(String identifier) {
      this.identifier = Objects.requireNonNull(identifier, "identifier == null");
      return this;
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
     * Sets the sensitivity level (required).
     *
     * @param sensitivity the level
     * @return this builder
     */
    public Builder sensitivity(SensitivityLevel sensitivity) {
      this.sensitivity = Objects.requireNonNull(sensitivity, "sensitivity == null");
      return this;
    }

    /**
     * Builds the item.
     *
     * @return the item
     * @throws IllegalStateException if name, dataType or sensitivity is missing
     */
    public CatalogItem build() {
      if (name == null) {
        throw new IllegalStateException("name is required");
      }
      if (dataType == null) {
        throw new IllegalStateException("dataType is required");
      }
      if (sensitivity == null) {
        throw new IllegalStateException("sensitivity is required");
      }
      return new CatalogItem(
          name,
          field,
          dataType,
          dataElement,
          format,
          codeTable,
          codeTableEdition,
          identifier,
          required,
          sensitivity);
    }
  }
}
