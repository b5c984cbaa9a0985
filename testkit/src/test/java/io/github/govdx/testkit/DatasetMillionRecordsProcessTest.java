package io.github.govdx.testkit;

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
 * The must-show of issue 15 item 3: 1,000,000 records exported and imported as parts through the sandbox in
 * constant memory, every record validated on both sides — in a JVM started with {@code -Xmx64m} (sandbox, exporter
 * and importer together), where the NDJSON alone is about 160 MB.
 */
class DatasetMillionRecordsProcessTest {

  private static final long COUNT = 1_000_000;

  @TempDir Path dir;

  @Test
  void oneMillionRecords_sixtyFourMebibytesOfHeap_everyRecordValidatedAndHandedOverInOrder()
      throws Exception {
    Path result = dir.resolve("result.json");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx64m");
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-Dsun.net.httpserver.nodelay=true");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(DatasetExchangeMain.class.getName());
    cmd.add(Long.toString(COUNT));
    cmd.add(dir.toString());
    cmd.add(result.toString());
    Path err = dir.resolve("main.err");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(err.toFile()).start();
    try {
      assertThat(p.waitFor(20, TimeUnit.MINUTES)).as("finished").isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).as("exit; output: %s", tail(err)).isZero();
    JsonNode r = new ObjectMapper().readTree(Files.readString(result));
    assertThat(r.path("exported").asLong()).isEqualTo(COUNT);
    assertThat(r.path("imported").asLong()).isEqualTo(COUNT);
    assertThat(r.path("handedOver").asLong()).isEqualTo(COUNT);
    assertThat(r.path("mismatches").asLong()).isZero();
    assertThat(r.path("parts").asInt()).isEqualTo(10);
    assertThat(r.path("maxHeapBytes").asLong()).isLessThanOrEqualTo(64L * 1024 * 1024);
    assertThat(r.path("bytes").asLong())
        .as("the dataset is larger than the heap, so it cannot have been held in memory")
        .isGreaterThan(2 * r.path("maxHeapBytes").asLong());
    System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "dataset figures: " + r);
  }

  private static String tail(Path p) throws Exception {
    if (!Files.exists(p)) {
      return "";
    }
    String s = Files.readString(p);
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }
}
