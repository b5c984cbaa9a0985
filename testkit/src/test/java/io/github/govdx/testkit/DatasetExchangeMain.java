package io.github.govdx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.transfer.ExportDatasetRequest;
import io.github.govdx.client.transfer.ExportedDataset;
import io.github.govdx.client.transfer.ImportDatasetRequest;
import io.github.govdx.client.transfer.ImportedDataset;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One JVM, started by {@link DatasetMillionRecordsProcessTest} with a small heap: an in-process sandbox, the hotline
 * exporting {@code count} demand records as a dataset and the big-data bureau importing it, checking that every
 * record it is handed is the one exported at that index. Writes its figures as JSON to the result file; exits 1 on a
 * mismatch (and on an OutOfMemoryError with {@code -XX:+ExitOnOutOfMemoryError}).
 *
 * <p>Arguments: {@code <count> <work directory> <result file>}.
 */
final class DatasetExchangeMain {

  private DatasetExchangeMain() {}

  public static void main(String[] args) throws Exception {
    long count = Long.parseLong(args[0]);
    Path work = Path.of(args[1]);
    Path result = Path.of(args[2]);
    ObjectNode out = new ObjectMapper().createObjectNode();
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().start();
        ExchangeClient hotline = sandbox.client("hotline");
        ExchangeClient bigdata = sandbox.client("bigdata")) {
      long t0 = System.nanoTime();
      ExportedDataset sent =
          hotline
              .transfers()
              .exportDataset(
                  ExportDatasetRequest.builder()
                      .receiver(sandbox.party("bigdata").partyId())
                      .resourceCode(DemandRecords.RESOURCE)
                      .spoolDirectory(work.resolve("export"))
                      .watermark("2026-12-04T00:00:00Z")
                      .build(),
                  new DemandRecords(count));
      long t1 = System.nanoTime();
      long[] seen = new long[1];
      long[] mismatches = new long[1];
      ImportedDataset got =
          bigdata
              .transfers()
              .importDataset(
                  ImportDatasetRequest.builder()
                      .manifestTransferId(sent.manifestTransferId())
                      .resourceCode(DemandRecords.RESOURCE)
                      .sender(sandbox.party("hotline").partyId())
                      .spoolDirectory(work.resolve("import"))
                      .build(),
                  (part, records) -> {
                    while (records.hasNext()) {
                      JsonNode r = records.next();
                      if (!r.equals(DemandRecords.record(seen[0]))) {
                        mismatches[0]++;
                      }
                      seen[0]++;
                    }
                  });
      long t2 = System.nanoTime();
      // what the exchange of the whole dataset left behind on the heap: nothing grows with the
      // records
      System.gc();
      MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      out.put("exported", sent.manifest().totalRecords());
      out.put("parts", sent.manifest().parts().size());
      out.put("imported", got.records());
      out.put("handedOver", seen[0]);
      out.put("mismatches", mismatches[0]);
      out.put("watermark", got.watermark().orElse(""));
      out.put("exportMillis", (t1 - t0) / 1_000_000);
      out.put("importMillis", (t2 - t1) / 1_000_000);
      out.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
      out.put("usedAfterGcBytes", after.getUsed());
      out.put("bytes", sent.manifest().parts().stream().mapToLong(p -> p.length()).sum());
    }
    Files.writeString(result, out.toString());
    System.exit(out.path("mismatches").asLong() == 0 ? 0 : 1);
  }
}
