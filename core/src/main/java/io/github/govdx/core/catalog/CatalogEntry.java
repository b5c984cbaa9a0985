package io.github.govdx.core.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A catalog entry (政务信息资源目录条目): the core metadata of a government information resource per the 2017
 * catalog guide (政务信息资源目录编制指南(试行) §2.2 field list) and GB/T 21063.3-2007.
 *
 * <p>Fields, in the guide's order: 信息资源分类 ({@link #classification()}), 信息资源名称 ({@link #name()}),
 * 信息资源代码 ({@link #resourceCode()}), 信息资源提供方 and its code ({@link #provider()},
 * {@link #providerCode()}), 信息资源摘要 ({@link #summary()}), 信息资源格式 ({@link #format()}), 信息项信息
 * ({@link #items()}), 共享属性 ({@link #sharing()}), 开放属性 ({@link #open()}), 更新周期
 * ({@link #updateCycle()}), 发布日期 ({@link #publishDate()}) and 关联资源代码 ({@link #relatedCodes()}).
 * Each item carries a sensitivity level.
 *
 * <p>Map to and from JSON with {@link CatalogEntries}; check the entry's own consistency with
 * {@link CatalogEntries#check(CatalogEntry)}; compile it into a record schema with
 * {@code io.github.govdx.core.validate.ResourceSchema#fromCatalogEntry}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param classification the classification
 * @param name the resource name
 * @param resourceCode the resource code
 * @param provider the provider department's name
 * @param providerCode the provider code (usually the department's unified social credit code)
 * @param summary the summary
 * @param format the resource format
 * @param items the information items, in order
 * @param sharing the sharing attributes
 * @param open the open attributes
 * @param updateCycle the update cycle
 * @param publishDate the publish date
 * @param relatedCodes the related resource codes
 */
public record CatalogEntry(
    ResourceClassification classification,
    String name,
    ResourceCode resourceCode,
    String provider,
    String providerCode,
    String summary,
    ResourceFormat format,
    List<CatalogItem> items,
    SharingAttributes sharing,
    OpenAttributes open,
    UpdateCycle updateCycle,
    @JsonSerialize(using = IsoDates.Serializer.class)
        @JsonDeserialize(using = IsoDates.Deserializer.class)
        LocalDate publishDate,
    List<ResourceCode> relatedCodes) {

  /**
   * Creates an entry; {@code null} texts become empty and {@code null} lists empty.
   *
   * @param classification the classification
   * @param name the name
   * @param resourceCode the resource code
   * @param provider the provider
   * @param providerCode the provider code
   * @param summary the summary
   * @param format the format
   * @param items the items
   * @param sharing the sharing attributes
   * @param open the open attributes
   * @param updateCycle the update cycle
   * @param publishDate the publish date
   * @param relatedCodes the related codes
   * @throws NullPointerException if classification, name, resourceCode, format, sharing, open, updateCycle or
   *     publishDate is null
   */
  public CatalogEntry {
    Objects.requireNonNull(classification, "classification == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(resourceCode, "resourceCode == null");
    Objects.requireNonNull(format, "format == null");
    Objects.requireNonNull(sharing, "sharing == null");
    Objects.requireNonNull(open, "open == null");
    Objects.requireNonNull(updateCycle, "updateCycle == null");
    Objects.requireNonNull(publishDate, "publishDate == null");
    provider = provider == null ? "" : provider;
    providerCode = providerCode == null ? "" : providerCode;
    summary = summary == null ? "" : summary;
    items = items == null ? List.of() : List.copyOf(items);
    relatedCodes = relatedCodes == null ? List.of() : List.copyOf(relatedCodes);
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
   * A builder initialised with this entry.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.classification = classification;
    b.name = name;
    b.resourceCode = resourceCode;
    b.provider = provider;
    b.providerCode = providerCode;
    b.summary = summary;
    b.format = format;
    b.items.addAll(items);
    b.sharing = sharing;
    b.open = open;
    b.updateCycle = updateCycle;
    b.publishDate = publishDate;
    b.relatedCodes.addAll(relatedCodes);
    return b;
  }

  /** Builds a {@link CatalogEntry}. Not thread-safe. */
  public static final class Builder {
    private @Nullable ResourceClassification classification;
    private @Nullable String name;
    private @Nullable ResourceCode resourceCode;
    private String provider = "";
    private String providerCode = "";
    private String summary = "";
    private @Nullable ResourceFormat format;
    private final List<CatalogItem> items = new ArrayList<>();
    private @Nullable SharingAttributes sharing;
    private OpenAttributes open = new OpenAttributes(false, "");
    private @Nullable UpdateCycle updateCycle;
    private @Nullable LocalDate publishDate;
    private final List<ResourceCode> relatedCodes = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the classification (required).
     *
     * @param classification the classification
     * @return this builder
     */
    public Builder classification(ResourceClassification classification) {
      this.classification = Objects.requireNonNull(classification, "classification == null");
      return this;
    }

    /**
     * Sets the resource name (required).
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Sets the resource code (required).
     *
     * @param resourceCode the code
     * @return this builder
     */
    public Builder resourceCode(ResourceCode resourceCode) {
      this.resourceCode = Objects.requireNonNull(resourceCode, "resourceCode == null");
      return this;
    }

    /**
     * Parses and sets the resource code (required).
     *
     * @param resourceCode e.g. {@code 110001/000001}
     * @return this builder
     * @throws io.github.govdx.core.GovdxException {@code GDX-1304} if malformed
     */
    public Builder resourceCode(String resourceCode) {
      this.resourceCode = ResourceCode.parse(resourceCode);
      return this;
    }

    /**
     * Sets the provider name.
     *
     * @param provider the provider department
     * @return this builder
     */
    public Builder provider(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
      return this;
    }

    /**
     * Sets the provider code.
     *
     * @param providerCode the provider code
     * @return this builder
     */
    public Builder providerCode(String providerCode) {
      this.providerCode = Objects.requireNonNull(providerCode, "providerCode == null");
      return this;
    }

    /**
     * Sets the summary.
     *
     * @param summary the summary
     * @return this builder
     */
    public Builder summary(String summary) {
      this.summary = Objects.requireNonNull(summary, "summary == null");
      return this;
    }

    /**
     * Sets the resource format (required).
     *
     * @param format the format
     * @return this builder
     */
    public Builder format(ResourceFormat format) {
      this.format = Objects.requireNonNull(format, "format == null");
      return this;
    }

    /**
     * Adds an item.
     *
     * @param item the item
     * @return this builder
     */
    public Builder addItem(CatalogItem item) {
      items.add(Objects.requireNonNull(item, "item == null"));
      return this;
    }

    /**
     * Sets the sharing attributes (required).
     *
     * @param sharing the sharing attributes
     * @return this builder
     */
    public Builder sharing(SharingAttributes sharing) {
      this.sharing = Objects.requireNonNull(sharing, "sharing == null");
      return this;
    }

    /**
     * Sets the open attributes (default: not open).
     *
     * @param open the open attributes
     * @return this builder
     */
    public Builder open(OpenAttributes open) {
      this.open = Objects.requireNonNull(open, "open == null");
      return this;
    }

    /**
     * Sets the update cycle (required).
     *
     * @param updateCycle the cycle
     * @return this builder
     */
    public Builder updateCycle(UpdateCycle updateCycle) {
      this.updateCycle = Objects.requireNonNull(updateCycle, "updateCycle == null");
      return this;
    }

    /**
     * Sets the publish date (required).
     *
     * @param publishDate the date
     * @return this builder
     */
    public Builder publishDate(LocalDate publishDate) {
      this.publishDate = Objects.requireNonNull(publishDate, "publishDate == null");
      return this;
    }

    /**
     * Adds a related resource code.
     *
     * @param code the code
     * @return this builder
     */
    public Builder addRelatedCode(ResourceCode code) {
      relatedCodes.add(Objects.requireNonNull(code, "code == null"));
      return this;
    }

    /**
     * Builds the entry. Consistency rules are checked by {@link CatalogEntries#check(CatalogEntry)}.
     *
     * @return the entry
     * @throws IllegalStateException naming the first missing required field
     */
    public CatalogEntry build() {
      if (classification == null) {
        throw new IllegalStateException("classification is required");
      }
      if (name == null) {
        throw new IllegalStateException("name is required");
      }
      if (resourceCode == null) {
        throw new IllegalStateException("resourceCode is required");
      }
      if (format == null) {
        throw new IllegalStateException("format is required");
      }
      if (sharing == null) {
        throw new IllegalStateException("sharing is required");
      }
      if (updateCycle == null) {
        throw new IllegalStateException("updateCycle is required");
      }
      if (publishDate == null) {
        throw new IllegalStateException("publishDate is required");
      }
      return new CatalogEntry(
          classification,
          name,
          resourceCode,
          provider,
          providerCode,
          summary,
          format,
          items,
          sharing,
          open,
          updateCycle,
          publishDate,
          relatedCodes);
    }
  }
}
