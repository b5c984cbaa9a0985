package io.github.govdx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ExchangeClientException;
import io.github.govdx.client.transfer.DatasetManifest;
import io.github.govdx.client.transfer.DatasetPart;
import io.github.govdx.client.transfer.ExportDatasetRequest;
import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The dataset manifest's JSON form (docs/files.md "Datasets") and the export request's checks. */
class DatasetsTest {

  private static final PartyId HOTLINE = PartyId.parse("11320500014160486F");
  private static final PartyId BIGDATA = PartyId.parse("113205000141605070");

  private static DatasetManifest manifest() {
    return DatasetManifest.builder()
        .datasetId("d-1")
        .resourceCode("335002001/00003")
        .schemaVersion("2026-06-01")
        .sender(HOTLINE)
        .receiver(BIGDATA)
        .createdAt(Instant.parse("2026-12-04T06:00:00Z"))
        .addParts(
            DatasetPart.builder()
                .partNumber(1)
                .transferId("t-1")
                .records(100_000)
                .length(17_200_311)
                .digest("9f1c")
                .build())
        .totalRecords(100_000)
        .watermark("2026-12-04T00:00:00Z")
        .build();
  }

  @Test
  void manifest_roundTripsThroughItsJson() {
    ObjectNode json = Datasets.toJson(manifest());
    assertThat(json.get("format").asText()).isEqualTo("govdx-dataset/1");
    assertThat(json.has("previousWatermark")).isFalse();
    assertThat(Datasets.manifest(json)).isEqualTo(manifest());
  }

  @Test
  void malformedManifest_isGdx3423() {
    ObjectNode otherFormat = Datasets.toJson(manifest()).put("format", "something/2");
    ObjectNode negative = Datasets.toJson(manifest());
    ((ObjectNode) negative.get("parts").get(0)).put("records", -1);
    ObjectNode noParts = Datasets.toJson(manifest());
    noParts.remove("parts");
    ObjectNode badParty = Datasets.toJson(manifest()).put("sender", "not a party");
    for (ObjectNode bad : new ObjectNode[] {otherFormat, negative, noParts, badParty}) {
      assertThatThrownBy(() -> Datasets.manifest(bad))
          .isInstanceOf(ExchangeClientException.class)
          .satisfies(
              e ->
                  assertThat(((ExchangeClientException) e).errorCode())
                      .isEqualTo(ClientErrorCode.DATASET_MANIFEST_INVALID))
          .hasMessageStartingWith("GDX-3423");
    }
  }

  @Test
  void exportRequest_checksCountsAndKey() {
    ExportDatasetRequest.Builder b =
        ExportDatasetRequest.builder().receiver(BIGDATA).resourceCode("335002001/00003");
    assertThat(b.build().recordsPerPart()).isEqualTo(100_000);
    assertThatThrownBy(() -> b.recordsPerPart(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.recordsPerPart(10).idempotencyKey("short").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.idempotencyKey("k".repeat(101)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.idempotencyKey("demands-2026-12-04").partSize(1000).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExportDatasetRequest.builder().resourceCode("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("receiver");
  }
}
