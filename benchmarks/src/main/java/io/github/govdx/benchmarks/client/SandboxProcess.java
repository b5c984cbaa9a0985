package io.github.govdx.benchmarks.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.auth.GatewaySecret;
import io.github.govdx.client.auth.GovdxHmacAuthenticator;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.InMemoryPartyDirectory;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.testkit.ExchangeSandbox;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox in a child JVM of its own (as {@code govdx-sandbox.jar} runs it), so that what it keeps (every pushed batch)
 * does not count in the benchmark's heap, and clients of its test parties built from the credentials it writes, as
 * a department's application would build them.
 */
final class SandboxProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path credentials;
  private final URI base;

  private SandboxProcess(Process process, Path credentials, URI base) {
    this.process = process;
    this.credentials = credentials;
    this.base = base;
  }

  /**
   * Starts the sandbox on a free loopback port and waits until it answers.
   *
   * @param heap the child's {@code -Xmx}, e.g. {@code 2g}
   * @return the running sandbox
   * @throws IOException if it cannot start
   * @throws InterruptedException if interrupted while waiting
   */
  static SandboxProcess start(String heap) throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path dir = Files.createTempDirectory("govdx-bench-sandbox-");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx" + heap,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dsun.net.httpserver.nodelay=true",
                SandboxProcess.class.getName(),
                Integer.toString(port),
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("sandbox.log").toFile())
            .start();
    SandboxProcess sandbox = new SandboxProcess(p, dir, URI.create("http://127.0.0.1:" + port));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(dir.resolve("ready")) || !answers(port)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        sandbox.close();
        throw new IOException(
            "the sandbox did not start: " + Files.readString(dir.resolve("sandbox.log")));
      }
      Thread.sleep(100);
    }
    return sandbox;
  }

  private static boolean answers(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A client of one of the sandbox's test parties, from the files the sandbox wrote.
   *
   * @param alias the party's alias, e.g. {@code hotline}
   * @return the client
   * @throws IOException if the credentials cannot be read
   */
  ExchangeClient client(String alias) throws IOException {
    JsonNode index = JSON.readTree(credentials.resolve("test-parties.json").toFile());
    JsonNode self = null;
    InMemoryPartyDirectory.Builder directory = InMemoryPartyDirectory.builder();
    for (JsonNode p : index.get("parties")) {
      directory.add(
          PartyId.parse(p.get("partyId").asText()),
          Pem.readCertificates(Pem.read(credentials.resolve(p.get("certificate").asText())))
              .get(0));
      if (p.get("alias").asText().equals(alias)) {
        self = p;
      }
    }
    if (self == null) {
      throw new IllegalArgumentException("no test party " + alias);
    }
    PartyId party = PartyId.parse(self.get("partyId").asText());
    return ExchangeClient.builder()
        .endpoint(base)
        .party(party)
        .credentials(
            PartyCredentials.builder()
                .partyId(party)
                .privateKey(
                    Pem.readPrivateKey(
                        Pem.read(credentials.resolve(self.get("privateKey").asText()))))
                .certificateChain(
                    Pem.readCertificates(
                        Pem.read(credentials.resolve(self.get("certificate").asText()))))
                .build())
        .trustStore(
            TrustStore.of(Pem.readCertificates(Pem.read(credentials.resolve("test-ca.cert.pem")))))
        .directory(directory.build())
        .authenticator(
            GovdxHmacAuthenticator.builder()
                .keyId(self.get("gatewayKeyId").asText())
                .secret(
                    GatewaySecret.of(
                        Base64.getDecoder().decode(self.get("gatewaySecretBase64").asText())))
                .build())
        .build();
  }

  /**
   * The child: starts the sandbox on the port, writes the credentials, and runs until killed.
   *
   * @param args port, credentials directory
   * @throws Exception if it cannot start
   */
  public static void main(String[] args) throws Exception {
    ExchangeSandbox sandbox = ExchangeSandbox.builder().port(Integer.parseInt(args[0])).start();
    sandbox.writeCredentials(Path.of(args[1]));
    Files.writeString(Path.of(args[1]).resolve("ready"), "ready");
    Thread.currentThread().join();
  }

  /** Stops the child JVM. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
