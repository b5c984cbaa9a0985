package io.github.govdx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.client.auth.GatewaySecret;
import io.github.govdx.client.auth.GovdxHmacAuthenticator;
import io.github.govdx.client.auth.RequestAuthenticator;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A bare HTTP caller of a sandbox for tests below the client module: seals with the party's codec and signs every
 * request with the party's govdx HMAC gateway credential.
 */
final class SandboxHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final OkHttpClient BASE =
      new OkHttpClient.Builder()
          .connectionPool(new ConnectionPool(128, 1, TimeUnit.MINUTES))
          .readTimeout(70, TimeUnit.SECONDS)
          .build();

  final ExchangeSandbox sandbox;
  final TestParty party;
  final EnvelopeCodec codec;
  final OkHttpClient http;

  SandboxHttp(ExchangeSandbox sandbox, String alias) {
    this(sandbox, alias, true);
  }

  SandboxHttp(ExchangeSandbox sandbox, String alias, boolean sign) {
    this.sandbox = sandbox;
    this.party = sandbox.party(alias);
    this.codec = sandbox.codecFor(party);
    RequestAuthenticator auth =
        GovdxHmacAuthenticator.builder()
            .keyId(party.gatewayKeyId())
            .secret(GatewaySecret.of(party.gatewaySecretBytes()))
            .build();
    OkHttpClient.Builder b = BASE.newBuilder();
    if (sign) {
      b.addInterceptor(chain -> chain.proceed(auth.authenticate(chain.request()).request()));
    }
    this.http = b.build();
  }

  /** A response, read fully. */
  record Resp(int statusCode, okhttp3.Headers headers, byte[] body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  RoutingHeaders.Builder headers(String resourceCode, String action) {
    JsonNode entry = sandbox.resource(resourceCode).orElseThrow();
    return RoutingHeaders.builder()
        .messageId(UUID.randomUUID().toString())
        .issuedAt(Instant.now())
        .sender(party.partyId())
        .receiver(io.github.govdx.core.party.PartyId.parse(entry.get("provider").asText()))
        .resourceCode(resourceCode)
        .action(action);
  }

  Envelope seal(RoutingHeaders h, String payloadJson) {
    return codec.seal(h, payloadJson.getBytes(StandardCharsets.UTF_8));
  }

  Resp post(String path, String contentType, byte[] body, String idempotencyKey) {
    Request.Builder b =
        new Request.Builder()
            .url(sandbox.baseUri() + path)
            .header("X-Gdx-Party", party.partyId().toString())
            .post(RequestBody.create(body, MediaType.get(contentType)));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b.build());
  }

  Resp get(String path) {
    return send(
        new Request.Builder()
            .url(sandbox.baseUri() + path)
            .header("X-Gdx-Party", party.partyId().toString())
            .get()
            .build());
  }

  Resp send(Request request) {
    try (Response r = http.newCall(request).execute()) {
      return new Resp(r.code(), r.headers(), r.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(Resp r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
