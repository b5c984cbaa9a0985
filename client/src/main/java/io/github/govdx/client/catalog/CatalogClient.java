package io.github.govdx.client.catalog;

import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.Page;
import io.github.govdx.client.PagedIterable;

/**
 * The catalog (政务信息资源目录) of the exchange: search and detail ({@code docs/protocol.md} section 6).
 * Obtained from {@code ExchangeClient.catalog()}. Thread-safe.
 */
public interface CatalogClient {

  /**
   * Searches the catalog; iterating the result fetches further pages as needed.
   *
   * @param request the filters (its page token, if any, is the first page fetched)
   * @return the matching resources across all pages
   * @throws ExchangeException while iterating, if a page cannot be fetched
   */
  PagedIterable<ResourceSummary> search(SearchCatalogRequest request);

  /**
   * Fetches one page of a search.
   *
   * @param request the filters and page token
   * @return the page
   * @throws ExchangeException if the call fails
   */
  Page<ResourceSummary> searchPage(SearchCatalogRequest request);

  /**
   * Fetches a resource's full entry. Results are cached for the client's catalog TTL.
   *
   * @param resourceCode the resource code, {@code classCode/sequence}
   * @return the detail
   * @throws ExchangeException e.g. {@code GDX-3201} if there is no such resource
   * @throws IllegalArgumentException if the code is not of the form {@code classCode/sequence}
   */
  ResourceDetail detail(String resourceCode);
}
