package io.github.govdx.client.data;

import io.github.govdx.client.EnvelopeDigest;
import java.util.List;
import java.util.Objects;
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
public final class QueryResult<T> {

  private final List<T> records;
  private final @Nullable String nextPageToken;
  private final @Nullable Long total;
  private final String resourceCode;
  private final @Nullable String messageId;
  private final @Nullable EnvelopeDigest digest;

  private QueryResult(
      List<T> records,
      @Nullable String nextPageToken,
      @Nullable Long total,
      String resourceCode,
      @Nullable String messageId,
      @Nullable EnvelopeDigest digest) {
    this.records = List.copyOf(records);
    this.nextPageToken = nextPageToken;
    this.total = total;
    this.resourceCode = resourceCode;
    this.messageId = messageId;
    this.digest = digest;
  }

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
    return new QueryResult<>(
        records,
        nextPageToken,
        total,
        Objects.requireNonNull(resourceCode, "resourceCode"),
        messageId,
        digest);
  }

  /** @return the records of this page */
  public List<T> records() {
    return records;
  }

  /** @return the next page's token, or empty on the last page */
  public Optional<String> nextPageToken() {
    return Optional.ofNullable(nextPageToken);
  }

  /** @return the total number of matches, when the provider said */
  public OptionalLong total() {
    return total == null ? OptionalLong.empty() : OptionalLong.of(total);
  }

  /** @return the resource queried */
  public String resourceCode() {
    return resourceCode;
  }

  /** @return the message id of the result envelope (to cite in an objection), or empty when sealing is off */
  public Optional<String> messageId() {
    return Optional.ofNullable(messageId);
  }

  /** @return the digest of the result envelope as received, or empty when sealing is off */
  public Optional<EnvelopeDigest> digest() {
    return Optional.ofNullable(digest);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof QueryResult)) {
      return false;
    }
    QueryResult<?> that = (QueryResult<?>) o;
    return records.equals(that.records)
        && Objects.equals(nextPageToken, that.nextPageToken)
        && Objects.equals(total, that.total)
        && resourceCode.equals(that.resourceCode)
        && Objects.equals(messageId, that.messageId)
        && Objects.equals(digest, that.digest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(records, nextPageToken, total, resourceCode, messageId, digest);
  }

  /** Shows the record count, never the records. */
  @Override
  public String toString() {
    return "QueryResult{resourceCode="
        + resourceCode
        + ", records="
        + records.size()
        + ", hasNext="
        + (nextPageToken != null)
        + ", messageId="
        + messageId
        + "}";
  }
}
