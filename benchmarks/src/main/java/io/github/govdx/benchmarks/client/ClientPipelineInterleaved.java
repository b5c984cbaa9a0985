package io.github.govdx.benchmarks.client;

import io.github.govdx.client.application.Application;
import io.github.govdx.client.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An interleaved companion to {@link ClientPipelineBenchmark} for loaded machines: one raw OkHttp call and one
 * govdx pipeline call alternately in the same JVM (so load changes hit both equally), plus the typed mapping
 * alone, printing min, p10 and p50 in microseconds. Not a JMH benchmark; use it when sequential JMH runs drift.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.govdx.benchmarks.client.ClientPipelineInterleaved 8000}.
 * Not thread-safe.
 */
public final class ClientPipelineInterleaved {

  private ClientPipelineInterleaved() {}

  /**
   * Runs the comparison.
   *
   * @param args the number of measured pairs (default 8000)
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
    ClientPipelineBenchmark b = new ClientPipelineBenchmark();
    b.setUp();
    byte[] body = ClientPipelineBenchmark.APPLICATION.getBytes(StandardCharsets.UTF_8);
    long[] raw = new long[rounds];
    long[] govdx = new long[rounds];
    long[] mapping = new long[rounds];
    try {
      for (int i = 0; i < 3000; i++) {
        b.rawOkHttp();
        b.govdxPipeline();
        Json.read(body, Application.class);
      }
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        b.rawOkHttp();
        long t1 = System.nanoTime();
        b.govdxPipeline();
        long t2 = System.nanoTime();
        Json.read(body, Application.class);
        long t3 = System.nanoTime();
        raw[i] = t1 - t0;
        govdx[i] = t2 - t1;
        mapping[i] = t3 - t2;
      }
    } finally {
      b.tearDown();
    }
    print("rawOkHttp", raw);
    print("govdxPipeline", govdx);
    print("typedMappingOnly", mapping);
  }

  private static void print(String name, long[] nanos) {
    long[] x = nanos.clone();
    Arrays.sort(x);
    System.out.printf(
        "%-18s min %8.1f  p10 %8.1f  p50 %8.1f us%n",
        name, x[0] / 1e3, x[x.length / 10] / 1e3, x[x.length / 2] / 1e3);
  }
}
