package io.github.govdx.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider receives a file larger than its heap through {@link ProviderServlet}: a JVM started with {@code
 * -Xmx40m} serves the endpoint on Jetty and is sent a 60 MiB sealed file as <em>one</em> part over HTTP. Had the
 * servlet or the endpoint held the part (or the file) in memory, the JVM would have run out of heap
 * ({@code -XX:+ExitOnOutOfMemoryError}); it streams the part to the spool, opens it chunk by chunk and hands the
 * handler a file whose SHA-256 is the plaintext's.
 */
class ProviderServletMemoryProcessTest {

  private static final long SIZE = 60L << 20;

  @TempDir Path dir;

  @Test
  void filePartLargerThanTheHeap_streamedToTheSpool_openedAndHandedOver() throws Exception {
    Path result = dir.resolve("result.json");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx40m");
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ProviderMemoryMain.class.getName());
    cmd.add(Long.toString(SIZE));
    cmd.add(dir.toString());
    cmd.add(result.toString());
    Path out = dir.resolve("main.out");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).as("exit; output: %s", tail(out)).isZero();
    JsonNode r = new ObjectMapper().readTree(Files.readString(result));
    assertThat(r.path("received").asText()).isEqualTo(r.path("plain").asText());
    assertThat(r.path("maxHeapBytes").asLong()).isLessThanOrEqualTo(40L << 20);
    assertThat(r.path("sealedBytes").asLong())
        .as("the part is larger than the heap, so it cannot have been held in memory")
        .isGreaterThan(r.path("maxHeapBytes").asLong());
  }

  private static String tail(Path p) throws Exception {
    if (!Files.exists(p)) {
      return "";
    }
    String s = Files.readString(p);
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }
}
