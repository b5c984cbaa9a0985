package io.github.govdx.client.internal;

import io.github.govdx.client.Page;
import io.github.govdx.client.PagedIterable;
import io.github.govdx.client.catalog.CatalogAsyncClient;
import io.github.govdx.client.catalog.CatalogClient;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.catalog.ResourceSummary;
import io.github.govdx.client.catalog.SearchCatalogRequest;
import io.github.govdx.client.catalog.ShareType;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** The catalog calls of {@code docs/protocol.md} section 6, sync and async, sharing one detail cache. */
public final class CatalogImpl {

  private final Transport transport;
  private final TtlCache<String, ResourceDetail> details;

  /**
   * Creates the catalog calls.
   *
   * @param transport the transport
   * @param details the detail cache
   */
  public CatalogImpl(Transport transport, TtlCache<String, ResourceDetail> details) {
    this.transport = transport;
    this.details = details;
  }

  ApiCall<Page<ResourceSummary>> searchCall(SearchCatalogRequest r) {
    Objects.requireNonNull(r, "request == null");
    return ApiCall.<Page<ResourceSummary>>builder(
            "GET", (s, h, b, st) -> Json.page(b, ResourceSummary.class))
        .operation("catalog.search")
        .path("catalog", "resources")
        .query("q", r.query().orElse(null))
        .query("provider", r.provider().orElse(null))
        .query("shareType", r.shareType().map(ShareType::wireName).orElse(null))
        .query("classCode", r.classCode().orElse(null))
        .query("updateCycle", r.updateCycle().orElse(null))
        .query("format", r.format().orElse(null))
        .query("pageSize", r.pageSize().orElse(null))
        .query("pageToken", r.pageToken().orElse(null))
        .build();
  }

  ApiCall<ResourceDetail> detailCall(String resourceCode) {
    Keys.checkResourceCode(resourceCode);
    return ApiCall.<ResourceDetail>builder(
            "GET", (s, h, b, st) -> details.put(resourceCode, Json.resourceDetail(b)))
        .operation("catalog.get")
        .path("catalog", "resources", resourceCode)
        .build();
  }

  /** @return the synchronous client */
  public CatalogClient sync() {
    return new CatalogClient() {
      @Override
      public PagedIterable<ResourceSummary> search(SearchCatalogRequest request) {
        Objects.requireNonNull(request, "request == null");
        return PagedIterable.of(
            token ->
                searchPage(token == null ? request : request.toBuilder().pageToken(token).build()));
      }

      @Override
      public Page<ResourceSummary> searchPage(SearchCatalogRequest request) {
        return transport.execute(searchCall(request));
      }

      @Override
      public ResourceDetail detail(String resourceCode) {
        return CatalogImpl.this.detail(resourceCode);
      }
    };
  }

  /** @return the asynchronous client */
  public CatalogAsyncClient async() {
    return new CatalogAsyncClient() {
      @Override
      public CompletableFuture<Page<ResourceSummary>> searchPage(SearchCatalogRequest request) {
        return transport.executeAsync(searchCall(request));
      }

      @Override
      public CompletableFuture<ResourceDetail> detail(String resourceCode) {
        return detailAsync(resourceCode);
      }
    };
  }

  /**
   * The detail of a resource, from the cache when fresh.
   *
   * @param resourceCode the code
   * @return the detail
   */
  public ResourceDetail detail(String resourceCode) {
    ResourceDetail d = details.get(Keys.checkResourceCode(resourceCode));
    return d != null ? d : transport.execute(detailCall(resourceCode));
  }

  /**
   * The detail of a resource, asynchronously, from the cache when fresh.
   *
   * @param resourceCode the code
   * @return the detail
   */
  public CompletableFuture<ResourceDetail> detailAsync(String resourceCode) {
    ResourceDetail d = details.get(Keys.checkResourceCode(resourceCode));
    return d != null
        ? CompletableFuture.completedFuture(d)
        : transport.executeAsync(detailCall(resourceCode));
  }
}
