package io.github.govdx.client.transfer;

import io.github.govdx.client.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A dataset (库表交换: a resource's table, or the rows changed since the last sync) to export to another party as
 * NDJSON parts and a manifest ({@code docs/files.md} "Datasets"). {@code build()} throws {@link
 * IllegalStateException} naming a missing attribute and {@link IllegalArgumentException} for an invalid part size,
 * record count or idempotency key.
 *
 * <p>With an {@link #idempotencyKey()} the export is resumable: a journal in the spool directory records every part
 * sent, and running the same export again (same key, same records) sends only what is missing; each part's file
 * transfer uses a key derived from this one ({@code <key>.p<n>}, the manifest {@code <key>.m}).
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class ExportDatasetRequest implements FileSendOptions {

  /** The default number of records per part. */
  public static final int DEFAULT_RECORDS_PER_PART = 100_000;

  ExportDatasetRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /**
   * The dataset id written in the manifest; default a random UUID (with an idempotency key: the one the journal of
   * the first run recorded).
   *
   * @return the dataset id
   */
  public abstract Optional<String> datasetId();

  /**
   * An opaque cursor the exporter gives for this dataset, e.g. the largest update time exported; the importer keeps
   * it and names it as {@link #previousWatermark()} of the next incremental export.
   *
   * @return the watermark, or empty
   */
  public abstract Optional<String> watermark();

  /**
   * The watermark of the export this one continues (incremental sync); the importer may require it to equal the
   * last watermark it imported ({@code GDX-3422} otherwise).
   *
   * @return the previous watermark, or empty for a full export
   */
  public abstract Optional<String> previousWatermark();

  /** @return records per part, 1 to 10,000,000; default {@value #DEFAULT_RECORDS_PER_PART} */
  @Value.Default
  public int recordsPerPart() {
    return DEFAULT_RECORDS_PER_PART;
  }

  /** Checks the counts and the key. */
  @Value.Check
  protected void check() {
    if (recordsPerPart() < 1 || recordsPerPart() > 10_000_000) {
      throw new IllegalArgumentException(
          "recordsPerPart must be 1 to 10,000,000: " + recordsPerPart());
    }
    SendChecks.check(this, 100);
  }

  /** Builds an {@link ExportDatasetRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableExportDatasetRequest.Builder {
    Builder() {}
  }
}
