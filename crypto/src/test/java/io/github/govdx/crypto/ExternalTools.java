package io.github.govdx.crypto;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs external interop peers (OpenSSL 3, node with panva/jose). When a peer is missing the test is skipped
 * with a reason, except when the environment variable {@code CI=true}: then it fails, so CI cannot silently
 * lose interop coverage.
 */
final class ExternalTools {

  static final Path NODE_HARNESS = Paths.get("src", "test", "node").toAbsolutePath();

  private ExternalTools() {}

  record Result(int exit, String out, String err) {}

  static Result run(Path dir, List<String> command) {
    try {
      Path out = Files.createTempFile(dir, "out", ".txt");
      Path err = Files.createTempFile(dir, "err", ".txt");
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("timed out: " + command);
      }
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, "", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static void require(boolean available, String what) {
    if (available) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(what + " is required for interop tests when CI=true (see .ci/run)");
    }
    Assumptions.assumeTrue(
        false, what + " is not available; interop test skipped (set CI=true to fail instead)");
  }

  static void requireOpenssl(Path dir) {
    Result r = run(dir, List.of("openssl", "version"));
    require(r.exit() == 0 && r.out().startsWith("OpenSSL 3"), "OpenSSL 3 (openssl on PATH)");
  }

  static void requireNodeJose(Path dir) {
    Result r = run(dir, List.of("node", "--version"));
    require(
        r.exit() == 0 && Files.isDirectory(NODE_HARNESS.resolve("node_modules").resolve("jose")),
        "node and jose (npm ci --prefix crypto/src/test/node)");
  }
}
