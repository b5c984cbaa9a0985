package io.github.govdx.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * The provincial gateway schemes of shared/reference/gateways.md. Every expected signing string is written out here
 * by hand from that document, and every expected signature is computed with plain JCA.
 */
class GatewaySchemesTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-11-03T08:05:09.123Z"), ZoneOffset.UTC);
  private static final String NONCE = "n0nce-123456";

  private static Request request() {
    return new Request.Builder()
        .url("https://gw.zj.example/api/v2/catalog?size=20&page=1&kw=%E4%BA%BA%E5%8F%A3")
        .get()
        .build();
  }

  private static byte[] hmacSha256(String key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hexDigest(String algorithm, String data) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void headerHmac_zhejiang_signsMethodPathSortedQueryAccessKeyAndDate() throws Exception {
    HeaderHmacAuthenticator auth =
        HeaderHmacAuthenticator.builder()
            .accessKey("ak-zj-001")
            .secretKey(GatewaySecret.ofUtf8("zj-secret".toCharArray()))
            .clock(CLOCK)
            .build();

    AuthenticatedRequest signed = auth.authenticate(request());

    String date = "Sun, 03 Nov 2024 08:05:09 GMT";
    String expected =
        "GET\n/api/v2/catalog\nkw=%E4%BA%BA%E5%8F%A3&page=1&size=20\nak-zj-001\n" + date + "\n";
    assertThat(signed.signingString()).contains(expected);
    assertThat(signed.scheme()).isEqualTo("X-BG-HMAC");
    Request out = signed.request();
    assertThat(out.header("X-BG-HMAC-ACCESS-KEY")).isEqualTo("ak-zj-001");
    assertThat(out.header("X-BG-HMAC-ALGORITHM")).isEqualTo("hmac-sha256");
    assertThat(out.header("X-BG-DATE-TIME")).isEqualTo(date);
    assertThat(out.header("X-BG-HMAC-SIGNATURE"))
        .isEqualTo(Base64.getEncoder().encodeToString(hmacSha256("zj-secret", expected)));
    assertThat(out.url()).isEqualTo(request().url());
  }

  @Test
  void headerHmac_noQuery_emptyQueryLine() throws Exception {
    HeaderHmacAuthenticator auth =
        HeaderHmacAuthenticator.builder()
            .accessKey("ak")
            .secretKey(GatewaySecret.ofUtf8("s".toCharArray()))
            .clock(CLOCK)
            .build();

    AuthenticatedRequest signed =
        auth.authenticate(new Request.Builder().url("https://gw.example/x").build());

    assertThat(signed.signingString()).contains("GET\n/x\n\nak\nSun, 03 Nov 2024 08:05:09 GMT\n");
  }

  @Test
  void timestampNonce_guangdong_hexSha256OfTimestampTokenNonceTimestamp() throws Exception {
    TimestampNonceAuthenticator auth =
        TimestampNonceAuthenticator.builder()
            .paasId("gd-app-7")
            .token(GatewaySecret.ofUtf8("gd-token".toCharArray()))
            .serviceId("svc-query")
            .clock(CLOCK)
            .nonceSupplier(() -> NONCE)
            .build();

    AuthenticatedRequest signed = auth.authenticate(request());

    Request out = signed.request();
    assertThat(out.header("x-tif-paasid")).isEqualTo("gd-app-7");
    assertThat(out.header("x-tif-timestamp")).isEqualTo("1730621109");
    assertThat(out.header("x-tif-nonce")).isEqualTo(NONCE);
    assertThat(out.header("x-tif-serviceId")).isEqualTo("svc-query");
    assertThat(out.header("x-tif-signature"))
        .isEqualTo(hexDigest("SHA-256", "1730621109" + "gd-token" + NONCE + "1730621109"));
    assertThat(signed.signingString()).contains("1730621109{token}" + NONCE + "1730621109");
    assertThat(signed.signingString().orElseThrow()).doesNotContain("gd-token");
    assertThat(signed.scheme()).isEqualTo("X-TIF-SHA256");
  }

  @Test
  void timestampNonce_withoutServiceId_headerAbsent() {
    TimestampNonceAuthenticator auth =
        TimestampNonceAuthenticator.builder()
            .paasId("p")
            .token(GatewaySecret.ofUtf8("t".toCharArray()))
            .clock(CLOCK)
            .build();

    assertThat(auth.authenticate(request()).request().header("x-tif-serviceId")).isNull();
  }

  @Test
  void clientIdHmac_shandong_base64HmacOfClientIdTimestampNonce() throws Exception {
    ClientIdHmacAuthenticator auth =
        ClientIdHmacAuthenticator.builder()
            .clientId("sd-client-3")
            .secret(GatewaySecret.ofUtf8("sd-secret".toCharArray()))
            .clock(CLOCK)
            .nonceSupplier(() -> NONCE)
            .build();

    AuthenticatedRequest signed = auth.authenticate(request());

    String expected = "sd-client-3" + "1730621109123" + NONCE;
    Request out = signed.request();
    assertThat(out.header("X-Client-Id")).isEqualTo("sd-client-3");
    assertThat(out.header("X-Timestamp")).isEqualTo("1730621109123");
    assertThat(out.header("X-Nonce")).isEqualTo(NONCE);
    assertThat(out.header("X-Signature"))
        .isEqualTo(Base64.getEncoder().encodeToString(hmacSha256("sd-secret", expected)));
    assertThat(signed.signingString()).contains(expected);
    assertThat(signed.scheme()).isEqualTo("X-CLIENT-HMAC-SHA256");
  }

  @Test
  void appKey_legacy_md5HexOfAppKeySecretTimeAsQueryParameters() throws Exception {
    AppKeyAuthenticator auth =
        AppKeyAuthenticator.builder()
            .appKey("zj-app")
            .requestSecret(GatewaySecret.ofUtf8("req-secret".toCharArray()))
            .clock(CLOCK)
            .build();
    Request request =
        new Request.Builder().url("https://gw.example/old/api?id=5&sign=stale").build();

    AuthenticatedRequest signed = auth.authenticate(request);

    Request out = signed.request();
    assertThat(out.url().queryParameter("appKey")).isEqualTo("zj-app");
    assertThat(out.url().queryParameter("requestTime")).isEqualTo("1730621109123");
    assertThat(out.url().queryParameterValues("sign"))
        .containsExactly(hexDigest("MD5", "zj-app" + "req-secret" + "1730621109123"));
    assertThat(out.url().queryParameter("id")).isEqualTo("5");
    assertThat(signed.signingString()).contains("zj-app{requestSecret}1730621109123");
    assertThat(signed.signingString().orElseThrow()).doesNotContain("req-secret");
    assertThat(signed.scheme()).isEqualTo("APP-KEY-MD5");
  }

  @Test
  void appKey_secretSupplier_calledPerRequestSoRefreshedSecretsApply() throws Exception {
    AtomicInteger version = new AtomicInteger();
    AppKeyAuthenticator auth =
        AppKeyAuthenticator.builder()
            .appKey("a")
            .clock(CLOCK)
            .requestSecret(
                () -> GatewaySecret.ofUtf8(("s" + version.incrementAndGet()).toCharArray()))
            .build();

    String first = auth.authenticate(request()).request().url().queryParameter("sign");
    String second = auth.authenticate(request()).request().url().queryParameter("sign");

    assertThat(first).isEqualTo(hexDigest("MD5", "a" + "s1" + "1730621109123"));
    assertThat(second).isEqualTo(hexDigest("MD5", "a" + "s2" + "1730621109123"));
  }

  @Test
  void none_leavesRequestUnchangedWithoutSigningString() {
    Request request = request();

    AuthenticatedRequest out = RequestAuthenticators.none().authenticate(request);

    assertThat(out.request()).isSameAs(request);
    assertThat(out.signingString()).isEmpty();
    assertThat(out.scheme()).isEqualTo("NONE");
  }

  @Test
  void toStrings_neverContainSecrets() {
    String all =
        HeaderHmacAuthenticator.builder()
                .accessKey("ak")
                .secretKey(GatewaySecret.ofUtf8("S1-secret".toCharArray()))
                .build()
            + TimestampNonceAuthenticator.builder()
                .paasId("p")
                .token(GatewaySecret.ofUtf8("S2-secret".toCharArray()))
                .build()
                .toString()
            + ClientIdHmacAuthenticator.builder()
                .clientId("c")
                .secret(GatewaySecret.ofUtf8("S3-secret".toCharArray()))
                .build()
            + AppKeyAuthenticator.builder()
                .appKey("a")
                .requestSecret(GatewaySecret.ofUtf8("S4-secret".toCharArray()))
                .build();

    assertThat(all).doesNotContain("secret");
  }

  @Test
  void builders_missingOrBadFields_rejected() {
    assertThatThrownBy(() -> HeaderHmacAuthenticator.builder().accessKey("ak").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("secretKey");
    assertThatThrownBy(() -> TimestampNonceAuthenticator.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("paasId");
    assertThatThrownBy(() -> ClientIdHmacAuthenticator.builder().clientId("c").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("secret");
    assertThatThrownBy(() -> AppKeyAuthenticator.builder().appKey("a").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("requestSecret");
    assertThatThrownBy(() -> HeaderHmacAuthenticator.builder().accessKey("a\nb"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientIdHmacAuthenticator.builder().clientId(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
