package io.github.govdx.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The README's main job: runs the end-to-end story of DESIGN §6 ({@link EndToEndDemo}) on an in-process sandbox
 * and prints its transcript. Exits 0 when every step succeeded, 1 otherwise.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java
 * </pre>
 */
public final class Main {

  private Main() {}

  /**
   * Runs the demo.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(
        "govdx end-to-end demo: 12345 hotline, 市公安局, 市城市管理局 and 市大数据管理局 on a local exchange sandbox");
    boolean ok = EndToEndDemo.run(new Transcript(out));
    if (!ok) {
      System.exit(1);
    }
  }
}
