package io.github.govdx.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.auth.GovdxHmacVerification.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Request;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class GovdxHmacVerifierTest {

  private static final GatewaySecret SECRET = GatewaySecret.ofUtf8("test-secret".toCharArray());
  private static final GatewaySecret OTHER_SECRET =
      GatewaySecret.ofUtf8("other-secret".toCharArray());

  private static GovdxHmacVerifier.Builder verifier(Clock clock) {
    return GovdxHmacVerifier.builder()
        .clock(clock)
        .keyLookup(id -> "dept-42".equals(id) ? Optional.of(SECRET) : Optional.empty());
  }

  /** The parts of a request as a server framework would hand them over. */
  private static final class Wire {
    String method;
    String path;
    @Nullable String query;
    Map<String, List<String>> headers;
    byte[] body;

    Wire(Request request) throws IOException {
      method = request.method();
      path = request.url().encodedPath();
      query = request.url().encodedQuery();
      headers = new HashMap<>(request.headers().toMultimap());
      if (request.body() != null
          && request.body().contentType() != null
          && request.header("Content-Type") == null) {
        // as OkHttp's bridge adds it on the wire
        headers.put("content-type", List.of(request.body().contentType().toString()));
      }
      Buffer buffer = new Buffer();
      if (request.body() != null) {
        request.body().writeTo(buffer);
      }
      body = buffer.readByteArray();
    }

    GovdxHmacVerification verifyWith(GovdxHmacVerifier verifier) {
      return verifier.verify(method, path, query, headers, body);
    }
  }

  private static AuthenticatedRequest sign() {
    return GovdxHmacAuthenticatorTest.builder()
        .build()
        .authenticate(GovdxHmacAuthenticatorTest.postRequest());
  }

  @Test
  void verify_untampered_okWithSameSigningString() throws IOException {
    AuthenticatedRequest signed = sign();

    GovdxHmacVerification result =
        new Wire(signed.request()).verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build());

    assertThat(result.isValid()).as(result.toString()).isTrue();
    assertThat(result.reason()).isEqualTo(Reason.OK);
    assertThat(result.keyId()).contains("dept-42");
    assertThat(result.signingString()).isEqualTo(signed.signingString());
  }

  @Test
  void verify_sha256Variant_ok() throws IOException {
    AuthenticatedRequest signed =
        GovdxHmacAuthenticatorTest.builder()
            .algorithm(GovdxHmacAlgorithm.HMAC_SHA256)
            .build()
            .authenticate(GovdxHmacAuthenticatorTest.postRequest());

    assertThat(
            new Wire(signed.request())
                .verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build())
                .reason())
        .isEqualTo(Reason.OK);
  }

  @Test
  void verify_algorithmNotAllowed_unsupportedAlgorithm() throws IOException {
    AuthenticatedRequest signed =
        GovdxHmacAuthenticatorTest.builder()
            .algorithm(GovdxHmacAlgorithm.HMAC_SHA256)
            .build()
            .authenticate(GovdxHmacAuthenticatorTest.postRequest());
    GovdxHmacVerifier smOnly =
        verifier(GovdxHmacAuthenticatorTest.CLOCK)
            .algorithms(Set.of(GovdxHmacAlgorithm.HMAC_SM3))
            .build();

    assertThat(new Wire(signed.request()).verifyWith(smOnly).reason())
        .isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void verify_equivalentEncodingOfPathAndQuery_ok() throws IOException {
    Wire wire = new Wire(sign().request());
    wire.query = "a=x%20y&b=%32&a=1&";
    wire.path = "/v1/data/%71uery";

    assertThat(wire.verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build()).reason())
        .isEqualTo(Reason.OK);
  }

  @Test
  void verify_tamperedMethod_signatureMismatch() throws IOException {
    Wire wire = new Wire(sign().request());
    wire.method = "PUT";

    GovdxHmacVerification result =
        wire.verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build());

    assertThat(result.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
    assertThat(result.signingString().orElseThrow()).startsWith("GDX-HMAC-SM3\nPUT\n");
  }

  @Test
  void verify_tamperedPath_signatureMismatch() throws IOException {
    Wire wire = new Wire(sign().request());
    wire.path = "/v1/data/push";

    assertThat(wire.verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build()).reason())
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void verify_tamperedQuery_signatureMismatch() throws IOException {
    Wire wire = new Wire(sign().request());
    wire.query = "b=3&a=x%20y&a=1";

    assertThat(wire.verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build()).reason())
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void verify_tamperedBody_bodyDigestMismatch() throws IOException {
    Wire wire = new Wire(sign().request());
    wire.body = "{\"resource\":\"R2\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(wire.verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build()).reason())
        .isEqualTo(Reason.BODY_DIGEST_MISMATCH);
  }

  @Test
  void verify_tamperedBodyAndDigestHeader_signatureMismatch() throws IOException {
    Wire wire = new Wire(sign().request());
    wire.body = new byte[0];
    wire.headers.put("x-gdx-content-sm3", List.of(GovdxHmacAuthenticatorTest.EMPTY_SM3));

    assertThat(wire.verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build()).reason())
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void verify_tamperedTimestampHeader_signatureMismatch() throws IOException {
    Wire wire = new Wire(sign().request());
    wire.headers.put("x-gdx-timestamp", List.of("1732449601"));

    assertThat(wire.verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build()).reason())
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void verify_timestampOutsideSkew_clockSkewWithServerTimeInDetail() throws IOException {
    Wire wire = new Wire(sign().request());
    Clock late = Clock.offset(GovdxHmacAuthenticatorTest.CLOCK, Duration.ofSeconds(301));
    Clock early = Clock.offset(GovdxHmacAuthenticatorTest.CLOCK, Duration.ofSeconds(-301));
    Clock edge = Clock.offset(GovdxHmacAuthenticatorTest.CLOCK, Duration.ofSeconds(300));

    GovdxHmacVerification result = wire.verifyWith(verifier(late).build());

    assertThat(result.reason()).isEqualTo(Reason.CLOCK_SKEW);
    assertThat(result.detail()).contains("301 s").contains("1732449901");
    assertThat(wire.verifyWith(verifier(early).build()).reason()).isEqualTo(Reason.CLOCK_SKEW);
    assertThat(wire.verifyWith(verifier(edge).build()).reason()).isEqualTo(Reason.OK);
  }

  @Test
  void verify_replayedNonce_nonceReplayed() throws IOException {
    Wire wire = new Wire(sign().request());
    GovdxHmacVerifier verifier = verifier(GovdxHmacAuthenticatorTest.CLOCK).build();

    assertThat(wire.verifyWith(verifier).reason()).isEqualTo(Reason.OK);
    assertThat(wire.verifyWith(verifier).reason()).isEqualTo(Reason.NONCE_REPLAYED);
  }

  @Test
  void verify_forgedRequest_doesNotBurnTheNonce() throws IOException {
    Wire genuine = new Wire(sign().request());
    Wire forged = new Wire(sign().request());
    forged.path = "/v1/evil";
    GovdxHmacVerifier verifier = verifier(GovdxHmacAuthenticatorTest.CLOCK).build();

    assertThat(forged.verifyWith(verifier).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
    assertThat(genuine.verifyWith(verifier).reason()).isEqualTo(Reason.OK);
  }

  @Test
  void verify_nonceCacheIsBounded_oldestEvicted() throws IOException {
    AtomicInteger counter = new AtomicInteger();
    GovdxHmacAuthenticator auth =
        GovdxHmacAuthenticatorTest.builder()
            .nonceSupplier(() -> String.format("nonce-%08d", counter.incrementAndGet()))
            .build();
    GovdxHmacVerifier verifier =
        verifier(GovdxHmacAuthenticatorTest.CLOCK).nonceCacheSize(2).build();
    Wire first = new Wire(auth.authenticate(GovdxHmacAuthenticatorTest.postRequest()).request());
    Wire second = new Wire(auth.authenticate(GovdxHmacAuthenticatorTest.postRequest()).request());
    Wire third = new Wire(auth.authenticate(GovdxHmacAuthenticatorTest.postRequest()).request());

    assertThat(first.verifyWith(verifier).isValid()).isTrue();
    assertThat(second.verifyWith(verifier).isValid()).isTrue();
    assertThat(third.verifyWith(verifier).isValid()).isTrue();
    assertThat(third.verifyWith(verifier).reason()).isEqualTo(Reason.NONCE_REPLAYED);
    assertThat(first.verifyWith(verifier).reason())
        .as("evicted: documented trade-off of a bounded cache")
        .isEqualTo(Reason.OK);
  }

  @Test
  void verify_nonceCacheDown_refusedAsStateUnavailable_thenAcceptedOnceBack() throws IOException {
    Wire wire = new Wire(sign().request());
    InMemoryNonceCache real = new InMemoryNonceCache(GovdxHmacAuthenticatorTest.CLOCK, 100);
    java.util.concurrent.atomic.AtomicBoolean down =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    NonceCache flaky =
        (key, expiresAt) -> {
          if (down.get()) {
            throw io.github.govdx.core.state.StateStoreException.unavailable(
                "test nonce cache", "firstUse", null);
          }
          return real.firstUse(key, expiresAt);
        };
    GovdxHmacVerifier verifier =
        verifier(GovdxHmacAuthenticatorTest.CLOCK).nonceCache(flaky).build();

    assertThat(wire.verifyWith(verifier).reason()).isEqualTo(Reason.STATE_UNAVAILABLE);
    assertThat(wire.verifyWith(verifier).isValid()).isFalse();
    down.set(false);
    assertThat(wire.verifyWith(verifier).reason()).isEqualTo(Reason.OK);
    assertThat(wire.verifyWith(verifier).reason()).isEqualTo(Reason.NONCE_REPLAYED);
  }

  @Test
  void verify_twoVerifiersOnOneSharedCache_nonceUsedAtOneRefusedAtTheOther() throws IOException {
    Wire wire = new Wire(sign().request());
    NonceCache shared = new InMemoryNonceCache(GovdxHmacAuthenticatorTest.CLOCK, 100);
    GovdxHmacVerifier one = verifier(GovdxHmacAuthenticatorTest.CLOCK).nonceCache(shared).build();
    GovdxHmacVerifier two = verifier(GovdxHmacAuthenticatorTest.CLOCK).nonceCache(shared).build();

    assertThat(wire.verifyWith(one).reason()).isEqualTo(Reason.OK);
    assertThat(wire.verifyWith(two).reason()).isEqualTo(Reason.NONCE_REPLAYED);
  }

  @Test
  void verify_wrongKey_signatureMismatch() throws IOException {
    AuthenticatedRequest signed =
        GovdxHmacAuthenticatorTest.builder()
            .secret(OTHER_SECRET)
            .build()
            .authenticate(GovdxHmacAuthenticatorTest.postRequest());

    assertThat(
            new Wire(signed.request())
                .verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build())
                .reason())
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void verify_unknownKeyId_unknownKey() throws IOException {
    AuthenticatedRequest signed =
        GovdxHmacAuthenticatorTest.builder()
            .keyId("dept-99")
            .build()
            .authenticate(GovdxHmacAuthenticatorTest.postRequest());

    GovdxHmacVerification result =
        new Wire(signed.request()).verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build());

    assertThat(result.reason()).isEqualTo(Reason.UNKNOWN_KEY);
    assertThat(result.keyId()).contains("dept-99");
  }

  @Test
  void verify_eachMissingHeader_missingHeader() throws IOException {
    for (String name :
        List.of("authorization", "x-gdx-timestamp", "x-gdx-nonce", "x-gdx-content-sm3")) {
      Wire wire = new Wire(sign().request());
      wire.headers.remove(name);

      assertThat(wire.verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build()).reason())
          .as(name)
          .isEqualTo(Reason.MISSING_HEADER);
    }
  }

  @Test
  void verify_malformedHeaders_malformedHeaderNeverThrows() throws IOException {
    List<Map.Entry<String, String>> cases =
        List.of(
            Map.entry("authorization", "GDX-HMAC-SM3"),
            Map.entry("authorization", "GDX-HMAC-SM3 keyId=dept-42"),
            Map.entry("authorization", "GDX-HMAC-SM3 keyId=dept-42,signature=***"),
            Map.entry("authorization", "GDX-HMAC-SM3 keyId=dept-42,signature=AA==,extra=1"),
            Map.entry("authorization", "GDX-HMAC-SM3 keyId,signature=AA=="),
            Map.entry("x-gdx-timestamp", "17324496OO"),
            Map.entry("x-gdx-timestamp", "99999999999999999999"),
            Map.entry("x-gdx-nonce", "short"),
            Map.entry("x-gdx-content-sm3", "ABC"));
    for (Map.Entry<String, String> c : cases) {
      Wire wire = new Wire(sign().request());
      wire.headers.put(c.getKey(), List.of(c.getValue()));

      assertThat(wire.verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build()).reason())
          .as(c.toString())
          .isEqualTo(Reason.MALFORMED_HEADER);
    }
    Wire repeated = new Wire(sign().request());
    repeated.headers.put("x-gdx-nonce", List.of("aaaaaaaaaa", "bbbbbbbbbb"));
    assertThat(repeated.verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build()).reason())
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void verify_changedPartyOrIdempotencyKeyOrContentType_signatureMismatch() throws IOException {
    GovdxHmacVerifier verifier = verifier(GovdxHmacAuthenticatorTest.CLOCK).build();
    Wire party = new Wire(sign().request());
    party.headers.put("x-gdx-party", List.of("11320500014160494A"));
    assertThat(party.verifyWith(verifier).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
    Wire key = new Wire(sign().request());
    key.headers.put("idempotency-key", List.of("another-key-0000-0001"));
    assertThat(key.verifyWith(verifier).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
    Wire type = new Wire(sign().request());
    type.headers.put("content-type", List.of("text/plain"));
    assertThat(type.verifyWith(verifier).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void verify_signableHeaderAddedOrLeftUnsigned_signatureMismatch() throws IOException {
    GovdxHmacVerifier verifier = verifier(GovdxHmacAuthenticatorTest.CLOCK).build();
    Wire added = new Wire(sign().request());
    added.headers.remove("x-gdx-party");
    added.headers.remove("idempotency-key");
    assertThat(added.verifyWith(verifier).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
    Wire dropped = new Wire(sign().request());
    String auth = dropped.headers.get("authorization").get(0);
    dropped.headers.put(
        "authorization", List.of(auth.replace("idempotency-key;x-gdx-party", "idempotency-key")));
    assertThat(dropped.verifyWith(verifier).reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void verify_unknownScheme_unsupportedAlgorithm() throws IOException {
    Wire wire = new Wire(sign().request());
    wire.headers.put(
        "authorization", List.of("GDX-HMAC-MD5 keyId=dept-42,signedHeaders=,signature=AA=="));

    assertThat(wire.verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build()).reason())
        .isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void verify_mixedCaseHeaderNames_ok() throws IOException {
    Wire wire = new Wire(sign().request());
    Map<String, List<String>> upper = new HashMap<>();
    wire.headers.forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
    wire.headers = upper;

    assertThat(wire.verifyWith(verifier(GovdxHmacAuthenticatorTest.CLOCK).build()).reason())
        .isEqualTo(Reason.OK);
  }

  @Test
  void resultAndVerifier_toStringNeverContainSecret() throws IOException {
    GovdxHmacVerifier verifier = verifier(GovdxHmacAuthenticatorTest.CLOCK).build();
    GovdxHmacVerification result = new Wire(sign().request()).verifyWith(verifier);

    assertThat(
            result.toString() + verifier + result.signingString().orElseThrow() + result.detail())
        .doesNotContain("test-secret");
  }

  @Test
  void verify_randomRequests_roundTripThroughOkHttpEncoding() throws IOException {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(2024);
    String alphabet = "abcXYZ019-._~ %+&=/?#人口数据";
    GovdxHmacAuthenticator auth =
        GovdxHmacAuthenticatorTest.builder()
            .nonceSupplier(() -> Long.toHexString(rnd.nextLong()) + "-nonce")
            .build();
    GovdxHmacVerifier verifier = verifier(GovdxHmacAuthenticatorTest.CLOCK).build();
    for (int i = 0; i < 300; i++) {
      okhttp3.HttpUrl.Builder url =
          new okhttp3.HttpUrl.Builder()
              .scheme("https")
              .host("gw.example")
              .addPathSegment("v1")
              .addPathSegment(random(rnd, alphabet, 1 + rnd.nextInt(8)));
      for (int q = rnd.nextInt(4); q > 0; q--) {
        url.addQueryParameter(
            random(rnd, alphabet, 1 + rnd.nextInt(5)), random(rnd, alphabet, rnd.nextInt(5)));
      }
      byte[] body = new byte[rnd.nextInt(64)];
      rnd.nextBytes(body);
      Request request =
          new Request.Builder()
              .url(url.build())
              .post(okhttp3.RequestBody.create(body, GovdxHmacAuthenticatorTest.JSON))
              .build();

      GovdxHmacVerification result =
          new Wire(auth.authenticate(request).request()).verifyWith(verifier);

      assertThat(result.reason()).as(request.url().toString()).isEqualTo(Reason.OK);
    }
  }

  private static String random(java.util.SplittableRandom rnd, String alphabet, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  @Test
  void verify_concurrentReplays_exactlyOneAccepted() throws Exception {
    Wire wire = new Wire(sign().request());
    GovdxHmacVerifier verifier = verifier(GovdxHmacAuthenticatorTest.CLOCK).build();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Reason>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        futures.add(pool.submit(() -> wire.verifyWith(verifier).reason()));
      }
      int ok = 0;
      for (java.util.concurrent.Future<Reason> f : futures) {
        Reason reason = f.get();
        assertThat(reason).isIn(Reason.OK, Reason.NONCE_REPLAYED);
        ok += reason == Reason.OK ? 1 : 0;
      }
      assertThat(ok).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
