package io.github.govdx.client.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/** The asynchronous form of {@link DataClient}. Thread-safe. */
public interface DataAsyncClient {

  /**
   * Queries one page.
   *
   * @param request the query
   * @return the page of records
   */
  CompletableFuture<QueryResult<JsonNode>> query(QueryRequest request);

  /**
   * Queries one page, records mapped to {@code type}.
   *
   * @param request the query
   * @param type the record type
   * @param <T> the record type
   * @return the page of records
   */
  <T> CompletableFuture<QueryResult<T>> query(QueryRequest request, Class<T> type);

  /**
   * Pushes a batch (exactly once, see {@link DataClient#push(PushRequest)}).
   *
   * @param request the batch
   * @return the stored batch and its receipt
   */
  CompletableFuture<PushResult> push(PushRequest request);
}
