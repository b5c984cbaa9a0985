package io.github.govdx.client.data;

import io.github.govdx.client.EnvelopeDigest;
import io.github.govdx.client.internal.ValueStyle;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One page of a data query's result ({@code docs/protocol.md} section 9): the records, already validated
 * against the resource schema and mapped to the caller's type, the next page's token, and the message id and
 * digest of the result envelope — what a data objection cites. {@link #toString()} never shows records.
 *
 * <p>Immutable and thread-safe if the record type is.
 *
 * @param <T> the record type
 */
@ValueStyle
public abstract class QueryResult<T> {

  QueryResult() {}

  /**
   * Creates a result.
   *
   * @param records the records
   * @param nextPageToken the next page's token, or {@code null}
   * @param total the total count, or {@code null}
   * @param resourceCode the resource
   * @param messageId the result envelope's message id, or {@code null} when sealing is off
   * @param digest the result envelope's digest, or {@code null} when sealing is off
   * @param <T> the record type
   * @return the result
   */
  public static <T> QueryResult<T> of(
      List<T> records,
      @Nullable String nextPageToken,
      @Nullable Long total,
      String resourceCode,
      @Nullable String messageId,
      @Nullable EnvelopeDigest digest) {
    ImmutableQueryResult.Builder<T> b = ImmutableQueryResult.<T>builder().records(records);
    b.nextPageToken(nextPageToken).resourceCode(resourceCode).messageId(messageId).digest(digest);
    return b.total(total == null ? OptionalLong.empty() : OptionalLong.of(total)).build();
  }

  /** @return the records of this page */
  public abstract List<T> records();

  /** @return the next page's token, or empty on the last page */
  public abstract Optional<String> nextPageToken();

  /** @return the total number of matches, when the provider said */
  public abstract OptionalLong total();

  /** @return the resource queried */
  public abstract String resourceCode();

  /** @return the message id of the result envelope (to cite in an objection), or empty when sealing is off */
  public abstract Optional<String> messageId();

  /** @return the digest of the result envelope as received, or empty when sealing is off */
  public abstract Optional<EnvelopeDigest> digest();

  /** Shows the record count, never the records. */
  @Override
  public String toString() {
    return "QueryResult{resourceCode="
        + resourceCode()
        + ", records="
        + records().size()
        + ", hasNext="
        + nextPageToken().isPresent()
        + ", messageId="
        + messageId().orElse(null)
        + "}";
  }
}
