package io.github.govdx.client.transfer;

import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The manifest of a dataset ({@code docs/files.md} "Datasets"): which resource, which schema version, which parts
 * with their record counts and digests, and the incremental-sync watermarks. It travels as its own file transfer,
 * sealed and signed by the sender like every transfer, so its signature binds every part.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class DatasetManifest {

  /** The manifest format, the value of its {@code format} member. */
  public static final String FORMAT = "govdx-dataset/1";

  DatasetManifest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the dataset id */
  public abstract String datasetId();

  /** @return the resource code */
  public abstract String resourceCode();

  /**
   * The version of the resource's schema the records were validated against: the catalog detail's {@code
   * publishedOn} date ({@code docs/protocol.md} §6.2), or {@code unversioned} when the catalog gives none.
   *
   * @return the schema version
   */
  public abstract String schemaVersion();

  /** @return the sender (exporter) */
  public abstract PartyId sender();

  /** @return the receiver (importer) */
  public abstract PartyId receiver();

  /** @return when the export was made */
  public abstract Instant createdAt();

  /** @return the parts, by part number from 1 */
  public abstract List<DatasetPart> parts();

  /** @return the total number of records, the sum over the parts */
  public abstract long totalRecords();

  /** @return the exporter's watermark of this dataset, or empty */
  public abstract Optional<String> watermark();

  /** @return the watermark this dataset continues from, or empty for a full export */
  public abstract Optional<String> previousWatermark();

  /** Builds a {@link DatasetManifest}. Not thread-safe. */
  public static final class Builder extends ImmutableDatasetManifest.Builder {
    Builder() {}
  }
}
