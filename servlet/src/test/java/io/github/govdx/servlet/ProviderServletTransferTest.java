package io.github.govdx.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.client.CuttingProxy;
import io.github.govdx.client.Fixtures;
import io.github.govdx.client.SealedFile;
import io.github.govdx.client.TestPki;
import io.github.govdx.client.provider.InMemoryIdempotencyStore;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.ProviderFile;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.Receipt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File transfers to a provider ({@code docs/protocol.md} section 15.8) through {@link ProviderServlet} in a real
 * Jetty 12 container, driven over real HTTP the way the platform forwards a transfer: parts bigger than the
 * endpoint's request limit are streamed to the spool, connections reset mid-part by a {@link CuttingProxy}, the
 * sender resumes from the parts the provider lists, a restarted endpoint continues, and the handler runs once.
 */
class ProviderServletTransferTest {

  private static final ObjectMapper M = new ObjectMapper();
  private static final String RESOURCE = "335001001/00031";
  private static final int PART = 256 * 1024;
  private static final TestPki PKI = new TestPki(Suite.GM, Fixtures.HOTLINE, Fixtures.POLICE);

  @TempDir Path spool;

  private final List<ProviderFile> received = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> contents = new ConcurrentHashMap<>();
  private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(Clock.systemUTC());
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private Server jetty;
  private int port;

  @AfterEach
  void stop() throws Exception {
    if (jetty != null) {
      jetty.stop();
    }
  }

  private ProviderEndpoint endpoint() {
    return ProviderEndpoint.builder()
        .party(Fixtures.POLICE)
        .credentials(PKI.credentials(Fixtures.POLICE))
        .trustStore(PKI.trust)
        .directory(PKI.directory)
        .idempotencyStore(store)
        .maxRequestBytes(64 * 1024) // the parts (256 KiB) are streamed, not bound by this
        .transferSpool(spool)
        .files(
            RESOURCE,
            f -> {
              contents.put(f.transferId(), Files.readAllBytes(f.path()));
              received.add(f);
            })
        .build();
  }

  /** Starts (or restarts, on the same port) Jetty with a new endpoint over the same spool and store. */
  private URI start() throws Exception {
    if (jetty != null) {
      jetty.stop();
    }
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/dept");
    context.addServlet(new ServletHolder(new ProviderServlet(endpoint())), "/v1/transfers/*");
    jetty.setHandler(context);
    jetty.start();
    port = connector.getLocalPort();
    return URI.create("http://127.0.0.1:" + port);
  }

  // ------------------------------------------------------------------------------------ the
  // sender's side

  /** What the platform does: create, list the stored parts, send the others, complete; resume on any break. */
  private final class Sender {
    private final URI base;
    private int resumes;
    private int partsSent;

    Sender(URI base) {
      this.base = base;
    }

    HttpResponse<byte[]> send(String id, SealedFile f) throws InterruptedException {
      for (int attempt = 0; ; attempt++) {
        try {
          HttpResponse<byte[]> created =
              call("POST", "/dept/v1/transfers", announcement(id, f), "application/json", null);
          assertThat(created.statusCode()).isIn(200, 201);
          JsonNode state =
              M.readTree(call("GET", "/dept/v1/transfers/" + id, null, null, null).body());
          Set<Integer> stored = new HashSet<>();
          state.path("parts").forEach(p -> stored.add(p.path("partNumber").asInt()));
          boolean delivered = state.path("state").asText().equals("delivered");
          for (int n = 1; n <= f.partCount(PART) && !delivered; n++) {
            if (!stored.contains(n)) {
              byte[] b = f.part(n, PART);
              HttpResponse<byte[]> r =
                  call(
                      "PUT",
                      "/dept/v1/transfers/" + id + "/parts/" + n,
                      b,
                      "application/octet-stream",
                      SealedFile.contentDigest(b));
              assertThat(r.statusCode())
                  .as(new String(r.body(), StandardCharsets.UTF_8))
                  .isEqualTo(200);
              partsSent++;
            }
          }
          return call("POST", "/dept/v1/transfers/" + id + "/complete", new byte[0], null, null);
        } catch (IOException e) {
          if (attempt > 20) {
            throw new AssertionError("gave up after " + attempt + " resumes", e);
          }
          resumes++;
          Thread.sleep(50);
        }
      }
    }

    private HttpResponse<byte[]> call(
        String method, String path, byte[] body, String contentType, String digest)
        throws IOException, InterruptedException {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(30))
              .header("X-Gdx-Party", Fixtures.HOTLINE.toString())
              .header("X-Request-Id", UUID.randomUUID().toString())
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      if (digest != null) {
        b.header("Content-Digest", digest);
      }
      return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  // ------------------------------------------------------------------------------------ tests

  @Test
  void connectionsResetMidPart_senderResumesFromTheStoredParts_handlerCalledOnce()
      throws Exception {
    URI direct = start();
    SealedFile f = SealedFile.random(PKI, Fixtures.HOTLINE, Fixtures.POLICE, RESOURCE, 3 << 20, 11);
    String id = "t-" + UUID.randomUUID();
    try (CuttingProxy proxy = new CuttingProxy(direct, 4, 150_000, 700_000, 42)) {
      Sender sender = new Sender(proxy.uri());
      HttpResponse<byte[]> done = sender.send(id, f);

      assertThat(done.statusCode()).isEqualTo(200);
      assertThat(proxy.cutsDone()).isEqualTo(4);
      assertThat(sender.resumes).isGreaterThanOrEqualTo(1);
      // resumed from the parts stored: not every part sent again after each break
      assertThat(sender.partsSent).isLessThan(f.partCount(PART) * 2);
      assertThat(received).hasSize(1);
      assertThat(contents.get(id)).isEqualTo(f.plaintext());
      JsonNode answer = M.readTree(done.body());
      Receipt receipt = Receipt.parse(M.writeValueAsBytes(answer.get("receipt")));
      receipt.verify(f.headers(), f.suiteDigest(Suite.GM), PKI.trust, Instant.now());
      assertThat(receipt.sender()).isEqualTo(Fixtures.HOTLINE);
    }
  }

  @Test
  void restartedContainer_continuesTheTransfer_andAnswersTheCompletionAgainFromTheStore()
      throws Exception {
    URI direct = start();
    SealedFile f =
        SealedFile.random(PKI, Fixtures.HOTLINE, Fixtures.POLICE, RESOURCE, 1536 * 1024, 12);
    String id = "t-" + UUID.randomUUID();
    // the connection dies for good after about half the file: the provider goes down with it
    try (CuttingProxy proxy = CuttingProxy.dyingAfter(direct, f.sealed().length / 2)) {
      Sender sender = new Sender(proxy.uri());
      try {
        sender.send(id, f);
      } catch (AssertionError expected) {
        // the sender gave up on the dead proxy
      }
    }
    assertThat(received).isEmpty();
    URI restarted = start(); // a new endpoint over the same spool directory and idempotency store
    Sender sender = new Sender(restarted);
    HttpResponse<byte[]> done = sender.send(id, f);
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(sender.partsSent).isLessThan(f.partCount(PART));
    HttpResponse<byte[]> again = sender.send(id, f);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.headers().firstValue("Idempotency-Replayed")).hasValue("true");
    assertThat(received).hasSize(1);
    assertThat(contents.get(id)).isEqualTo(f.plaintext());
  }

  @Test
  void corruptedPart_refusedWithItsCode_throughTheServlet() throws Exception {
    URI direct = start();
    SealedFile f = SealedFile.random(PKI, Fixtures.HOTLINE, Fixtures.POLICE, RESOURCE, 300_000, 13);
    String id = "t-" + UUID.randomUUID();
    Sender sender = new Sender(direct);
    sender.call("POST", "/dept/v1/transfers", announcement(id, f), "application/json", null);
    byte[] b = f.part(1, PART);
    byte[] bent = b.clone();
    bent[100] ^= 1;
    HttpResponse<byte[]> r =
        sender.call(
            "PUT",
            "/dept/v1/transfers/" + id + "/parts/1",
            bent,
            "application/octet-stream",
            SealedFile.contentDigest(b));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(M.readTree(r.body()).path("code").asText()).isEqualTo("GDX-3011");
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
  }

  /** The announcement of protocol.md §15.8 for a sealed file under a transfer id, in parts of {@code PART}. */
  private static byte[] announcement(String id, SealedFile f) throws java.io.IOException {
    return M.writeValueAsBytes(
        M.createObjectNode()
            .put("transferId", id)
            .put("resourceCode", RESOURCE)
            .put("size", f.sealed().length)
            .put("sha256", f.sha256())
            .put("partSize", PART));
  }
}
