package io.github.govdx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.client.catalog.SearchCatalogRequest;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ExchangeClientBuilderTest {

  @Test
  void build_withoutEndpointOrParty_namesTheMissingSetting() {
    assertThatThrownBy(() -> ExchangeClient.builder().party(Fixtures.HOTLINE).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("endpoint");
    assertThatThrownBy(() -> ExchangeClient.builder().endpoint(URI.create("http://x")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("party");
  }

  @Test
  void build_sealingOnWithoutCredentials_isRefused() {
    assertThatThrownBy(
            () ->
                ExchangeClient.builder()
                    .endpoint(URI.create("http://x"))
                    .party(Fixtures.HOTLINE)
                    .buildAsync())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sealing");
  }

  @Test
  void settings_rejectBadValues() {
    ExchangeClientBuilder b = ExchangeClient.builder();
    assertThatThrownBy(() -> b.endpoint(URI.create("ftp://x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.readTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.callTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxResponseBytes(10)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void endpoint_mustBeAbsoluteHttpWithAHost() {
    ExchangeClientBuilder b = ExchangeClient.builder();
    assertThatThrownBy(() -> b.endpoint(URI.create("/gdx")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.endpoint(URI.create("http:///gdx")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.endpoint(URI.create("mailto:a@b.cn")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(b.endpoint(URI.create("HTTPS://exchange.example.gov.cn:8443/gdx"))).isSameAs(b);
  }

  /**
   * A client is made on its first call from the settings it was built with: changing the builder afterwards
   * changes nothing, and each built client keeps its own settings.
   */
  @Test
  void build_snapshotsTheSettings_theClientIsMadeOnItsFirstCall() {
    com.github.tomakehurst.wiremock.WireMockServer wm = SharedWireMock.get();
    wm.resetAll();
    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                    "/v1/catalog/resources"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson(
                    "{\"items\":[{\"resourceCode\":\"335001001/00001\",\"name\":\"资源\","
                        + "\"provider\":\"11320500014160486F\",\"shareType\":\"unconditional\"}]}")));
    ExchangeClientBuilder b = Fixtures.plain(wm.baseUrl());
    try (ExchangeClient first = b.build()) {
      b.endpoint(URI.create("http://127.0.0.1:9")).party(Fixtures.HOTLINE.department());
      try (ExchangeClient second = b.build()) {
        assertThat(first.party()).isEqualTo(Fixtures.HOTLINE);
        assertThat(second.party()).isEqualTo(Fixtures.HOTLINE.department());
        assertThat(first.catalog().search(SearchCatalogRequest.builder().build()).stream().count())
            .isEqualTo(1);
        assertThatThrownBy(
                () ->
                    second.catalog().search(SearchCatalogRequest.builder().build()).stream()
                        .count())
            .isInstanceOf(ExchangeException.class);
      }
    }
    wm.verify(
        1,
        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                    "/v1/catalog/resources"))
            .withHeader(
                "X-Gdx-Party",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                    Fixtures.HOTLINE.toString())));
  }

  @Test
  void close_leavesASharedOkHttpClientUsable_andShutsDownItsOwn() {
    OkHttpClient shared = new OkHttpClient();
    try {
      ExchangeClient c = Fixtures.plain("http://127.0.0.1:9").httpClient(shared).build();
      c.close();
      assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
      assertThat(c.party()).isEqualTo(Fixtures.HOTLINE);
      assertThat(c.toString()).contains("11320500014160478L/hotline");
    } finally {
      shared.dispatcher().executorService().shutdown();
    }
  }

  /**
   * {@code build()} keeps a copy of the settings made by a constructor that lists every field by hand: set every
   * setting, copy, and compare field by field. A field added later fails here first (not set below), and then
   * fails if the copy constructor forgets it.
   */
  @Test
  void snapshot_copiesEverySetting() throws ReflectiveOperationException {
    TestPki pki = new TestPki(io.github.govdx.crypto.Suite.INTL, Fixtures.HOTLINE, Fixtures.POLICE);
    java.time.Clock clock =
        java.time.Clock.fixed(
            java.time.Instant.parse("2026-12-04T00:00:00Z"), java.time.ZoneOffset.UTC);
    ExchangeClientBuilder b =
        ExchangeClient.builder()
            .endpoint(URI.create("https://exchange.example.gov.cn"))
            .party(Fixtures.HOTLINE)
            .httpClient(new OkHttpClient())
            .clock(clock)
            .sealing(false)
            .messageSealer(
                (io.github.govdx.client.internal.MessageSealer)
                    java.lang.reflect.Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {io.github.govdx.client.internal.MessageSealer.class},
                        (proxy, method, args) ->
                            switch (method.getName()) {
                              case "equals" -> proxy == args[0];
                              case "hashCode" -> System.identityHashCode(proxy);
                              default -> "a test sealer";
                            }))
            .keyRing(io.github.govdx.crypto.key.PartyKeyRing.of(pki.credentials(Fixtures.HOTLINE)))
            .trustStore(pki.trust)
            .directory(pki.directory)
            .suite(io.github.govdx.crypto.Suite.INTL)
            .clockSkew(Duration.ofMinutes(2))
            .authenticator(
                io.github.govdx.client.auth.AppKeyAuthenticator.builder()
                    .appKey("app-1")
                    .requestSecret(
                        io.github.govdx.client.auth.GatewaySecret.ofUtf8(
                            "secret-of-a-test".toCharArray()))
                    .build())
            .retryPolicy(RetryPolicy.none())
            .circuitBreaker(CircuitBreakerPolicy.disabled())
            .rateLimit(RateLimit.perSecond(5, 5))
            .rateLimit(Fixtures.RESOURCE, RateLimit.perSecond(1, 1))
            .rateLimiter(new InMemoryRateLimiter())
            .replayCache(new io.github.govdx.crypto.replay.InMemoryReplayCache(clock, 10))
            .recordValidator(io.github.govdx.client.data.RecordValidator.none())
            .connectTimeout(Duration.ofSeconds(1))
            .readTimeout(Duration.ofSeconds(2))
            .writeTimeout(Duration.ofSeconds(3))
            .callTimeout(Duration.ofSeconds(4))
            .catalogCacheTtl(Duration.ofSeconds(5))
            .directoryCacheTtl(Duration.ofSeconds(6))
            .maxResponseBytes(4096)
            .addCallListener(new io.github.govdx.client.observation.CallListener() {})
            .openTelemetry(io.opentelemetry.api.OpenTelemetry.noop());
    ExchangeClientBuilder fresh = ExchangeClient.builder();
    java.lang.reflect.Constructor<ExchangeClientBuilder> copy =
        ExchangeClientBuilder.class.getDeclaredConstructor(ExchangeClientBuilder.class);
    copy.setAccessible(true);
    ExchangeClientBuilder snapshot = copy.newInstance(b);

    for (java.lang.reflect.Field f : ExchangeClientBuilder.class.getDeclaredFields()) {
      if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      f.setAccessible(true);
      Object set = f.get(b);
      assertThat(set).as("%s is set by this test", f.getName()).isNotEqualTo(f.get(fresh));
      assertThat(f.get(snapshot)).as("%s is copied", f.getName()).isEqualTo(set);
      if (set instanceof java.util.Collection || set instanceof java.util.Map) {
        assertThat(f.get(snapshot)).as("%s is a copy", f.getName()).isNotSameAs(set);
      }
    }
  }
}
