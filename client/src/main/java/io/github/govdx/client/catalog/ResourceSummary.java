package io.github.govdx.client.catalog;

import io.github.govdx.core.party.PartyId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One catalog entry as listed by a search ({@code docs/protocol.md} section 6.1).
 *
 * <p>Immutable and thread-safe.
 */
public final class ResourceSummary {

  private final String resourceCode;
  private final String name;
  private final PartyId provider;
  private final @Nullable String providerName;
  private final @Nullable String summary;
  private final ShareType shareType;
  private final @Nullable String updateCycle;
  private final @Nullable String format;
  private final @Nullable LocalDate publishedOn;

  private ResourceSummary(Builder b) {
    if (b.resourceCode == null) {
      throw new IllegalStateException("ResourceSummary: missing resourceCode");
    }
    this.resourceCode = b.resourceCode;
    if (b.name == null) {
      throw new IllegalStateException("ResourceSummary: missing name");
    }
    this.name = b.name;
    if (b.provider == null) {
      throw new IllegalStateException("ResourceSummary: missing provider");
    }
    this.provider = b.provider;
    this.providerName = b.providerName;
    this.summary = b.summary;
    if (b.shareType == null) {
      throw new IllegalStateException("ResourceSummary: missing shareType");
    }
    this.shareType = b.shareType;
    this.updateCycle = b.updateCycle;
    this.format = b.format;
    this.publishedOn = b.publishedOn;
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
    b.resourceCode = resourceCode;
    b.name = name;
    b.provider = provider;
    b.providerName = providerName;
    b.summary = summary;
    b.shareType = shareType;
    b.updateCycle = updateCycle;
    b.format = format;
    b.publishedOn = publishedOn;
    return b;
  }

  /**
   * The resource code (信息资源代码), {@code classCode/sequence}.
   *
   * @return the value
   */
  public String resourceCode() {
    return resourceCode;
  }

  /**
   * The resource name (信息资源名称).
   *
   * @return the value
   */
  public String name() {
    return name;
  }

  /**
   * The provider department (信息资源提供方).
   *
   * @return the value
   */
  public PartyId provider() {
    return provider;
  }

  /**
   * The provider's name.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> providerName() {
    return Optional.ofNullable(providerName);
  }

  /**
   * The summary (信息资源摘要).
   *
   * @return the value, or empty when absent
   */
  public Optional<String> summary() {
    return Optional.ofNullable(summary);
  }

  /**
   * The share type (共享类型).
   *
   * @return the value
   */
  public ShareType shareType() {
    return shareType;
  }

  /**
   * The update cycle (更新周期), e.g. {@code daily}.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> updateCycle() {
    return Optional.ofNullable(updateCycle);
  }

  /**
   * The resource format (信息资源格式).
   *
   * @return the value, or empty when absent
   */
  public Optional<String> format() {
    return Optional.ofNullable(format);
  }

  /**
   * The publication date (发布日期).
   *
   * @return the value, or empty when absent
   */
  public Optional<LocalDate> publishedOn() {
    return Optional.ofNullable(publishedOn);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ResourceSummary)) {
      return false;
    }
    ResourceSummary that = (ResourceSummary) o;
    return Objects.equals(resourceCode, that.resourceCode)
        && Objects.equals(name, that.name)
        && Objects.equals(provider, that.provider)
        && Objects.equals(providerName, that.providerName)
        && Objects.equals(summary, that.summary)
        && Objects.equals(shareType, that.shareType)
        && Objects.equals(updateCycle, that.updateCycle)
        && Objects.equals(format, that.format)
        && Objects.equals(publishedOn, that.publishedOn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        resourceCode,
        name,
        provider,
        providerName,
        summary,
        shareType,
        updateCycle,
        format,
        publishedOn);
  }

  @Override
  public String toString() {
    return "ResourceSummary{"
        + "resourceCode="
        + resourceCode
        + ", "
        + "name="
        + name
        + ", "
        + "provider="
        + provider
        + ", "
        + "providerName="
        + providerName
        + ", "
        + "summary="
        + summary
        + ", "
        + "shareType="
        + shareType
        + ", "
        + "updateCycle="
        + updateCycle
        + ", "
        + "format="
        + format
        + ", "
        + "publishedOn="
        + publishedOn
        + "}";
  }

  /** Builds a {@link ResourceSummary}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String resourceCode;
    private @Nullable String name;
    private @Nullable PartyId provider;
    private @Nullable String providerName;
    private @Nullable String summary;
    private @Nullable ShareType shareType;
    private @Nullable String updateCycle;
    private @Nullable String format;
    private @Nullable LocalDate publishedOn;

    private Builder() {}

    /**
     * Sets: the resource code (信息资源代码), {@code classCode/sequence}.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder resourceCode(String value) {
      Objects.requireNonNull(value, "resourceCode == null");
      this.resourceCode = value;
      return this;
    }

    /**
     * Sets: the resource name (信息资源名称).
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
     * Sets: the provider department (信息资源提供方).
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder provider(PartyId value) {
      Objects.requireNonNull(value, "provider == null");
      this.provider = value;
      return this;
    }

    /**
     * Sets: the provider's name.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder providerName(@Nullable String value) {
      this.providerName = value;
      return this;
    }

    /**
     * Sets: the summary (信息资源摘要).
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder summary(@Nullable String value) {
      this.summary = value;
      return this;
    }

    /**
     * Sets: the share type (共享类型).
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder shareType(ShareType value) {
      Objects.requireNonNull(value, "shareType == null");
      this.shareType = value;
      return this;
    }

    /**
     * Sets: the update cycle (更新周期), e.g. {@code daily}.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder updateCycle(@Nullable String value) {
      this.updateCycle = value;
      return this;
    }

    /**
     * Sets: the resource format (信息资源格式).
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder format(@Nullable String value) {
      this.format = value;
      return this;
    }

    /**
     * Sets: the publication date (发布日期).
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder publishedOn(@Nullable LocalDate value) {
      this.publishedOn = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the ResourceSummary
     * @throws IllegalStateException if a required field is missing
     */
    public ResourceSummary build() {
      return new ResourceSummary(this);
    }
  }
}
