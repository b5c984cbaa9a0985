package io.github.govdx.core.validate;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.catalog.CatalogEntry;
import io.github.govdx.core.catalog.CatalogItem;
import io.github.govdx.core.element.DataElement;
import io.github.govdx.core.element.DataElementCatalogue;
import io.github.govdx.core.element.DataType;
import io.github.govdx.core.element.RepresentationFormat;
import io.github.govdx.core.element.RepresentationFormatException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The schema of a resource's records: its items ({@link FieldSpec}) and whether unknown items are allowed.
 *
 * <p>Written directly with {@link #builder(String)} or derived from a catalog entry with
 * {@link #fromCatalogEntry(CatalogEntry)}. Compile it once with {@link RecordValidator#builder(ResourceSchema)}
 * and validate any number of records.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResourceSchema {

  private final String id;
  private final String name;
  private final List<FieldSpec> fields;
  private final boolean allowUnknownItems;

  private ResourceSchema(
      String id, String name, List<FieldSpec> fields, boolean allowUnknownItems) {
    this.id = id;
    this.name = name;
    this.fields = List.copyOf(fields);
    this.allowUnknownItems = allowUnknownItems;
  }

  /**
   * Starts a schema.
   *
   * @param name the resource name (Chinese), used as the JSON Schema {@code title}
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(Objects.requireNonNull(name, "name == null"));
  }

  /**
   * Derives the schema of a catalog entry's records using the default data element catalogue.
   *
   * @param entry the entry
   * @return the schema
   * @throws GovdxException {@code GDX-1413} if an item refers to an unknown data element or has a
   *     malformed format
   */
  public static ResourceSchema fromCatalogEntry(CatalogEntry entry) {
    return fromCatalogEntry(entry, DataElementCatalogue.defaultCatalogue());
  }

  /**
   * Derives the schema of a catalog entry's records.
   *
   * <p>Each item becomes a value item keyed by {@link CatalogItem#key()}. Its data type comes from the item's
   * data type letter (C/M → 字符型, N/Y/B/I/F → 数字型, D → 日期型, T → 日期时间型, L → 布尔型, G → 二进制);
   * format, code table and identifier check come from the item, else from its data element; dates without a
   * format get {@code YYYYMMDD}, date-times {@code YYYYMMDDhhmmss}. Unknown items are refused.
   *
   * @param entry the entry
   * @param elements the data element catalogue
   * @return the schema
   * @throws GovdxException {@code GDX-1413} if an item refers to an unknown data element or has a
   *     malformed format
   */
  public static ResourceSchema fromCatalogEntry(CatalogEntry entry, DataElementCatalogue elements) {
    Objects.requireNonNull(entry, "entry == null");
    Objects.requireNonNull(elements, "elements == null");
    Builder b = builder(entry.name()).id(entry.resourceCode().toString());
    for (CatalogItem item : entry.items()) {
      b.field(fieldOf(item, elements));
    }
    return b.build();
  }

  private static FieldSpec fieldOf(CatalogItem item, DataElementCatalogue elements) {
    @Nullable DataElement element = null;
    if (!item.dataElement().isEmpty()) {
      element =
          elements
              .find(item.dataElement())
              .orElseThrow(
                  () ->
                      new GovdxException(
                          CoreErrorCode.RESOURCE_SCHEMA_INVALID,
                          "item '"
                              + item.name()
                              + "' refers to unknown data element '"
                              + item.dataElement()
                              + "'"));
    }
    DataType type = item.dataType().valueType();
    FieldSpec.Builder f =
        FieldSpec.value(item.key(), item.name(), type)
            .required(item.required())
            .sensitivity(item.sensitivity());
    @Nullable RepresentationFormat format = null;
    try {
      if (!item.format().isEmpty()) {
        format = RepresentationFormat.parse(item.format());
      } else if (element != null && element.dataType() == type) {
        format = element.format();
      } else if (type == DataType.DATE) {
        format = RepresentationFormat.parse("YYYYMMDD");
      } else if (type == DataType.DATETIME) {
        format = RepresentationFormat.parse("YYYYMMDDhhmmss");
      } else if (item.dataType() == io.github.govdx.core.catalog.ItemDataType.INTEGER) {
        format = RepresentationFormat.parse("n..18");
      }
    } catch (RepresentationFormatException e) {
      throw new GovdxException(
          CoreErrorCode.RESOURCE_SCHEMA_INVALID,
          "item '" + item.name() + "': " + e.getMessage(),
          e);
    }
    if (format != null) {
      f.format(format);
    }
    if (!item.codeTable().isEmpty()) {
      f.codeTable(item.codeTable(), item.codeTableEdition());
    } else if (element != null && element.codeTable().isPresent()) {
      f.codeTable(element.codeTable().get(), element.codeTableEdition().orElse(""));
    }
    if (!item.identifier().isEmpty()) {
      f.identifier(item.identifier());
    } else if (element != null && element.identifierCheck().isPresent()) {
      f.identifier(element.identifierCheck().get());
    }
    if (element != null && element.id().equals(FieldSpec.EMAIL_ELEMENT)) {
      f.jsonFormat("email");
    }
    return f.build();
  }

  /**
   * An identifier of the resource (e.g. its resource code); empty when not given.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The resource name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The top-level items.
   *
   * @return an unmodifiable list
   */
  public List<FieldSpec> fields() {
    return fields;
  }

  /**
   * Whether records may carry items the schema does not define (default {@code false}).
   *
   * @return {@code true} if unknown items are allowed
   */
  public boolean allowUnknownItems() {
    return allowUnknownItems;
  }

  /**
   * Schemas are equal when id, name, unknown-item policy and items (in order) are equal.
   *
   * @param o the other object
   * @return whether equal
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ResourceSchema)) {
      return false;
    }
    ResourceSchema r = (ResourceSchema) o;
    return id.equals(r.id)
        && name.equals(r.name)
        && allowUnknownItems == r.allowUnknownItems
        && fields.equals(r.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, allowUnknownItems, fields);
  }

  @Override
  public String toString() {
    return "ResourceSchema{"
        + name
        + (id.isEmpty() ? "" : " " + id)
        + ", "
        + fields.size()
        + " items}";
  }

  /** Builds a {@link ResourceSchema}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private String id = "";
    private final List<FieldSpec> fields = new ArrayList<>();
    private boolean allowUnknownItems;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the resource id.
     *
     * @param id e.g. the resource code
     * @return this builder
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /**
     * Adds a top-level item.
     *
     * @param field the item
     * @return this builder
     */
    public Builder field(FieldSpec field) {
      fields.add(Objects.requireNonNull(field, "field == null"));
      return this;
    }

    /**
     * Sets whether unknown items are allowed (applies to nested objects too).
     *
     * @param allow whether allowed
     * @return this builder
     */
    public Builder allowUnknownItems(boolean allow) {
      this.allowUnknownItems = allow;
      return this;
    }

    /**
     * Builds the schema.
     *
     * @return the schema
     * @throws IllegalArgumentException if two items share a key
     */
    public ResourceSchema build() {
      Set<String> keys = new HashSet<>();
      for (FieldSpec f : fields) {
        if (!keys.add(f.key())) {
          throw new IllegalArgumentException("duplicate item key '" + f.key() + "'");
        }
      }
      return new ResourceSchema(id, name, fields, allowUnknownItems);
    }
  }
}
