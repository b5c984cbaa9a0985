package io.github.govdx.benchmarks.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A load-robust complement to {@link EnvelopeBenchmark} for shared machines: runs govdx seal+open, the raw
 * chain in the JOSE layout and (GM) the bare primitives alternately on one thread and compares the thread's CPU time (not wall time), so other processes on
 * the machine distort the ratio far less than sequential JMH runs. Not a JMH benchmark; run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.govdx.benchmarks.crypto.EnvelopeCpuRatio}.
 */
public final class EnvelopeCpuRatio {

  private EnvelopeCpuRatio() {}

  /**
   * Prints CPU milliseconds per seal+open and the govdx/raw ratio for each suite and payload size.
   *
   * @param args optional: measured seconds per configuration (default 10; warm-up is half of it)
   * @throws Exception if a benchmark operation fails
   */
  public static void main(String[] args) throws Exception {
    long measureNanos = (args.length > 0 ? Long.parseLong(args[0]) : 10) * 1_000_000_000L;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (String suite : new String[] {"GM", "INTL"}) {
      for (int size : new int[] {1024, 65536}) {
        EnvelopeBenchmark b = new EnvelopeBenchmark();
        b.suite = suite;
        b.size = size;
        b.setup();
        // warm-up by time, not by count: at ~1 ms per operation a few hundred pairs end before C2
        // has
        // compiled the hot paths, and whichever side is compiled first wins
        // warm-up by time, not by count: at ~1 ms per operation a few hundred rounds end before C2
        // has
        // compiled the hot paths, and whichever side is compiled first wins
        boolean gm = "GM".equals(suite);
        long warmEnd = System.nanoTime() + measureNanos / 2;
        while (System.nanoTime() < warmEnd) {
          b.govdxSealOpen();
          b.rawSealOpen();
          if (gm) {
            b.rawBareSealOpen();
          }
        }
        long govdx = 0;
        long raw = 0;
        long bare = 0;
        int rounds = 0;
        for (long end = System.nanoTime() + measureNanos; System.nanoTime() < end; rounds++) {
          long t0 = cpu.getCurrentThreadCpuTime();
          b.govdxSealOpen();
          long t1 = cpu.getCurrentThreadCpuTime();
          b.rawSealOpen();
          long t2 = cpu.getCurrentThreadCpuTime();
          if (gm) {
            b.rawBareSealOpen();
          }
          long t3 = cpu.getCurrentThreadCpuTime();
          govdx += t1 - t0;
          raw += t2 - t1;
          bare += t3 - t2;
        }
        System.out.printf(
            "%-4s %6d B  govdx %.3f ms  raw %.3f ms  govdx/raw %.3f",
            suite, size, govdx / 1e6 / rounds, raw / 1e6 / rounds, (double) govdx / raw);
        if (gm) {
          System.out.printf(
              "  (bare primitives %.3f ms, govdx/bare %.3f)",
              bare / 1e6 / rounds, (double) govdx / bare);
        }
        System.out.println();
      }
    }
  }
}
