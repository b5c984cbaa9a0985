package io.github.govdx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB file from one JVM to another through a third, each limited to 64 MiB of heap (docs/files.md): the
 * standalone sandbox, {@code govdx transfer send} and {@code govdx transfer receive} as separate processes. The
 * plaintext arrives identical, so every byte went through sealing, parts, storage, download and opening in
 * constant memory.
 */
class FileTransferProcessTest {

  private static final long SIZE = 1L << 30;
  private static final String RESOURCE = "335002001/00003";

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
  }

  private Process java(String name, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx64m");
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".err").toFile()))
            .redirectOutput(dir.resolve(name + ".out").toFile())
            .start();
    processes.add(p);
    return p;
  }

  private String run(String name, String... args) throws Exception {
    Process p = java(name, GovdxCli.class.getName(), args);
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as(name + " finished").isTrue();
    String out = Files.readString(dir.resolve(name + ".out"));
    assertThat(p.exitValue())
        .as("%s exit; out: %s err: %s", name, out, Files.readString(dir.resolve(name + ".err")))
        .isZero();
    return out;
  }

  @Test
  void oneGibibyte_sixtyFourMebibytesOfHeapOnEachSide_arrivesIdentical() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path creds = dir.resolve("credentials");
    java(
        "sandbox",
        "io.github.govdx.testkit.SandboxMain",
        "--port",
        Integer.toString(port),
        "--credentials",
        creds.toString());
    Path src = dir.resolve("extract.bin");
    String expected = writeRandom(src);
    awaitPort(port);
    while (!Files.exists(creds.resolve("test-parties.json"))) {
      Thread.sleep(100);
    }
    String endpoint = "http://127.0.0.1:" + port;

    String sent =
        run(
            "send",
            "transfer",
            "send",
            src.toString(),
            "--to",
            "bigdata",
            "--resource",
            RESOURCE,
            "--spool",
            dir.resolve("spool").toString(),
            "--credentials",
            creds.toString(),
            "--party",
            "hotline",
            "--endpoint",
            endpoint,
            "--json");
    JsonNode s = new ObjectMapper().readTree(sent);
    String id = s.path("transferId").asText();
    assertThat(s.path("plaintextLength").asLong()).isEqualTo(SIZE);
    Files.delete(src);

    Path out = dir.resolve("received.bin");
    String received =
        run(
            "receive",
            "transfer",
            "receive",
            id,
            "--out",
            out.toString(),
            "--credentials",
            creds.toString(),
            "--party",
            "bigdata",
            "--endpoint",
            endpoint,
            "--json");
    assertThat(new ObjectMapper().readTree(received).path("length").asLong()).isEqualTo(SIZE);
    assertThat(sha256(out)).isEqualTo(expected);

    String status =
        run(
            "status",
            "transfer",
            "status",
            id,
            "--credentials",
            creds.toString(),
            "--party",
            "hotline",
            "--endpoint",
            endpoint,
            "--json");
    JsonNode st = new ObjectMapper().readTree(status);
    assertThat(st.path("state").asText()).isEqualTo("delivered");
    assertThat(st.path("receipt").asBoolean()).isTrue();
  }

  private static void awaitPort(int port) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("the sandbox did not start on port " + port);
  }

  /** Writes SIZE pseudo-random bytes and returns their SHA-256. */
  private static String writeRandom(Path p) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    Random r = new Random(20261204);
    byte[] buf = new byte[1 << 20];
    try (OutputStream o = Files.newOutputStream(p)) {
      for (long left = SIZE; left > 0; left -= buf.length) {
        r.nextBytes(buf);
        o.write(buf);
        md.update(buf);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static String sha256(Path p) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(p)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
