package io.github.govdx.client.catalog;

import io.github.govdx.client.Page;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous form of {@link CatalogClient}: the same calls, returning futures that fail with an
 * {@link io.github.govdx.client.ExchangeException}. Thread-safe.
 */
public interface CatalogAsyncClient {

  /**
   * Fetches one page of a search; pass its {@link Page#nextPageToken()} in the next request.
   *
   * @param request the filters and page token
   * @return the page
   */
  CompletableFuture<Page<ResourceSummary>> searchPage(SearchCatalogRequest request);

  /**
   * Fetches a resource's full entry (cached for the client's catalog TTL).
   *
   * @param resourceCode the resource code
   * @return the detail
   * @throws IllegalArgumentException if the code is not of the form {@code classCode/sequence}
   */
  CompletableFuture<ResourceDetail> detail(String resourceCode);
}
