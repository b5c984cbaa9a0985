package io.github.govdx.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class GovdxHmacAuthenticatorTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-11-24T12:00:00Z"), ZoneOffset.UTC);
  static final String NONCE = "0123456789abcdef0123456789abcdef";
  static final String BODY = "{\"resource\":\"R1\"}";
  static final MediaType JSON = MediaType.get("application/json");

  // SM3 of BODY and SM3 of "", computed with `openssl dgst -sm3` (OpenSSL 3.0), not by govdx.
  static final String BODY_SM3 = "a682129ce6191771a0582716bc842d9b89ed09c655f0cf67cd3afc792d40edba";
  static final String EMPTY_SM3 =
      "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b";
  // printf '%s' "$SIGNING_STRING" | openssl dgst -sm3 -hmac test-secret -binary | base64
  static final String OPENSSL_HMAC_SM3 = "9CB0CCjPX0qVwYS3GaFc4DMaWQ7DNwE15OWUDT5dX/o=";
  static final String IDEMPOTENCY_KEY = "8d3a4f60-1c1b-4f7e-b6f2-2f0f5a9c1e44";
  static final String PARTY = "11320500014160478L/hotline";

  static GovdxHmacAuthenticator.Builder builder() {
    return GovdxHmacAuthenticator.builder()
        .keyId("dept-42")
        .secret(GatewaySecret.ofUtf8("test-secret".toCharArray()))
        .clock(CLOCK)
        .nonceSupplier(() -> NONCE);
  }

  static Request postRequest() {
    return new Request.Builder()
        .url("https://gw.example/v1/data/query?b=2&a=x%20y&a=1")
        .header("X-Gdx-Party", PARTY)
        .header("Idempotency-Key", IDEMPOTENCY_KEY)
        .post(RequestBody.create(BODY.getBytes(StandardCharsets.UTF_8), JSON))
        .build();
  }

  @Test
  void authenticate_post_signingStringIsTheDocumentedCanonicalForm() {
    AuthenticatedRequest signed = builder().build().authenticate(postRequest());

    String expected =
        "GDX-HMAC-SM3\nPOST\n/v1/data/query\na=1&a=x%20y&b=2\ndept-42\n1732449600\n"
            + NONCE
            + "\n"
            + BODY_SM3
            + "\ncontent-type;idempotency-key;x-gdx-party"
            + "\ncontent-type:application/json"
            + "\nidempotency-key:"
            + IDEMPOTENCY_KEY
            + "\nx-gdx-party:"
            + PARTY;
    assertThat(signed.signingString()).contains(expected);
    assertThat(signed.scheme()).isEqualTo("GDX-HMAC-SM3");
  }

  @Test
  void authenticate_post_signatureMatchesOpensslHmacSm3() {
    Request out = builder().build().authenticate(postRequest()).request();

    assertThat(out.header("Authorization"))
        .isEqualTo(
            "GDX-HMAC-SM3 keyId=dept-42,signedHeaders=content-type;idempotency-key;x-gdx-party,"
                + "signature="
                + OPENSSL_HMAC_SM3);
    assertThat(out.header("X-Gdx-Timestamp")).isEqualTo("1732449600");
    assertThat(out.header("X-Gdx-Nonce")).isEqualTo(NONCE);
    assertThat(out.header("X-Gdx-Content-SM3")).isEqualTo(BODY_SM3);
  }

  @Test
  void authenticate_otherUrl_signatureMatchesRawBouncyCastleHmacOverHandBuiltString() {
    Request request =
        new Request.Builder()
            .url("https://gw.example/v1/%e7%9b%ae%e5%bd%95/items?q=%E5%8F%B0&empty=&flag&a+b=c")
            .get()
            .build();

    AuthenticatedRequest signed = builder().build().authenticate(request);

    String expected =
        "GDX-HMAC-SM3\nGET\n/v1/%E7%9B%AE%E5%BD%95/items\n"
            + "a%2Bb=c&empty=&flag=&q=%E5%8F%B0\ndept-42\n1732449600\n"
            + NONCE
            + "\n"
            + EMPTY_SM3
            + "\n";
    assertThat(signed.signingString()).contains(expected);
    HMac mac = new HMac(new SM3Digest());
    mac.init(new KeyParameter("test-secret".getBytes(StandardCharsets.UTF_8)));
    byte[] input = expected.getBytes(StandardCharsets.UTF_8);
    mac.update(input, 0, input.length);
    byte[] tag = new byte[32];
    mac.doFinal(tag, 0);
    assertThat(signed.request().header("Authorization"))
        .isEqualTo(
            "GDX-HMAC-SM3 keyId=dept-42,signedHeaders=,signature="
                + Base64.getEncoder().encodeToString(tag));
    assertThat(signed.request().header("X-Gdx-Content-SM3")).isEqualTo(EMPTY_SM3);
  }

  @Test
  void emptyBodyConstant_isSm3OfEmptyString() {
    assertThat(GovdxHmacAuthenticator.EMPTY_BODY_SM3).isEqualTo(EMPTY_SM3);
  }

  @Test
  void authenticate_hmacSha256_matchesJcaMac() throws Exception {
    AuthenticatedRequest signed =
        builder().algorithm(GovdxHmacAlgorithm.HMAC_SHA256).build().authenticate(postRequest());

    String expected =
        "GDX-HMAC-SHA256\nPOST\n/v1/data/query\na=1&a=x%20y&b=2\ndept-42\n1732449600\n"
            + NONCE
            + "\n"
            + BODY_SM3
            + "\ncontent-type;idempotency-key;x-gdx-party\ncontent-type:application/json"
            + "\nidempotency-key:"
            + IDEMPOTENCY_KEY
            + "\nx-gdx-party:"
            + PARTY;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("test-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature =
        Base64.getEncoder().encodeToString(mac.doFinal(expected.getBytes(StandardCharsets.UTF_8)));
    assertThat(signed.signingString()).contains(expected);
    assertThat(signed.request().header("Authorization"))
        .isEqualTo(
            "GDX-HMAC-SHA256 keyId=dept-42,signedHeaders=content-type;idempotency-key;x-gdx-party,"
                + "signature="
                + signature);
  }

  @Test
  void authenticate_bodyIsNotConsumed() throws Exception {
    Request request = postRequest();

    Request out = builder().build().authenticate(request).request();

    okio.Buffer buffer = new okio.Buffer();
    out.body().writeTo(buffer);
    assertThat(buffer.readUtf8()).isEqualTo(BODY);
  }

  @Test
  void authenticate_oneShotBody_rejectedWithoutReading() {
    boolean[] read = {false};
    RequestBody oneShot =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return JSON;
          }

          @Override
          public void writeTo(BufferedSink sink) {
            read[0] = true;
          }

          @Override
          public boolean isOneShot() {
            return true;
          }
        };
    Request request = new Request.Builder().url("https://gw.example/v1/x").post(oneShot).build();

    assertThatThrownBy(() -> builder().build().authenticate(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one-shot");
    assertThat(read[0]).isFalse();
  }

  @Test
  void authenticate_defaultNonces_areRandomHex() {
    GovdxHmacAuthenticator auth =
        GovdxHmacAuthenticator.builder()
            .keyId("k")
            .secret(GatewaySecret.of(new byte[] {1, 2, 3}))
            .build();

    String n1 = auth.authenticate(postRequest()).request().header("X-Gdx-Nonce");
    String n2 = auth.authenticate(postRequest()).request().header("X-Gdx-Nonce");

    assertThat(n1).matches("[0-9a-f]{32}").isNotEqualTo(n2);
    HexFormat.of().parseHex(n1);
  }

  @Test
  void authenticate_badNonceFromSupplier_throwsIllegalState() {
    GovdxHmacAuthenticator auth = builder().nonceSupplier(() -> "a b\nc").build();

    assertThatThrownBy(() -> auth.authenticate(postRequest()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toStringAndSigningString_neverContainTheSecret() {
    GovdxHmacAuthenticator auth = builder().build();
    AuthenticatedRequest signed = auth.authenticate(postRequest());

    assertThat(auth.toString()).doesNotContain("test-secret").contains("dept-42");
    assertThat(signed.signingString().orElseThrow()).doesNotContain("test-secret");
    assertThat(signed.toString()).doesNotContain("test-secret").doesNotContain("signature=");
  }

  @Test
  void build_missingFields_throwsIllegalStateNamingTheField() {
    assertThatThrownBy(
            () -> GovdxHmacAuthenticator.builder().secret(GatewaySecret.of(new byte[] {1})).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keyId");
    assertThatThrownBy(() -> GovdxHmacAuthenticator.builder().keyId("k").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("secret");
    assertThatThrownBy(() -> GovdxHmacAuthenticator.builder().keyId("a,b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
