package io.github.govdx.client.transfer;

import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A dataset to import ({@code docs/files.md} "Datasets"): its manifest transfer, and what the importer expects of
 * it — the resource, the sender and, for incremental sync, the last watermark it imported. {@code build()} throws
 * {@link IllegalStateException} naming a missing attribute.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class ImportDatasetRequest {

  ImportDatasetRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the file transfer that carries the manifest */
  public abstract String manifestTransferId();

  /** @return the resource the dataset must be of */
  public abstract String resourceCode();

  /** @return the party the dataset must come from */
  public abstract PartyId sender();

  /**
   * The watermark of the last dataset imported from this sender and resource. When present, the manifest's {@code
   * previousWatermark} must equal it, or the import is refused with {@code GDX-3422} before any part is received (a
   * gap: an incremental export was missed). When absent, any manifest is accepted (first or full load).
   *
   * @return the last watermark, or empty
   */
  public abstract Optional<String> lastWatermark();

  /** @return where the received parts are written while they are checked; default the temporary directory */
  public abstract Optional<Path> spoolDirectory();

  /** Builds an {@link ImportDatasetRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableImportDatasetRequest.Builder {
    Builder() {}
  }
}
