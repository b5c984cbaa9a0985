package io.github.govdx.examples;

import io.github.govdx.crypto.evidence.EvidenceLogVerifier;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Focused example: verifying an evidence log (证据日志). With a path argument it verifies that file; without, it
 * runs the end-to-end demo quietly, verifies the hotline's log, then shows that editing one line is detected.
 * Run: {@code mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.github.govdx.examples.EvidenceLogExample
 * [-Dexec.args=path/to/evidence.log]}.
 */
public final class EvidenceLogExample {

  private EvidenceLogExample() {}

  /**
   * Runs the example.
   *
   * @param args an optional log file to verify
   * @throws Exception if a file cannot be read or written
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path log;
    if (args.length > 0) {
      log = Path.of(args[0]);
    } else {
      Path[] kept = new Path[1];
      EndToEndDemo.run(
          new Transcript(
              new PrintStream(
                  java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)),
          p -> kept[0] = p);
      log = kept[0];
    }
    EvidenceLogVerifier.Result r = EvidenceLogVerifier.verify(log);
    out.println(log + ": " + r.entries() + " entries, intact=" + r.intact() + ", head " + r.head());
    if (args.length == 0) {
      List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
      lines.set(1, lines.get(1).replaceFirst("\"action\":\"[a-z.]+\"", "\"action\":\"forged\""));
      Path tampered = log.resolveSibling("tampered.log");
      Files.write(tampered, lines, StandardCharsets.UTF_8);
      EvidenceLogVerifier.Result t = EvidenceLogVerifier.verify(tampered);
      out.println(
          "after editing line 2: intact="
              + t.intact()
              + ", first broken line "
              + t.firstBrokenLine().orElse(-1)
              + t.problem().map(p -> " (" + p + ")").orElse(""));
    }
  }
}
