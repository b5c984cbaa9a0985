package io.github.govdx.benchmarks.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A load-robust complement to {@link EnvelopeBenchmark} for shared machines: runs govdx seal+open and the raw
 * chain alternately on one thread and compares the thread's CPU time (not wall time), so other processes on
 * the machine distort the ratio far less than sequential JMH runs. Not a JMH benchmark; run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.govdx.benchmarks.crypto.EnvelopeCpuRatio}.
 */
public final class EnvelopeCpuRatio {

  private EnvelopeCpuRatio() {
  }

  /**
   * Prints CPU milliseconds per seal+open and the govdx/raw ratio for each suite and payload size.
   *
   * @param args optional: number of measured rounds (default 400)
   * @throws Exception if a benchmark operation fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (String suite : new String[] {"GM", "INTL"}) {
      for (int size : new int[] {1024, 65536}) {
        EnvelopeBenchmark b = new EnvelopeBenchmark();
        b.suite = suite;
        b.size = size;
        b.setup();
        for (int i = 0; i < 200; i++) {
          b.govdxSealOpen();
          b.rawSealOpen();
        }
        long govdx = 0;
        long raw = 0;
        for (int i = 0; i < rounds; i++) {
          long t0 = cpu.getCurrentThreadCpuTime();
          b.govdxSealOpen();
          long t1 = cpu.getCurrentThreadCpuTime();
          b.rawSealOpen();
          long t2 = cpu.getCurrentThreadCpuTime();
          govdx += t1 - t0;
          raw += t2 - t1;
        }
        System.out.printf("%-4s %6d B  govdx %.3f ms  raw %.3f ms  govdx/raw %.3f%n", suite, size,
            govdx / 1e6 / rounds, raw / 1e6 / rounds, (double) govdx / raw);
      }
    }
  }
}
