package io.github.govdx.benchmarks.validate;

import io.github.govdx.core.validate.RecordValidator;
import io.github.govdx.core.validate.ValidationReport;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;

/**
 * Validates a generated NDJSON stream of N records (default 1,000,000; every 100th invalid) in constant
 * memory and prints the counts, the time and the peak heap. The stream is generated on the fly, so nothing
 * is held in memory or on disk:
 *
 * <pre>
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar io.github.govdx.benchmarks.validate.NdjsonMillionRecords
 * </pre>
 */
public final class NdjsonMillionRecords {

  private NdjsonMillionRecords() {}

  /**
   * Runs the validation.
   *
   * @param args optional record count
   */
  public static void main(String[] args) {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    RecordValidator validator = RecordValidator.builder(Records.schema()).build();
    long start = System.nanoTime();
    ValidationReport report = validator.validateNdjson(new Generated(n));
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.gc();
    long live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    System.out.printf(
        "records=%d invalid=%d listed=%d dropped=%d time=%.1fs rate=%.0f records/s "
            + "maxHeap=%dMiB peakHeapPoolsSum=%dMiB liveAfterGc=%dMiB%n",
        report.recordsChecked(),
        report.invalidRecords(),
        report.violations().size(),
        report.droppedViolations(),
        seconds,
        report.recordsChecked() / seconds,
        Runtime.getRuntime().maxMemory() >> 20,
        peak >> 20,
        live >> 20);
    System.out.println("first violation: " + report.violations().get(0));
  }

  /** An input stream of n NDJSON records, made on the fly. */
  private static final class Generated extends InputStream {
    private final long n;
    private long index;
    private byte[] line = new byte[0];
    private int pos;

    Generated(long n) {
      this.n = n;
    }

    private boolean fill() {
      if (pos < line.length) {
        return true;
      }
      if (index >= n) {
        return false;
      }
      String json = index % 100 == 99 ? Records.invalid(index) : Records.valid(index);
      line = (json + "\n").getBytes(StandardCharsets.UTF_8);
      pos = 0;
      index++;
      return true;
    }

    @Override
    public int read() {
      return fill() ? line[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      int total = 0;
      while (total < len && fill()) {
        int k = Math.min(len - total, line.length - pos);
        System.arraycopy(line, pos, b, off + total, k);
        pos += k;
        total += k;
      }
      return total == 0 ? -1 : total;
    }
  }
}
