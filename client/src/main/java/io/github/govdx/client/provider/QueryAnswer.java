package io.github.govdx.client.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A page of records answering a query. {@link #toString()} shows the record count only.
 *
 * <p>Immutable and thread-safe.
 */
public final class QueryAnswer {

  private final List<JsonNode> records;
  private final @Nullable String nextPageToken;
  private final @Nullable Long total;

  private QueryAnswer(Builder b) {
    this.records = List.copyOf(b.records);
    this.nextPageToken = b.nextPageToken;
    this.total = b.total;
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
    b.records.addAll(records);
    b.nextPageToken = nextPageToken;
    b.total = total;
    return b;
  }

  /**
   * The records (JSON objects shaped by the items of the resource).
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<JsonNode> records() {
    return records;
  }

  /**
   * The token of the next page; absent on the last page.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> nextPageToken() {
    return Optional.ofNullable(nextPageToken);
  }

  /**
   * The total number of matches.
   *
   * @return the value, or empty when absent
   */
  public Optional<Long> total() {
    return Optional.ofNullable(total);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof QueryAnswer)) {
      return false;
    }
    QueryAnswer that = (QueryAnswer) o;
    return Objects.equals(records, that.records)
        && Objects.equals(nextPageToken, that.nextPageToken)
        && Objects.equals(total, that.total);
  }

  @Override
  public int hashCode() {
    return Objects.hash(records, nextPageToken, total);
  }

  @Override
  public String toString() {
    return "QueryAnswer{"
        + "records="
        + records.size()
        + ", "
        + "nextPageToken="
        + nextPageToken
        + ", "
        + "total="
        + total
        + "}";
  }

  /** Builds a {@link QueryAnswer}. Not thread-safe. */
  public static final class Builder {

    private final List<JsonNode> records = new ArrayList<>();
    private @Nullable String nextPageToken;
    private @Nullable Long total;

    private Builder() {}

    /**
     * Sets: the records (JSON objects shaped by the items of the resource).
     *
     * @param values the values (replacing earlier ones)
     * @return this builder
     * @throws NullPointerException if {@code values} is or holds null
     */
    public Builder records(java.util.Collection<? extends JsonNode> values) {
      List<JsonNode> copy = List.copyOf(Objects.requireNonNull(values, "values == null"));
      this.records.clear();
      this.records.addAll(copy);
      return this;
    }

    /**
     * Sets: the token of the next page; absent on the last page.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder nextPageToken(@Nullable String value) {
      this.nextPageToken = value;
      return this;
    }

    /**
     * Sets: the total number of matches.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder total(@Nullable Long value) {
      this.total = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the QueryAnswer
     * @throws IllegalStateException if a required field is missing
     */
    public QueryAnswer build() {
      return new QueryAnswer(this);
    }
  }
}
