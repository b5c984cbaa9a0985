package io.github.govdx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
