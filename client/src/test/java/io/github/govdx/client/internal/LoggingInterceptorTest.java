package io.github.govdx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class LoggingInterceptorTest {

  @Test
  void headers_showOnlyAllowListedValues() {
    Headers h =
        new Headers.Builder()
            .add("X-Request-Id", "r-1")
            .add("Authorization", "GDX-HMAC-SM3 Credential=k")
            .add("X-BG-HMAC-SIGNATURE", "c2VjcmV0")
            .add("x-tif-signature", "abcdef")
            .add("Idempotency-Key", "key-1")
            .add("Cookie", "session=1")
            .build();
    String text = LoggingInterceptor.headers(h);
    assertThat(text)
        .contains("X-Request-Id=r-1")
        .contains("Idempotency-Key=key-1")
        .contains("Authorization=██")
        .contains("X-BG-HMAC-SIGNATURE=██")
        .contains("x-tif-signature=██")
        .doesNotContain("Credential")
        .doesNotContain("c2VjcmV0")
        .doesNotContain("abcdef")
        .doesNotContain("session");
  }

  @Test
  void url_showsQueryParameterNamesOnly() {
    HttpUrl url =
        HttpUrl.get("http://h/v1/catalog/resources?q=%E6%88%B7%E7%B1%8D&appKey=k1&sign=s3cr3t");
    assertThat(LoggingInterceptor.maskedUrl(url))
        .isEqualTo("/v1/catalog/resources?q=…&appKey=…&sign=…");
  }
}
