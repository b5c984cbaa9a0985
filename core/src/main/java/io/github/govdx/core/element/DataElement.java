package io.github.govdx.core.element;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A data element (数据元): a unit of data whose definition, identification, representation and allowed
 * values are fixed by a standard, per GB/T 19488.1-2004 (attributes modelled on GB/T 18391 / ISO/IEC 11179)
 * and the GA/T 543.1-2011 worked example (DE00001 公民身份号码).
 *
 * <p>govdx keeps the attributes a validator needs: the internal identifier (内部标识符), the identifier
 * (标识符, e.g. {@code GMSFHM}), Chinese and English names, the definition (说明), the data type (数据类型),
 * the representation format (表示格式), the value domain as a code table id (值域, e.g. {@code GB/T 2261.1}) or an
 * identifier check key (e.g. {@code gb11643}), the version (版本) and where the definition comes from.
 *
 * <pre>{@code
 * DataElement sex = DataElement.builder()
 *     .id("DE00002").identifier("XBDM").nameZh("性别代码").nameEn("sex code")
 *     .dataType(DataType.CHARACTER).format("n1").codeTable("GB/T 2261.1")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; equal when all attributes are equal.
 */
public final class DataElement {

  private final String id;
  private final String identifier;
  private final String nameZh;
  private final String nameEn;
  private final String definition;
  private final DataType dataType;
  private final RepresentationFormat format;
  private final @Nullable String codeTable;
  private final @Nullable String codeTableEdition;
  private final @Nullable String identifierCheck;
  private final String version;
  private final String source;

  private DataElement(Builder b) {
    this.id = require(b.id, "id");
    this.identifier = b.identifier == null ? "" : b.identifier;
    this.nameZh = require(b.nameZh, "nameZh");
    this.nameEn = b.nameEn == null ? "" : b.nameEn;
    this.definition = b.definition == null ? "" : b.definition;
    if (b.dataType == null) {
      throw new IllegalStateException("dataType is required");
    }
    this.dataType = b.dataType;
    if (b.format == null) {
      throw new IllegalStateException("format is required");
    }
    this.format = b.format;
    this.codeTable = b.codeTable;
    this.codeTableEdition = b.codeTableEdition;
    this.identifierCheck = b.identifierCheck;
    this.version = b.version == null ? "" : b.version;
    this.source = b.source == null ? "" : b.source;
    checkConsistent();
  }

  private static String require(@Nullable String v, String name) {
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(name + " is required");
    }
    return v;
  }

  private void checkConsistent() {
    boolean dateFormat = format.isDateTime();
    if ((dataType == DataType.DATE || dataType == DataType.DATETIME) && !dateFormat) {
      throw new GovdxException(
          CoreErrorCode.DATA_ELEMENT_INVALID,
          "data element "
              + id
              + ": data type "
              + dataType
              + " needs a date pattern, not '"
              + format
              + "'");
    }
    if (dataType == DataType.DATE && format.hasTime()) {
      throw new GovdxException(
          CoreErrorCode.DATA_ELEMENT_INVALID,
          "data element " + id + ": data type DATE with time pattern '" + format + "'");
    }
    if (dataType == DataType.DATETIME && !format.hasTime()) {
      throw new GovdxException(
          CoreErrorCode.DATA_ELEMENT_INVALID,
          "data element " + id + ": data type DATETIME without time in '" + format + "'");
    }
    if (dataType == DataType.NUMBER
        && format.charClass().orElse(null) != RepresentationFormat.CharClass.N) {
      throw new GovdxException(
          CoreErrorCode.DATA_ELEMENT_INVALID,
          "data element " + id + ": data type NUMBER needs an n format, not '" + format + "'");
    }
    if (dataType != DataType.DATE && dataType != DataType.DATETIME && dateFormat) {
      throw new GovdxException(
          CoreErrorCode.DATA_ELEMENT_INVALID,
          "data element " + id + ": date pattern '" + format + "' on data type " + dataType);
    }
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
   * A builder initialised with this element's attributes.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.identifier = identifier;
    b.nameZh = nameZh;
    b.nameEn = nameEn;
    b.definition = definition;
    b.dataType = dataType;
    b.format = format;
    b.codeTable = codeTable;
    b.codeTableEdition = codeTableEdition;
    b.identifierCheck = identifierCheck;
    b.version = version;
    b.source = source;
    return b;
  }

  /**
   * The internal identifier (内部标识符), unique in its catalogue, e.g. {@code DE00001}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The identifier (标识符), usually the pinyin initials, e.g. {@code GMSFHM}; empty when not given.
   *
   * @return the identifier
   */
  public String identifier() {
    return identifier;
  }

  /**
   * The Chinese name (中文名称), e.g. {@code 公民身份号码}.
   *
   * @return the Chinese name
   */
  public String nameZh() {
    return nameZh;
  }

  /**
   * The English name; empty when not given.
   *
   * @return the English name
   */
  public String nameEn() {
    return nameEn;
  }

  /**
   * The definition (说明); empty when not given.
   *
   * @return the definition
   */
  public String definition() {
    return definition;
  }

  /**
   * The data type (数据类型).
   *
   * @return the data type
   */
  public DataType dataType() {
    return dataType;
  }

  /**
   * The representation format (表示格式).
   *
   * @return the format
   */
  public RepresentationFormat format() {
    return format;
  }

  /**
   * The code table that is the value domain (值域), e.g. {@code GB/T 2261.1}.
   *
   * @return the code table id, or empty
   */
  public Optional<String> codeTable() {
    return Optional.ofNullable(codeTable);
  }

  /**
   * The code table edition to validate against; empty means the registry's default edition.
   *
   * @return the edition, or empty
   */
  public Optional<String> codeTableEdition() {
    return Optional.ofNullable(codeTableEdition);
  }

  /**
   * The identifier check key that is the value domain, e.g. {@code gb11643} (see
   * {@code io.github.govdx.core.ident.IdentifierType}).
   *
   * @return the check key, or empty
   */
  public Optional<String> identifierCheck() {
    return Optional.ofNullable(identifierCheck);
  }

  /**
   * The version (版本); empty when not given.
   *
   * @return the version
   */
  public String version() {
    return version;
  }

  /**
   * Where this definition comes from (standard, clause, confidence); empty when not given.
   *
   * @return the provenance
   */
  public String source() {
    return source;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DataElement)) {
      return false;
    }
    DataElement e = (DataElement) o;
    return id.equals(e.id)
        && identifier.equals(e.identifier)
        && nameZh.equals(e.nameZh)
        && nameEn.equals(e.nameEn)
        && definition.equals(e.definition)
        && dataType == e.dataType
        && format.equals(e.format)
        && Objects.equals(codeTable, e.codeTable)
        && Objects.equals(codeTableEdition, e.codeTableEdition)
        && Objects.equals(identifierCheck, e.identifierCheck)
        && version.equals(e.version)
        && source.equals(e.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id,
        identifier,
        nameZh,
        nameEn,
        definition,
        dataType,
        format,
        codeTable,
        codeTableEdition,
        identifierCheck,
        version,
        source);
  }

  @Override
  public String toString() {
    return "DataElement{"
        + id
        + " "
        + nameZh
        + ", "
        + dataType
        + ", "
        + format
        + (codeTable == null ? "" : ", table " + codeTable)
        + (identifierCheck == null ? "" : ", check " + identifierCheck)
        + "}";
  }

  /** Builds a {@link DataElement}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String identifier;
    private @Nullable String nameZh;
    private @Nullable String nameEn;
    private @Nullable String definition;
    private @Nullable DataType dataType;
    private @Nullable RepresentationFormat format;
    private @Nullable String codeTable;
    private @Nullable String codeTableEdition;
    private @Nullable String identifierCheck;
    private @Nullable String version;
    private @Nullable String source;

    private Builder() {}

    /**
     * Sets the internal identifier (required).
     *
     * @param id e.g. {@code DE00001}
     * @return this builder
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /**
     * Sets the identifier (标识符).
     *
     * @param identifier e.g. {@code GMSFHM}
     * @return this builder
     */
    public Builder identifier(String identifier) {
      this.identifier = Objects.requireNonNull(identifier, "identifier == null");
      return this;
    }

    /**
     * Sets the Chinese name (required).
     *
     * @param nameZh e.g. {@code 公民身份号码}
     * @return this builder
     */
    public Builder nameZh(String nameZh) {
      this.nameZh = Objects.requireNonNull(nameZh, "nameZh == null");
      return this;
    }

    /**
     * Sets the English name.
     *
     * @param nameEn e.g. {@code citizen ID number}
     * @return this builder
     */
    public Builder nameEn(String nameEn) {
      this.nameEn = Objects.requireNonNull(nameEn, "nameEn == null");
      return this;
    }

    /**
     * Sets the definition.
     *
     * @param definition the definition text
     * @return this builder
     */
    public Builder definition(String definition) {
      this.definition = Objects.requireNonNull(definition, "definition == null");
      return this;
    }

    /**
     * Sets the data type (required).
     *
     * @param dataType the data type
     * @return this builder
     */
    public Builder dataType(DataType dataType) {
      this.dataType = Objects.requireNonNull(dataType, "dataType == null");
      return this;
    }

    /**
     * Sets the representation format (required).
     *
     * @param format the parsed format
     * @return this builder
     */
    public Builder format(RepresentationFormat format) {
      this.format = Objects.requireNonNull(format, "format == null");
      return this;
    }

    /**
     * Parses and sets the representation format (required).
     *
     * @param format e.g. {@code an..18}
     * @return this builder
     * @throws RepresentationFormatException {@code GDX-1201} if the text does not parse
     */
    public Builder format(String format) {
      this.format = RepresentationFormat.parse(format);
      return this;
    }

    /**
     * Sets the code table of the value domain.
     *
     * @param codeTable e.g. {@code GB/T 2261.1}
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
     * Sets the identifier check key of the value domain.
     *
     * @param key e.g. {@code gb11643}
     * @return this builder
     */
    public Builder identifierCheck(String key) {
      this.identifierCheck = Objects.requireNonNull(key, "key == null");
      return this;
    }

    /**
     * Sets the version.
     *
     * @param version e.g. {@code 2.0}
     * @return this builder
     */
    public Builder version(String version) {
      this.version = Objects.requireNonNull(version, "version == null");
      return this;
    }

    /**
     * Sets the provenance.
     *
     * @param source standard and clause
     * @return this builder
     */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source == null");
      return this;
    }

    /**
     * Builds the data element.
     *
     * @return the data element
     * @throws IllegalStateException if id, nameZh, dataType or format is missing
     * @throws GovdxException {@code GDX-1202} if data type and format disagree
     */
    public DataElement build() {
      return new DataElement(this);
    }
  }
}
