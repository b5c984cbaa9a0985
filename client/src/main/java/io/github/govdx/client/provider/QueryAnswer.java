package io.github.govdx.client.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.internal.ValueStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A page of records answering a query. {@link #toString()} never shows the records.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class QueryAnswer {

  QueryAnswer() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the records (JSON objects shaped by the items of the resource); unmodifiable */
  @Value.Redacted
  public abstract List<JsonNode> records();

  /** @return the token of the next page, or empty on the last page */
  public abstract Optional<String> nextPageToken();

  /** @return the total number of matches, or empty */
  public abstract Optional<Long> total();

  /**
   * Builds a {@link QueryAnswer}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutableQueryAnswer.Builder {
    Builder() {}
  }
}
