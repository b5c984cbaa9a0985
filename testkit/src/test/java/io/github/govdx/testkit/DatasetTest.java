package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.CuttingProxy;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.ExchangeValidationException;
import io.github.govdx.client.RetryPolicy;
import io.github.govdx.client.transfer.DatasetManifest;
import io.github.govdx.client.transfer.DatasetPart;
import io.github.govdx.client.transfer.ExportDatasetRequest;
import io.github.govdx.client.transfer.ExportedDataset;
import io.github.govdx.client.transfer.ImportDatasetRequest;
import io.github.govdx.client.transfer.ImportedDataset;
import io.github.govdx.client.transfer.ListTransfersRequest;
import io.github.govdx.client.transfer.SendFileRequest;
import io.github.govdx.client.transfer.Transfer;
import io.github.govdx.client.transfer.TransferResult;
import io.github.govdx.client.transfer.TransferState;
import io.github.govdx.core.party.PartyId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets (库表交换, docs/files.md "Datasets") from the hotline to the big-data bureau through the sandbox. */
class DatasetTest {

  private static final String DEMANDS = DemandRecords.RESOURCE;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ExchangeSandbox sandbox;
  private static ExchangeClient hotline;
  private static ExchangeClient bigdata;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    sandbox = ExchangeSandbox.builder().start();
    hotline = sandbox.client("hotline");
    bigdata = sandbox.client("bigdata");
  }

  @AfterAll
  static void stop() {
    hotline.close();
    bigdata.close();
    sandbox.close();
  }

  private static PartyId party(String alias) {
    return sandbox.party(alias).partyId();
  }

  private ExportDatasetRequest.Builder export() {
    return ExportDatasetRequest.builder()
        .receiver(party("bigdata"))
        .resourceCode(DEMANDS)
        .spoolDirectory(tmp.resolve("out"));
  }

  private ImportDatasetRequest.Builder importOf(String manifestTransferId) {
    return ImportDatasetRequest.builder()
        .manifestTransferId(manifestTransferId)
        .resourceCode(DEMANDS)
        .sender(party("hotline"))
        .spoolDirectory(tmp.resolve("in"));
  }

  private int sentTransfers() {
    int n = 0;
    String token = null;
    do {
      var page =
          hotline
              .transfers()
              .list(
                  ListTransfersRequest.builder().sent(true).pageSize(100).pageToken(token).build());
      n += page.items().size();
      token = page.nextPageToken().orElse(null);
    } while (token != null);
    return n;
  }

  private static List<String> files(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void exportImport_severalParts_recordsEqualInOrder_watermarkCarried() throws Exception {
    ExportedDataset sent =
        hotline
            .transfers()
            .exportDataset(
                export().recordsPerPart(1_000).watermark("2026-12-01T00:00:00Z").build(),
                new DemandRecords(3_456));
    DatasetManifest m = sent.manifest();
    assertThat(m.parts()).hasSize(4);
    assertThat(m.parts())
        .extracting(DatasetPart::records)
        .containsExactly(1000L, 1000L, 1000L, 456L);
    assertThat(m.totalRecords()).isEqualTo(3_456);
    assertThat(m.schemaVersion()).isEqualTo("2026-06-01");
    assertThat(m.sender()).isEqualTo(party("hotline"));
    assertThat(m.watermark()).contains("2026-12-01T00:00:00Z");
    assertThat(m.previousWatermark()).isEmpty();
    assertThat(sent.partsSent()).isEqualTo(4);
    assertThat(files(tmp.resolve("out"))).as("part and spool files removed").isEmpty();

    List<JsonNode> got = new ArrayList<>();
    List<Integer> partsSeen = new ArrayList<>();
    ImportedDataset imported =
        bigdata
            .transfers()
            .importDataset(
                importOf(sent.manifestTransferId()).build(),
                (part, records) -> {
                  partsSeen.add(part.partNumber());
                  records.forEachRemaining(got::add);
                });
    assertThat(partsSeen).containsExactly(1, 2, 3, 4);
    assertThat(imported.records()).isEqualTo(3_456);
    assertThat(imported.parts()).isEqualTo(4);
    assertThat(imported.watermark()).contains("2026-12-01T00:00:00Z");
    assertThat(imported.manifest()).isEqualTo(m);
    assertThat(got).hasSize(3_456);
    for (int i = 0; i < got.size(); i++) {
      assertThat(got.get(i)).isEqualTo(DemandRecords.record(i));
    }
    assertThat(files(tmp.resolve("in"))).as("received parts removed").isEmpty();
    // every part and the manifest were receipted by the importer
    hotline.transfers().verifyReceipt(sent.manifestTransfer());
    for (DatasetPart p : m.parts()) {
      assertThat(hotline.transfers().get(p.transferId()).state())
          .isEqualTo(TransferState.DELIVERED);
    }
  }

  @Test
  void invalidRecord_refusedWithIndexAndPointer_nothingSent() throws Exception {
    int before = sentTransfers();
    Iterator<JsonNode> good = new DemandRecords(2_000);
    Iterator<JsonNode> withBad =
        new Iterator<>() {
          int i;

          @Override
          public boolean hasNext() {
            return good.hasNext();
          }

          @Override
          public JsonNode next() {
            ObjectNode r = (ObjectNode) good.next();
            if (i++ == 1_234) {
              r.put("xzqh", "99999X");
            }
            return r;
          }
        };
    assertThatThrownBy(
            () -> hotline.transfers().exportDataset(export().recordsPerPart(500).build(), withBad))
        .isInstanceOf(ExchangeValidationException.class)
        .hasMessageStartingWith("GDX-3410")
        .hasMessageContaining("record 1234")
        .satisfies(
            e ->
                assertThat(((ExchangeValidationException) e).violations())
                    .extracting(v -> v.pointer())
                    .contains("/records/1234/xzqh"));
    assertThat(sentTransfers()).as("no part was sent").isEqualTo(before);
    assertThat(files(tmp.resolve("out"))).as("spooled parts removed").isEmpty();
  }

  /** Sends a hand-made manifest as hotline, as a file transfer of the demands resource. */
  private String sendManifest(ObjectNode manifest) throws Exception {
    Path f = tmp.resolve("manifest-" + UUID.randomUUID() + ".json");
    Files.write(f, MAPPER.writeValueAsBytes(manifest));
    TransferResult t =
        hotline
            .transfers()
            .send(
                SendFileRequest.builder()
                    .receiver(party("bigdata"))
                    .resourceCode(DEMANDS)
                    .source(f)
                    .spoolDirectory(tmp.resolve("spool"))
                    .build());
    return t.transferId();
  }

  /** The manifest of a real export, as JSON in the documented format, to be changed by a test. */
  private static ObjectNode asJson(DatasetManifest m) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", DatasetManifest.FORMAT);
    o.put("datasetId", m.datasetId());
    o.put("resourceCode", m.resourceCode());
    o.put("schemaVersion", m.schemaVersion());
    o.put("sender", m.sender().toString());
    o.put("receiver", m.receiver().toString());
    o.put("createdAt", m.createdAt().toString());
    o.put("totalRecords", m.totalRecords());
    ArrayNode a = o.putArray("parts");
    for (DatasetPart p : m.parts()) {
      ObjectNode e = a.addObject();
      e.put("partNumber", p.partNumber());
      e.put("transferId", p.transferId());
      e.put("records", p.records());
      e.put("length", p.length());
      e.put("digest", p.digest());
    }
    return o;
  }

  @Test
  void manifestMisdeclaringCountOrDigest_refused_nothingHandedOver() throws Exception {
    // the count: the part arrives and verifies, but holds 300 records, not 299
    DatasetManifest m1 =
        hotline.transfers().exportDataset(export().build(), new DemandRecords(300)).manifest();
    ObjectNode count = asJson(m1);
    ((ObjectNode) count.get("parts").get(0)).put("records", 299);
    count.put("totalRecords", 299);
    List<DatasetPart> handed = new ArrayList<>();
    assertThatThrownBy(
            () ->
                bigdata
                    .transfers()
                    .importDataset(importOf(sendManifest(count)).build(), (p, r) -> handed.add(p)))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3423")
        .hasMessageContaining("holds 300 records, the manifest says 299");

    // the digest: another plaintext than the one the manifest binds
    DatasetManifest m2 =
        hotline.transfers().exportDataset(export().build(), new DemandRecords(200)).manifest();
    ObjectNode digest = asJson(m2);
    String d = m2.parts().get(0).digest();
    ((ObjectNode) digest.get("parts").get(0))
        .put("digest", (d.charAt(0) == '0' ? "1" : "0") + d.substring(1));
    assertThatThrownBy(
            () ->
                bigdata
                    .transfers()
                    .importDataset(importOf(sendManifest(digest)).build(), (p, r) -> handed.add(p)))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3423")
        .hasMessageContaining("does not match the manifest's digest");

    // a total that is not the sum of the parts, and another resource, are refused before any part
    DatasetManifest m3 =
        hotline.transfers().exportDataset(export().build(), new DemandRecords(10)).manifest();
    ObjectNode total = asJson(m3).put("totalRecords", 11);
    assertThatThrownBy(
            () ->
                bigdata
                    .transfers()
                    .importDataset(importOf(sendManifest(total)).build(), (p, r) -> handed.add(p)))
        .hasMessageStartingWith("GDX-3423");
    ObjectNode other = asJson(m3).put("resourceCode", "335003001/00031");
    assertThatThrownBy(
            () ->
                bigdata
                    .transfers()
                    .importDataset(importOf(sendManifest(other)).build(), (p, r) -> handed.add(p)))
        .hasMessageStartingWith("GDX-3423");
    assertThat(hotline.transfers().get(m3.parts().get(0).transferId()).state())
        .as("no part of a refused manifest was received")
        .isEqualTo(TransferState.AVAILABLE);
    assertThat(handed).isEmpty();
    assertThat(files(tmp.resolve("in"))).isEmpty();
  }

  @Test
  void watermarkGap_refusedBeforeAnyPart_continuousSyncAccepted() throws Exception {
    ExportedDataset next =
        hotline
            .transfers()
            .exportDataset(
                export().previousWatermark("w-0002").watermark("w-0003").build(),
                new DemandRecords(50));
    assertThatThrownBy(
            () ->
                bigdata
                    .transfers()
                    .importDataset(
                        importOf(next.manifestTransferId()).lastWatermark("w-0001").build(),
                        (p, r) -> {}))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3422")
        .hasMessageContaining("w-0002")
        .hasMessageContaining("w-0001");
    Transfer part = hotline.transfers().get(next.manifest().parts().get(0).transferId());
    assertThat(part.state()).as("no part received on a gap").isEqualTo(TransferState.AVAILABLE);

    // the manifest was received once (and so cannot be received again): the continuous chain is
    // tested with a fresh export
    ExportedDataset again =
        hotline
            .transfers()
            .exportDataset(
                export().previousWatermark("w-0002").watermark("w-0003").build(),
                new DemandRecords(50));
    long[] n = new long[1];
    ImportedDataset ok =
        bigdata
            .transfers()
            .importDataset(
                importOf(again.manifestTransferId()).lastWatermark("w-0002").build(),
                (p, r) -> r.forEachRemaining(x -> n[0]++));
    assertThat(n[0]).isEqualTo(50);
    assertThat(ok.watermark()).contains("w-0003");
    assertThat(ok.manifest().previousWatermark()).contains("w-0002");
  }

  @Test
  void sameIdempotencyKeyAfterAFailedExport_sendsOnlyTheMissingParts() throws Exception {
    String key = "demands-" + UUID.randomUUID();
    ExportDatasetRequest r =
        export()
            .recordsPerPart(2_000)
            .idempotencyKey(key)
            .resumeTimeout(Duration.ofSeconds(1))
            .build();
    int before = sentTransfers();
    // the network dies for good during the second part: the export fails, retryable
    try (CuttingProxy dying = CuttingProxy.dyingAfter(sandbox.baseUri(), 700_000);
        ExchangeClient viaProxy =
            sandbox
                .clientBuilder("hotline")
                .endpoint(dying.uri())
                .retryPolicy(RetryPolicy.none())
                .build()) {
      assertThatThrownBy(() -> viaProxy.transfers().exportDataset(r, new DemandRecords(8_000)))
          .isInstanceOf(ExchangeException.class)
          .satisfies(e -> assertThat(((ExchangeException) e).retryable()).isTrue());
    }
    int afterFailure = sentTransfers();
    assertThat(afterFailure - before).as("some parts got through").isBetween(1, 4);

    ExportedDataset done = hotline.transfers().exportDataset(r, new DemandRecords(8_000));
    assertThat(done.manifest().parts()).hasSize(4);
    assertThat(done.partsSent())
        .as("parts stored before the failure are not sent again")
        .isLessThan(4);
    assertThat(sentTransfers() - before).as("four parts and a manifest, each once").isEqualTo(5);

    // once complete, the same export answers from its journal and sends nothing
    ExportedDataset replay = hotline.transfers().exportDataset(r, new DemandRecords(8_000));
    assertThat(replay.partsSent()).isZero();
    assertThat(replay.manifestTransferId()).isEqualTo(done.manifestTransferId());
    assertThat(replay.manifest()).isEqualTo(done.manifest());
    assertThat(sentTransfers() - before).isEqualTo(5);

    // the same key for another dataset is refused
    assertThatThrownBy(
            () ->
                hotline
                    .transfers()
                    .exportDataset(
                        r.toBuilder().watermark("other").build(), new DemandRecords(8_000)))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3008");

    // an empty dataset is a manifest without parts
    ExportedDataset empty =
        hotline
            .transfers()
            .exportDataset(
                r.toBuilder().idempotencyKey(key + "-empty").build(), new DemandRecords(0));
    assertThat(empty.manifest().parts()).isEmpty();
    assertThat(empty.manifest().totalRecords()).isZero();

    long[] n = new long[1];
    bigdata
        .transfers()
        .importDataset(
            importOf(done.manifestTransferId()).build(),
            (p, recs) -> recs.forEachRemaining(x -> n[0]++));
    assertThat(n[0]).isEqualTo(8_000);
  }

  @Test
  void invalidRecordInAReceivedPart_gdx3409_partNotHandedOver() throws Exception {
    // a sender that skips validation: one part, its record 2 outside the code table, and a manifest
    // that
    // declares it truthfully (SM3 digest, the sandbox's GM suite)
    StringBuilder nd = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      ObjectNode r = DemandRecords.record(i);
      if (i == 2) {
        r.put("xzqh", "99999X");
      }
      nd.append(MAPPER.writeValueAsString(r)).append('\n');
    }
    byte[] plain = nd.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Path part = Files.write(tmp.resolve("part-1.ndjson"), plain);
    TransferResult sent =
        hotline
            .transfers()
            .send(
                SendFileRequest.builder()
                    .receiver(party("bigdata"))
                    .resourceCode(DEMANDS)
                    .source(part)
                    .spoolDirectory(tmp.resolve("spool"))
                    .build());
    org.bouncycastle.crypto.digests.SM3Digest sm3 = new org.bouncycastle.crypto.digests.SM3Digest();
    sm3.update(plain, 0, plain.length);
    byte[] d = new byte[32];
    sm3.doFinal(d, 0);
    DatasetManifest m =
        DatasetManifest.builder()
            .datasetId("unchecked-1")
            .resourceCode(DEMANDS)
            .schemaVersion("2026-06-01")
            .sender(party("hotline"))
            .receiver(party("bigdata"))
            .createdAt(java.time.Instant.now())
            .addParts(
                DatasetPart.builder()
                    .partNumber(1)
                    .transferId(sent.transferId())
                    .records(5)
                    .length(plain.length)
                    .digest(java.util.HexFormat.of().formatHex(d))
                    .build())
            .totalRecords(5)
            .build();
    List<DatasetPart> handed = new ArrayList<>();
    assertThatThrownBy(
            () ->
                bigdata
                    .transfers()
                    .importDataset(
                        importOf(sendManifest(asJson(m))).build(), (p, r) -> handed.add(p)))
        .isInstanceOf(ExchangeValidationException.class)
        .hasMessageStartingWith("GDX-3409")
        .satisfies(
            e ->
                assertThat(((ExchangeValidationException) e).violations())
                    .extracting(v -> v.pointer())
                    .contains("/records/2/xzqh"));
    assertThat(handed).as("not one record of the part was handed over").isEmpty();
    assertThat(files(tmp.resolve("in"))).isEmpty();
  }

  @Test
  void consumerFailsOnPartTwo_importStops_laterPartsNotReceived() throws Exception {
    ExportedDataset sent =
        hotline
            .transfers()
            .exportDataset(export().recordsPerPart(100).build(), new DemandRecords(300));
    IllegalStateException boom = new IllegalStateException("database down");
    List<Integer> handed = new ArrayList<>();
    assertThatThrownBy(
            () ->
                bigdata
                    .transfers()
                    .importDataset(
                        importOf(sent.manifestTransferId()).build(),
                        (p, r) -> {
                          handed.add(p.partNumber());
                          if (p.partNumber() == 2) {
                            throw boom;
                          }
                        }))
        .isSameAs(boom);
    assertThat(handed).containsExactly(1, 2);
    assertThat(hotline.transfers().get(sent.manifest().parts().get(2).transferId()).state())
        .isEqualTo(TransferState.AVAILABLE);
    assertThat(files(tmp.resolve("in"))).as("temporary files removed").isEmpty();
  }
}
