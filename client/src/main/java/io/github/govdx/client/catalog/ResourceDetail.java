package io.github.govdx.client.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.core.party.PartyId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A catalog entry in full: metadata, items, the actions its provider accepts and the record schema
 * ({@code GET /v1/catalog/resources/{classCode}/{sequence}}, {@code docs/protocol.md} section 6.2).
 *
 * <p>Immutable and thread-safe.
 */
public final class ResourceDetail {

  private final ResourceSummary summary;
  private final @Nullable String shareConditions;
  private final List<String> actions;
  private final List<ResourceItem> items;
  private final @Nullable JsonNode schema;

  private ResourceDetail(Builder b) {
    if (b.summary == null) {
      throw new IllegalStateException("ResourceDetail: missing summary");
    }
    this.summary = b.summary;
    this.shareConditions = b.shareConditions;
    this.actions = List.copyOf(b.actions);
    this.items = List.copyOf(b.items);
    this.schema = b.schema;
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
    b.summary = summary;
    b.shareConditions = shareConditions;
    b.actions.addAll(actions);
    b.items.addAll(items);
    b.schema = schema;
    return b;
  }

  /**
   * The listing fields (code, name, provider, share type ...).
   *
   * @return the value
   */
  public ResourceSummary summary() {
    return summary;
  }

  /**
   * The conditions of conditional sharing (共享条件).
   *
   * @return the value, or empty when absent
   */
  public Optional<String> shareConditions() {
    return Optional.ofNullable(shareConditions);
  }

  /**
   * What the provider accepts: {@code query}, {@code push}.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<String> actions() {
    return actions;
  }

  /**
   * The information items.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<ResourceItem> items() {
    return items;
  }

  /**
   * The JSON Schema (draft 2020-12 with govdx keywords) of one record.
   *
   * @return the value, or empty when absent
   */
  public Optional<JsonNode> schema() {
    return Optional.ofNullable(schema);
  }

  /**
   * The resource code, from the summary.
   *
   * @return the resource code
   */
  public String resourceCode() {
    return summary.resourceCode();
  }

  /**
   * The provider, from the summary.
   *
   * @return the provider party
   */
  public PartyId provider() {
    return summary.provider();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ResourceDetail)) {
      return false;
    }
    ResourceDetail that = (ResourceDetail) o;
    return Objects.equals(summary, that.summary)
        && Objects.equals(shareConditions, that.shareConditions)
        && Objects.equals(actions, that.actions)
        && Objects.equals(items, that.items)
        && Objects.equals(schema, that.schema);
  }

  @Override
  public int hashCode() {
    return Objects.hash(summary, shareConditions, actions, items, schema);
  }

  @Override
  public String toString() {
    return "ResourceDetail{"
        + "summary="
        + summary
        + ", "
        + "shareConditions="
        + shareConditions
        + ", "
        + "actions="
        + actions
        + ", "
        + "items="
        + items
        + "}";
  }

  /** Builds a {@link ResourceDetail}. Not thread-safe. */
  public static final class Builder {

    private @Nullable ResourceSummary summary;
    private @Nullable String shareConditions;
    private final List<String> actions = new ArrayList<>();
    private final List<ResourceItem> items = new ArrayList<>();
    private @Nullable JsonNode schema;

    private Builder() {}

    /**
     * Sets: the listing fields (code, name, provider, share type ...).
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder summary(ResourceSummary value) {
      Objects.requireNonNull(value, "summary == null");
      this.summary = value;
      return this;
    }

    /**
     * Sets: the conditions of conditional sharing (共享条件).
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder shareConditions(@Nullable String value) {
      this.shareConditions = value;
      return this;
    }

    /**
     * Sets: what the provider accepts: {@code query}, {@code push}.
     *
     * @param values the values (replacing earlier ones)
     * @return this builder
     * @throws NullPointerException if {@code values} is or holds null
     */
    public Builder actions(java.util.Collection<? extends String> values) {
      List<String> copy = List.copyOf(Objects.requireNonNull(values, "values == null"));
      this.actions.clear();
      this.actions.addAll(copy);
      return this;
    }

    /**
     * Sets: the information items.
     *
     * @param values the values (replacing earlier ones)
     * @return this builder
     * @throws NullPointerException if {@code values} is or holds null
     */
    public Builder items(java.util.Collection<? extends ResourceItem> values) {
      List<ResourceItem> copy = List.copyOf(Objects.requireNonNull(values, "values == null"));
      this.items.clear();
      this.items.addAll(copy);
      return this;
    }

    /**
     * Sets: the JSON Schema (draft 2020-12 with govdx keywords) of one record.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder schema(@Nullable JsonNode value) {
      this.schema = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the ResourceDetail
     * @throws IllegalStateException if a required field is missing
     */
    public ResourceDetail build() {
      return new ResourceDetail(this);
    }
  }
}
