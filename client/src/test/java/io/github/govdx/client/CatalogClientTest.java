package io.github.govdx.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.govdx.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.catalog.ResourceSummary;
import io.github.govdx.client.catalog.SearchCatalogRequest;
import io.github.govdx.client.catalog.ShareType;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogClientTest {

  private final WireMockServer wm = SharedWireMock.get();

  @BeforeEach
  void reset() {
    wm.resetAll();
  }

  private static String summary(int i) {
    return String.format(
        "{\"resourceCode\":\"335001001/%05d\",\"name\":\"资源%d\",\"provider\":\"11320500014160486F\","
            + "\"shareType\":\"unconditional\"}",
        i, i);
  }

  @Test
  void search_acrossManyPages_yieldsEveryItemOnceInOrder_andSendsFilters() {
    int pages = 25;
    for (int p = 0; p < pages; p++) {
      String items =
          summary(p * 4)
              + ","
              + summary(p * 4 + 1)
              + ","
              + summary(p * 4 + 2)
              + ","
              + summary(p * 4 + 3);
      String next = p + 1 < pages ? ",\"nextPageToken\":\"t" + (p + 1) + "\"" : "";
      MappingBuilder m =
          get(urlPathEqualTo("/v1/catalog/resources"))
              .withQueryParam("q", equalTo("户籍"))
              .withQueryParam("shareType", equalTo("unconditional"))
              .withQueryParam("pageSize", equalTo("4"));
      m =
          p == 0
              ? m.withQueryParam(
                  "pageToken", com.github.tomakehurst.wiremock.client.WireMock.absent())
              : m.withQueryParam("pageToken", equalTo("t" + p));
      wm.stubFor(m.willReturn(json(200, "{\"items\":[" + items + "]" + next + "}")));
    }
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      List<String> codes =
          client
              .catalog()
              .search(
                  SearchCatalogRequest.builder()
                      .query("户籍")
                      .shareType(ShareType.UNCONDITIONAL)
                      .pageSize(4)
                      .build())
              .stream()
              .map(ResourceSummary::resourceCode)
              .collect(Collectors.toList());
      assertThat(codes).hasSize(100).doesNotHaveDuplicates();
      assertThat(codes.get(0)).isEqualTo("335001001/00000");
      assertThat(codes.get(99)).isEqualTo("335001001/00099");
    }
    wm.verify(
        pages,
        getRequestedFor(urlPathEqualTo("/v1/catalog/resources"))
            .withHeader("X-Gdx-Party", equalTo("11320500014160478L/hotline")));
  }

  @Test
  void detail_mapsEveryMember_andIsCached() {
    wm.stubFor(get("/v1/catalog/resources/335001001/00012").willReturn(json(200, Fixtures.DETAIL)));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      ResourceDetail d = client.catalog().detail(Fixtures.RESOURCE);
      assertThat(d.resourceCode()).isEqualTo(Fixtures.RESOURCE);
      assertThat(d.provider()).isEqualTo(Fixtures.POLICE);
      assertThat(d.summary().shareType()).isEqualTo(ShareType.CONDITIONAL);
      assertThat(d.summary().publishedOn()).contains(LocalDate.of(2026, 3, 1));
      assertThat(d.actions()).containsExactly("query", "push");
      assertThat(d.items()).hasSize(4);
      assertThat(d.items().get(1).nameZh()).contains("公民身份号码");
      assertThat(d.items().get(1).sensitivity()).contains(4);
      assertThat(d.items().get(1).identifier()).contains("gb11643");
      assertThat(d.items().get(1).codeTableEdition()).isEmpty();
      assertThat(d.items().get(2).codeTable()).contains("GB/T 2261.1");
      assertThat(d.items().get(2).required()).isFalse();
      assertThat(d.schema()).isPresent();
      assertThat(client.catalog().detail(Fixtures.RESOURCE)).isEqualTo(d);
    }
    wm.verify(1, getRequestedFor(urlPathEqualTo("/v1/catalog/resources/335001001/00012")));
  }

  @Test
  void detail_unknownResource_isATypedPlatformError() {
    wm.stubFor(
        get("/v1/catalog/resources/335001001/99999")
            .willReturn(Fixtures.error(404, "GDX-3201", "platform")));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> client.catalog().detail("335001001/99999"))
          .isInstanceOfSatisfying(
              ExchangePlatformException.class,
              e -> {
                assertThat(e.code()).isEqualTo("GDX-3201");
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RESOURCE_NOT_FOUND);
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.source()).isEqualTo(ErrorSource.PLATFORM);
                assertThat(e.retryable()).isFalse();
                assertThat(e.requestId()).isPresent();
                assertThat(e.attempts()).isEqualTo(1);
              });
    }
  }

  @Test
  void detail_malformedCode_isRejectedBeforeAnyCall() {
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> client.catalog().detail("../../admin"))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void searchPage_async_completesWithThePage() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/v1/catalog/resources"))
            .willReturn(json(200, "{\"items\":[" + summary(1) + "],\"nextPageToken\":\"n\"}")));
    try (ExchangeAsyncClient client = Fixtures.plain(wm.baseUrl()).buildAsync()) {
      Page<ResourceSummary> page =
          client
              .catalog()
              .searchPage(SearchCatalogRequest.builder().build())
              .get(5, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(page.items()).extracting(ResourceSummary::name).containsExactly("资源1");
      assertThat(page.nextPageToken()).contains("n");
    }
  }
}
