package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.testkit.SandboxProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform on a real HTTP port with stand-ins for the crypto parts: envelopes are plain JSON objects carrying
 * their routing headers, and the gateway binds the party named in {@code X-Test-Key}. Lets the platform's HTTP
 * behaviour be tested on its own.
 */
final class Harness implements AutoCloseable {

  static final PartyId POLICE = PartyId.parse("11320500014160478L");
  static final PartyId HOTLINE = PartyId.parse("11320500014160486F/hotline");
  static final PartyId CITY = PartyId.parse("11320500014160494A");
  static final PartyId BIGDATA = PartyId.parse("113205000141605070");
  static final String PEOPLE = "335001001/00012";
  static final String DEMANDS = "335002001/00003";
  static final String ORDERS = "335003001/00031";

  final Platform.Parts parts = new Platform.Parts();
  final Platform platform;
  final FaultBook faults = new FaultBook();
  final SandboxServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Map<PartyId, SandboxProvider> providers = new ConcurrentHashMap<>();
  final AtomicInteger providerCalls = new AtomicInteger();

  Harness() {
    this(p -> {});
  }

  Harness(java.util.function.Consumer<Platform.Parts> tweak) {
    parts.clock = Clock.systemUTC();
    parts.envelopes = Harness::readFake;
    parts.providerPool = Executors.newCachedThreadPool();
    parts.providers = p -> Optional.ofNullable(providers.get(p));
    parts.personalData = s -> s.matches("(?s).*[0-9]{17}[0-9X].*");
    parts.directory =
        p -> {
          if (!p.equals(POLICE)) {
            return Optional.empty();
          }
          ObjectNode o = Json.object();
          o.put("partyId", p.toString());
          o.putArray("certificates");
          return Optional.of(o);
        };
    tweak.accept(parts);
    platform = new Platform(parts);
    Seed.builtin().catalog().forEach(platform::publish);
    GatewayGuard guard =
        (method, path, query, headers, body) -> {
          List<String> k = headers.get("x-test-key");
          if (k == null) {
            throw new ApiException(WireCode.GATEWAY_AUTH_MISSING, "no credentials");
          }
          return Set.of(PartyId.parse(k.get(0)));
        };
    server =
        new SandboxServer(
            platform,
            guard,
            new IdempotencyStore(parts.clock, "platform"),
            faults,
            parts.clock,
            InetAddress.getLoopbackAddress(),
            0,
            16,
            1024 * 1024);
    server.start();
    SandboxProvider echo =
        req -> {
          providerCalls.incrementAndGet();
          JsonNode in = Json.MAPPER.readTree(req.body());
          boolean push = in.get("action").asText().equals("push");
          ObjectNode out = Json.object();
          out.put("messageId", UUID.randomUUID().toString());
          out.put("sender", in.get("receiver").asText());
          out.put("receiver", in.get("sender").asText());
          out.put("resourceCode", in.get("resourceCode").asText());
          out.put("action", push ? "push.receipt" : "query.result");
          out.put("correlationId", in.get("messageId").asText());
          return new SandboxProvider.Response(
              push ? 201 : 200,
              push
                  ? Map.of(
                      "Content-Type",
                      Reply.ENVELOPE,
                      "X-Gdx-Batch-Id",
                      "b-1",
                      "X-Gdx-Record-Count",
                      "3")
                  : Map.of("Content-Type", Reply.ENVELOPE),
              Json.bytes(out));
        };
    providers.put(POLICE, echo);
    providers.put(BIGDATA, echo);
    providers.put(CITY, echo);
  }

  static EnvelopeFacts readFake(byte[] body) {
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "not an envelope");
    }
    if (n == null || !n.has("messageId")) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "not an envelope");
    }
    return new EnvelopeFacts(
        n.get("messageId").asText(),
        PartyId.parse(n.get("sender").asText()),
        PartyId.parse(n.get("receiver").asText()),
        n.get("resourceCode").asText(),
        n.get("action").asText(),
        n.path("correlationId").asText(null),
        "SHA-256",
        Digests.sha256Hex(body));
  }

  static byte[] envelope(PartyId sender, PartyId receiver, String code, String action) {
    ObjectNode o = Json.object();
    o.put("messageId", UUID.randomUUID().toString());
    o.put("sender", sender.toString());
    o.put("receiver", receiver.toString());
    o.put("resourceCode", code);
    o.put("action", action);
    return Json.bytes(o);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> get(PartyId party, String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), party, null);
  }

  HttpResponse<String> postJson(PartyId party, String path, String json) {
    return postJson(party, path, json, null);
  }

  HttpResponse<String> postJson(PartyId party, String path, String json, String key) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        party,
        key);
  }

  HttpResponse<String> postEnvelope(PartyId party, String path, byte[] body, String key) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", Reply.ENVELOPE)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        party,
        key);
  }

  HttpResponse<String> delete(PartyId party, String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE(), party, null);
  }

  HttpResponse<String> send(HttpRequest.Builder b, PartyId party, String key) {
    b.header("X-Gdx-Party", party.toString())
        .header("X-Test-Key", party.toString())
        .timeout(Duration.ofSeconds(30));
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String code(HttpResponse<String> r) {
    return json(r).path("code").asText();
  }

  static String key() {
    return UUID.randomUUID().toString();
  }

  static List<String> texts(JsonNode array, String member) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(member).asText()));
    return out;
  }

  @Override
  public void close() {
    server.close();
    parts.providerPool.shutdownNow();
  }
}
