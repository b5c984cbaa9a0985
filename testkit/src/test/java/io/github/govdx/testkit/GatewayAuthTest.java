package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.auth.GatewaySecret;
import io.github.govdx.client.auth.GovdxHmacAuthenticator;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewayAuthTest {

  private static ExchangeSandbox sandbox;
  private static final OkHttpClient HTTP = new OkHttpClient();

  @BeforeAll
  static void start() {
    sandbox = ExchangeSandbox.builder().start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static Request.Builder get(String party) {
    return new Request.Builder()
        .url(sandbox.baseUri() + "/v1/catalog/resources")
        .header("X-Gdx-Party", party);
  }

  private static SandboxHttp.Resp call(Request r) throws Exception {
    try (Response resp = HTTP.newCall(r).execute()) {
      return new SandboxHttp.Resp(resp.code(), resp.headers(), resp.body().bytes());
    }
  }

  private static Request sign(TestParty signer, byte[] secret, Request r, Clock clock) {
    return GovdxHmacAuthenticator.builder()
        .keyId(signer.gatewayKeyId())
        .secret(GatewaySecret.of(secret))
        .clock(clock)
        .build()
        .authenticate(r)
        .request();
  }

  @Test
  void signed_ok_unsigned_401_3101() throws Exception {
    TestParty hotline = sandbox.party("hotline");
    Request unsigned = get(hotline.partyId().toString()).build();
    SandboxHttp.Resp r = call(unsigned);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(SandboxHttp.json(r).get("code").asText()).isEqualTo("GDX-3101");
    assertThat(SandboxHttp.json(r).get("source").asText()).isEqualTo("gateway");
    assertThat(SandboxHttp.json(r).has("serverTime")).isTrue();
    assertThat(
            call(sign(hotline, hotline.gatewaySecretBytes(), unsigned, Clock.systemUTC()))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void wrongSecret_401_3102_nonceReplay_401_3104() throws Exception {
    TestParty hotline = sandbox.party("hotline");
    Request base = get(hotline.partyId().toString()).build();
    SandboxHttp.Resp wrong = call(sign(hotline, new byte[32], base, Clock.systemUTC()));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(SandboxHttp.json(wrong).get("code").asText()).isEqualTo("GDX-3102");
    Request once = sign(hotline, hotline.gatewaySecretBytes(), base, Clock.systemUTC());
    assertThat(call(once).statusCode()).isEqualTo(200);
    SandboxHttp.Resp replay = call(once);
    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(SandboxHttp.json(replay).get("code").asText()).isEqualTo("GDX-3104");
  }

  @Test
  void skewedClock_401_3103_unknownKey_401_3105() throws Exception {
    TestParty hotline = sandbox.party("hotline");
    Request base = get(hotline.partyId().toString()).build();
    SandboxHttp.Resp skewed =
        call(
            sign(
                hotline,
                hotline.gatewaySecretBytes(),
                base,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-30))));
    assertThat(skewed.statusCode()).isEqualTo(401);
    assertThat(SandboxHttp.json(skewed).get("code").asText()).isEqualTo("GDX-3103");
    Request unknown =
        GovdxHmacAuthenticator.builder()
            .keyId("gdx-test-nobody")
            .secret(GatewaySecret.of(new byte[32]))
            .build()
            .authenticate(base)
            .request();
    assertThat(SandboxHttp.json(call(unknown)).get("code").asText()).isEqualTo("GDX-3105");
  }

  @Test
  void partyNotBoundToCredential_403_3106() throws Exception {
    TestParty hotline = sandbox.party("hotline");
    TestParty police = sandbox.party("police");
    SandboxHttp.Resp r =
        call(
            sign(
                hotline,
                hotline.gatewaySecretBytes(),
                get(police.partyId().toString()).build(),
                Clock.systemUTC()));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(SandboxHttp.json(r).get("code").asText()).isEqualTo("GDX-3106");
  }

  @Test
  void tamperedBody_401_3102() throws Exception {
    TestParty hotline = sandbox.party("hotline");
    Request signed =
        sign(
            hotline,
            hotline.gatewaySecretBytes(),
            new Request.Builder()
                .url(sandbox.baseUri() + "/v1/applications")
                .header("X-Gdx-Party", hotline.partyId().toString())
                .post(
                    okhttp3.RequestBody.create(
                        "{\"resourceCode\": \"335001001/00012\", \"purpose\": \"a\"}",
                        okhttp3.MediaType.get("application/json; charset=utf-8")))
                .build(),
            Clock.systemUTC());
    Request tampered =
        signed
            .newBuilder()
            .post(
                okhttp3.RequestBody.create(
                    "{\"resourceCode\": \"335001001/00012\", \"purpose\": \"b\"}",
                    okhttp3.MediaType.get("application/json; charset=utf-8")))
            .build();
    SandboxHttp.Resp r = call(tampered);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(SandboxHttp.json(r).get("code").asText()).isEqualTo("GDX-3102");
  }
}
