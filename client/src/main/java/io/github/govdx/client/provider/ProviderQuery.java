package io.github.govdx.client.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.core.party.PartyId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A query as the provider's handler sees it: verified caller, resource, filters and paging
 * ({@code docs/protocol.md} section 9). {@link #toString()} never shows filter values.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProviderQuery {

  private final PartyId caller;
  private final String resourceCode;
  private final JsonNode filter;
  private final List<String> items;
  private final int pageSize;
  private final @Nullable String pageToken;
  private final @Nullable String purpose;
  private final String messageId;

  private ProviderQuery(Builder b) {
    if (b.caller == null) {
      throw new IllegalStateException("ProviderQuery: missing caller");
    }
    this.caller = b.caller;
    if (b.resourceCode == null) {
      throw new IllegalStateException("ProviderQuery: missing resourceCode");
    }
    this.resourceCode = b.resourceCode;
    if (b.filter == null) {
      throw new IllegalStateException("ProviderQuery: missing filter");
    }
    this.filter = b.filter;
    this.items = List.copyOf(b.items);
    this.pageSize = b.pageSize;
    this.pageToken = b.pageToken;
    this.purpose = b.purpose;
    if (b.messageId == null) {
      throw new IllegalStateException("ProviderQuery: missing messageId");
    }
    this.messageId = b.messageId;
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
    b.caller = caller;
    b.resourceCode = resourceCode;
    b.filter = filter;
    b.items.addAll(items);
    b.pageSize = pageSize;
    b.pageToken = pageToken;
    b.purpose = purpose;
    b.messageId = messageId;
    return b;
  }

  /**
   * The verified calling party.
   *
   * @return the value
   */
  public PartyId caller() {
    return caller;
  }

  /**
   * The resource.
   *
   * @return the value
   */
  public String resourceCode() {
    return resourceCode;
  }

  /**
   * The filter object (item name to value).
   *
   * @return the value
   */
  public JsonNode filter() {
    return filter;
  }

  /**
   * The items asked for; empty means all.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<String> items() {
    return items;
  }

  /**
   * The page size (1 to 1000, default 100).
   *
   * @return the value
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * The page token from a previous answer.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> pageToken() {
    return Optional.ofNullable(pageToken);
  }

  /**
   * The stated purpose.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> purpose() {
    return Optional.ofNullable(purpose);
  }

  /**
   * The message id of the request envelope.
   *
   * @return the value
   */
  public String messageId() {
    return messageId;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ProviderQuery)) {
      return false;
    }
    ProviderQuery that = (ProviderQuery) o;
    return Objects.equals(caller, that.caller)
        && Objects.equals(resourceCode, that.resourceCode)
        && Objects.equals(filter, that.filter)
        && Objects.equals(items, that.items)
        && pageSize == that.pageSize
        && Objects.equals(pageToken, that.pageToken)
        && Objects.equals(purpose, that.purpose)
        && Objects.equals(messageId, that.messageId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        caller, resourceCode, filter, items, pageSize, pageToken, purpose, messageId);
  }

  @Override
  public String toString() {
    return "ProviderQuery{"
        + "caller="
        + caller
        + ", "
        + "resourceCode="
        + resourceCode
        + ", "
        + "items="
        + items
        + ", "
        + "pageSize="
        + pageSize
        + ", "
        + "purpose="
        + purpose
        + ", "
        + "messageId="
        + messageId
        + "}";
  }

  /** Builds a {@link ProviderQuery}. Not thread-safe. */
  public static final class Builder {

    private @Nullable PartyId caller;
    private @Nullable String resourceCode;
    private @Nullable JsonNode filter;
    private final List<String> items = new ArrayList<>();
    private int pageSize = 100;
    private @Nullable String pageToken;
    private @Nullable String purpose;
    private @Nullable String messageId;

    private Builder() {}

    /**
     * Sets: the verified calling party.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder caller(PartyId value) {
      Objects.requireNonNull(value, "caller == null");
      this.caller = value;
      return this;
    }

    /**
     * Sets: the resource.
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
     * Sets: the filter object (item name to value).
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder filter(JsonNode value) {
      Objects.requireNonNull(value, "filter == null");
      this.filter = value;
      return this;
    }

    /**
     * Sets: the items asked for; empty means all.
     *
     * @param values the values (replacing earlier ones)
     * @return this builder
     * @throws NullPointerException if {@code values} is or holds null
     */
    public Builder items(java.util.Collection<? extends String> values) {
      List<String> copy = List.copyOf(Objects.requireNonNull(values, "values == null"));
      this.items.clear();
      this.items.addAll(copy);
      return this;
    }

    /**
     * Sets: the page size (1 to 1000, default 100).
     *
     * @param value the value
     * @return this builder
     */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    /**
     * Sets: the page token from a previous answer.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder pageToken(@Nullable String value) {
      this.pageToken = value;
      return this;
    }

    /**
     * Sets: the stated purpose.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder purpose(@Nullable String value) {
      this.purpose = value;
      return this;
    }

    /**
     * Sets: the message id of the request envelope.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder messageId(String value) {
      Objects.requireNonNull(value, "messageId == null");
      this.messageId = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the ProviderQuery
     * @throws IllegalStateException if a required field is missing
     */
    public ProviderQuery build() {
      return new ProviderQuery(this);
    }
  }
}
