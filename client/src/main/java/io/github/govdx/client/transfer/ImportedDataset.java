package io.github.govdx.client.transfer;

import io.github.govdx.client.internal.ValueStyle;
import java.util.Optional;

/**
 * A dataset imported: every part received, verified against the manifest, validated and handed to the consumer.
 * Keep {@link #watermark()} as the {@link ImportDatasetRequest#lastWatermark()} of the next incremental import.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class ImportedDataset {

  ImportedDataset() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the manifest as received and verified */
  public abstract DatasetManifest manifest();

  /** @return the number of parts handed to the consumer */
  public abstract int parts();

  /** @return the number of records handed to the consumer, equal to the manifest's total */
  public abstract long records();

  /** @return the new watermark (the manifest's), or empty when the exporter gave none */
  public Optional<String> watermark() {
    return manifest().watermark();
  }

  /** Builds an {@link ImportedDataset}. Not thread-safe. */
  public static final class Builder extends ImmutableImportedDataset.Builder {
    Builder() {}
  }
}
