package io.github.govdx.servlet;

import io.github.govdx.client.Fixtures;
import io.github.govdx.client.TestPki;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The child JVM of {@link ProviderServletMemoryProcessTest}: seals a file larger than its heap, serves a provider
 * endpoint with {@link ProviderServlet} on Jetty, and sends it the file as one part over HTTP; writes the plaintext's
 * and the received file's SHA-256 and the JVM's maximum heap to a result file. Run with a small {@code -Xmx}.
 */
final class ProviderMemoryMain {

  private ProviderMemoryMain() {}

  public static void main(String[] args) throws Exception {
    long size = Long.parseLong(args[0]);
    Path dir = Path.of(args[1]);
    Path result = Path.of(args[2]);
    TestPki pki = new TestPki(Suite.GM, Fixtures.HOTLINE, Fixtures.POLICE);
    String resource = "335001001/00031";

    // the sender's sealed file, written in constant memory from a random source
    Path sealed = dir.resolve("file.gdxs");
    MessageDigest plainSha = MessageDigest.getInstance("SHA-256");
    EnvelopeCodec sender =
        EnvelopeCodec.builder()
            .credentials(pki.credentials(Fixtures.HOTLINE))
            .trustStore(pki.trust)
            .directory(pki.directory)
            .build();
    try (InputStream plain = new DigestInputStream(new RandomStream(size, 7), plainSha);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(sealed), 1 << 16)) {
      sender.sealStream(
          RoutingHeaders.builder()
              .messageId(UUID.randomUUID().toString())
              .issuedAt(Instant.now())
              .sender(Fixtures.HOTLINE)
              .receiver(Fixtures.POLICE)
              .resourceCode(resource)
              .action("transfer")
              .build(),
          plain,
          out);
    }
    MessageDigest sealedSha = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(sealed), sealedSha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    long sealedSize = Files.size(sealed);

    AtomicReference<String> received = new AtomicReference<>();
    ProviderEndpoint endpoint =
        ProviderEndpoint.builder()
            .party(Fixtures.POLICE)
            .credentials(pki.credentials(Fixtures.POLICE))
            .trustStore(pki.trust)
            .directory(pki.directory)
            .transferSpool(dir.resolve("spool"))
            .maxPartBytes(64 << 20)
            .files(
                resource,
                f -> {
                  MessageDigest md = MessageDigest.getInstance("SHA-256");
                  try (InputStream in = new DigestInputStream(f.openStream(), md)) {
                    in.transferTo(OutputStream.nullOutputStream());
                  }
                  received.set(HexFormat.of().formatHex(md.digest()));
                })
            .build();
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new ProviderServlet(endpoint)), "/v1/transfers/*");
    jetty.setHandler(context);
    jetty.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String id = "t-" + UUID.randomUUID();
      String create =
          "{\"transferId\":\""
              + id
              + "\",\"resourceCode\":\""
              + resource
              + "\",\"size\":"
              + sealedSize
              + ",\"sha256\":\""
              + HexFormat.of().formatHex(sealedSha.digest())
              + "\",\"partSize\":"
              + (64 << 20)
              + "}";
      check(
          http.send(
              request(base, "/v1/transfers")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(create))
                  .build(),
              HttpResponse.BodyHandlers.ofString()),
          201);
      // the one part: the whole sealed file, streamed from disk with its RFC 9530 digest
      check(
          http.send(
              request(base, "/v1/transfers/" + id + "/parts/1")
                  .header("Content-Type", "application/octet-stream")
                  .header(
                      "Content-Digest",
                      "sha-256=:" + Base64.getEncoder().encodeToString(sha256Bytes(sealed)) + ":")
                  .PUT(HttpRequest.BodyPublishers.ofFile(sealed))
                  .build(),
              HttpResponse.BodyHandlers.ofString()),
          200);
      check(
          http.send(
              request(base, "/v1/transfers/" + id + "/complete")
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString()),
          200);
    } finally {
      jetty.stop();
    }
    String json =
        "{\"plain\":\""
            + HexFormat.of().formatHex(plainSha.digest())
            + "\",\"received\":\""
            + received.get()
            + "\",\"sealedBytes\":"
            + sealedSize
            + ",\"maxHeapBytes\":"
            + Runtime.getRuntime().maxMemory()
            + "}";
    Files.writeString(result, json, StandardCharsets.UTF_8);
  }

  private static HttpRequest.Builder request(URI base, String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("X-Gdx-Party", Fixtures.HOTLINE.toString())
        .header("X-Request-Id", UUID.randomUUID().toString());
  }

  private static byte[] sha256Bytes(Path p) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return md.digest();
  }

  private static void check(HttpResponse<String> r, int expected) {
    if (r.statusCode() != expected) {
      throw new IllegalStateException(
          r.request().method() + " " + r.request().uri() + ": " + r.statusCode() + " " + r.body());
    }
  }

  /** {@code size} pseudo-random bytes, generated as read. */
  private static final class RandomStream extends InputStream {
    private final Random random;
    private long left;

    RandomStream(long size, long seed) {
      this.random = new Random(seed);
      this.left = size;
    }

    @Override
    public int read() {
      if (left <= 0) {
        return -1;
      }
      left--;
      return random.nextInt(256);
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      byte[] chunk = new byte[n];
      random.nextBytes(chunk);
      System.arraycopy(chunk, 0, b, off, n);
      left -= n;
      return n;
    }
  }
}
