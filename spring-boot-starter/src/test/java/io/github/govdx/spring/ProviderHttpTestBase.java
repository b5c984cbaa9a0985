package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.QueryResult;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.testkit.ExchangeSandbox;
import io.github.govdx.testkit.SandboxProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The provider side over real HTTP: the application (the bigdata department, credentials from PKCS#12) runs in
 * its embedded Tomcat; the sandbox forwards the hotline's sealed queries and pushes to it over HTTP, where the
 * auto-configured {@code ProviderServlet} and {@code ProviderEndpoint} open them, call the {@link GovdxResource}
 * handler bean and seal the answer. Then the same sealed query, sent again to the application, is refused as a
 * replay ({@code GDX-3304}) by the auto-configured replay cache of the store under test (subclasses pick it).
 */
@SpringBootTest(
    classes = ProviderApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ProviderHttpTestBase {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry r) {
    ExchangeSandbox s = TestSandbox.get();
    r.add("govdx.endpoint", () -> s.baseUri().toString());
    r.add("govdx.party-id", () -> s.party("bigdata").partyId().toString());
    r.add(
        "govdx.credentials.pkcs12",
        () -> TestSandbox.keys().resolve("test-bigdata.p12").toString());
    r.add("govdx.credentials.pkcs12-password", () -> TestSandbox.PKCS12_PASSWORD);
    r.add("govdx.trust.anchors", () -> TestSandbox.keys().resolve("test-ca.cert.pem").toString());
    r.add("govdx.gateway.scheme", () -> "govdx-hmac");
    r.add("govdx.gateway.key-id", () -> s.party("bigdata").gatewayKeyId());
    r.add("govdx.gateway.secret", () -> s.party("bigdata").gatewaySecretBase64());
    r.add("govdx.provider.enabled", () -> "true");
    r.add("govdx.provider.transfer-spool", () -> SPOOL.toString());
  }

  private static final java.nio.file.Path SPOOL;

  static {
    try {
      SPOOL = java.nio.file.Files.createTempDirectory("govdx-starter-transfers-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @LocalServerPort int port;
  @Autowired ProviderApp.Demands demands;
  @Autowired ProviderApp.CaseFiles caseFiles;
  @Autowired ReplayCache replayCache;

  private final AtomicReference<SandboxProvider.Request> lastQuery = new AtomicReference<>();
  private PartyId bigdata;

  /** What kind of replay cache the store under test gives. */
  abstract String expectedReplayCache();

  @BeforeEach
  void forwardOverHttp() {
    ExchangeSandbox sandbox = TestSandbox.get();
    bigdata = sandbox.party("bigdata").partyId();
    sandbox.registerProvider(
        bigdata,
        request -> {
          if (request.path().endsWith("/query")) {
            lastQuery.set(request);
          }
          HttpResponse<byte[]> answer = send(request);
          Map<String, String> headers = new HashMap<>();
          answer
              .headers()
              .firstValue("Content-Type")
              .ifPresent(v -> headers.put("Content-Type", v));
          answer
              .headers()
              .firstValue("X-Gdx-Batch-Id")
              .ifPresent(v -> headers.put("X-Gdx-Batch-Id", v));
          return new SandboxProvider.Response(answer.statusCode(), headers, answer.body());
        });
  }

  @AfterEach
  void unregister() {
    TestSandbox.get().unregisterProvider(bigdata);
  }

  private HttpResponse<byte[]> send(SandboxProvider.Request request) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
            .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void fileHandlerBean_receivesAFileDeliveredByThePlatform_senderSeesItDelivered()
      throws Exception {
    byte[] content = new byte[300_000];
    new java.util.Random(5).nextBytes(content);
    java.nio.file.Path src = java.nio.file.Files.createTempFile("govdx-case-file-", ".bin");
    java.nio.file.Files.write(src, content);
    try (ExchangeClient hotline = TestSandbox.get().client("hotline")) {
      io.github.govdx.client.transfer.TransferResult sent =
          hotline
              .transfers()
              .send(
                  io.github.govdx.client.transfer.SendFileRequest.builder()
                      .receiver(bigdata)
                      .resourceCode(TestSandbox.DEMANDS)
                      .source(src)
                      .spoolDirectory(SPOOL.resolveSibling(SPOOL.getFileName() + "-sender"))
                      .build());
      long until = System.nanoTime() + 30_000_000_000L;
      while (hotline.transfers().get(sent.transferId()).state()
              != io.github.govdx.client.transfer.TransferState.DELIVERED
          && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      hotline.transfers().verifyReceipt(sent); // GDX-3208 if it was not delivered
      assertThat(caseFiles.contents.get(sent.transferId())).isEqualTo(content);
      assertThat(caseFiles.received)
          .filteredOn(f -> f.transferId().equals(sent.transferId()))
          .singleElement()
          .satisfies(f -> assertThat(f.caller()).isEqualTo(hotline.party()));
    } finally {
      java.nio.file.Files.deleteIfExists(src);
    }
  }

  @Test
  void handlerBean_answersSealedPushAndQueryOverHttp_andAReplayIsRefused() throws Exception {
    assertThat(replayCache.getClass().getName() + replayCache).contains(expectedReplayCache());
    String gdbh = "GD-PROVIDER-" + UUID.randomUUID().toString().substring(0, 8);
    try (ExchangeClient hotline = TestSandbox.get().client("hotline")) {
      PushResult pushed = hotline.data().push(TestSandbox.demand(gdbh));
      assertThat(pushed.receipt())
          .hasValueSatisfying(r -> assertThat(r.receiver()).isEqualTo(bigdata));
      assertThat(demands.stored)
          .anySatisfy(r -> assertThat(r.get("gdbh").asText()).isEqualTo(gdbh));

      QueryResult<JsonNode> found =
          hotline
              .data()
              .query(
                  QueryRequest.builder()
                      .resourceCode(TestSandbox.DEMANDS)
                      .filter("gdbh", gdbh)
                      .build());
      assertThat(found.records())
          .singleElement()
          .satisfies(r -> assertThat(r.get("gdbh").asText()).isEqualTo(gdbh));
      assertThat(demands.queries)
          .anySatisfy(q -> assertThat(q.caller()).isEqualTo(hotline.party()));
    }

    SandboxProvider.Request captured = lastQuery.get();
    assertThat(captured).isNotNull();
    int queriesBefore = demands.queries.size();
    HttpResponse<byte[]> replayed = send(captured);
    assertThat(replayed.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(new String(replayed.body(), StandardCharsets.UTF_8)).contains("GDX-3304");
    assertThat(demands.queries).hasSize(queriesBefore);
  }
}
