package io.github.govdx.benchmarks.validate;

/**
 * A cross-check of {@link RecordValidationBenchmark} for a shared, noisy machine: runs govdx and plain
 * networknt in alternating 250 ms slices (40 rounds, the first 10 discarded as warm-up) in one JVM, so load
 * changes hit both sides equally, and prints both rates and their ratio:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.govdx.benchmarks.validate.RecordValidationRatio
 * </pre>
 */
public final class RecordValidationRatio {

  private RecordValidationRatio() {}

  /**
   * Runs the comparison.
   *
   * @param args unused
   * @throws Exception if set-up fails
   */
  public static void main(String[] args) throws Exception {
    RecordValidationBenchmark b = new RecordValidationBenchmark();
    b.setUp();
    long govdxOps = 0;
    long plainOps = 0;
    long govdxNanos = 0;
    long plainNanos = 0;
    for (int round = 0; round < 40; round++) {
      long t0 = System.nanoTime();
      int k = 0;
      while (System.nanoTime() - t0 < 250_000_000L) {
        b.govdx();
        k++;
      }
      govdxNanos += System.nanoTime() - t0;
      govdxOps += k;
      t0 = System.nanoTime();
      k = 0;
      while (System.nanoTime() - t0 < 250_000_000L) {
        b.plainNetworknt();
        k++;
      }
      plainNanos += System.nanoTime() - t0;
      plainOps += k;
      if (round == 9) {
        govdxOps = 0;
        plainOps = 0;
        govdxNanos = 0;
        plainNanos = 0;
      }
    }
    double govdx = govdxOps / (govdxNanos / 1e9);
    double plain = plainOps / (plainNanos / 1e9);
    System.out.printf(
        "govdx %.0f records/s, plain networknt %.0f records/s, ratio %.2f%n",
        govdx, plain, govdx / plain);
  }
}
