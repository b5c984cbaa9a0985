package io.github.govdx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A bare HTTP caller of a sandbox for tests below the client: seals with the party's codec, signs the gateway. */
final class SandboxHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  final ExchangeSandbox sandbox;
  final TestParty party;
  final EnvelopeCodec codec;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  UnaryOperator<HttpRequest.Builder> auth = UnaryOperator.identity();

  SandboxHttp(ExchangeSandbox sandbox, String alias) {
    this.sandbox = sandbox;
    this.party = sandbox.party(alias);
    this.codec = sandbox.codecFor(party);
    this.auth = GatewaySigning.forParty(party);
  }

  RoutingHeaders.Builder headers(String resourceCode, String action) {
    JsonNode entry = sandbox.resource(resourceCode).orElseThrow();
    return RoutingHeaders.builder().messageId(UUID.randomUUID().toString()).issuedAt(Instant.now())
        .sender(party.partyId()).receiver(io.github.govdx.core.party.PartyId.parse(entry.get("provider").asText()))
        .resourceCode(resourceCode).action(action);
  }

  Envelope seal(RoutingHeaders h, String payloadJson) {
    return codec.seal(h, payloadJson.getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<byte[]> post(String path, String contentType, byte[] body, String idempotencyKey) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUri() + path))
        .header("Content-Type", contentType).header("X-Gdx-Party", party.partyId().toString())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(30));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b, body);
  }

  HttpResponse<byte[]> get(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUri() + path))
        .header("X-Gdx-Party", party.partyId().toString()).GET().timeout(Duration.ofSeconds(30));
    return send(b, new byte[0]);
  }

  HttpResponse<byte[]> send(HttpRequest.Builder b, byte[] body) {
    try {
      HttpRequest unsigned = b.build();
      return http.send(GatewaySigning.sign(party, unsigned, body), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<byte[]> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
