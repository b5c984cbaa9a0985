package io.github.govdx.client.transfer;

import io.github.govdx.client.internal.ValueStyle;

/**
 * A dataset exported: every part and then the manifest are available to the receiver. Give the receiver {@link
 * #manifestTransferId()} (or let it list its transfers); keep {@link #manifestTransfer()} to check the receiver's
 * receipt of the manifest with {@link TransfersClient#verifyReceipt(TransferResult)}.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class ExportedDataset {

  ExportedDataset() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the manifest as sent */
  public abstract DatasetManifest manifest();

  /** @return the file transfer that carries the manifest */
  public abstract TransferResult manifestTransfer();

  /** @return the manifest's transfer id, what the importer starts from */
  public String manifestTransferId() {
    return manifestTransfer().transferId();
  }

  /** @return how many parts this call sent (fewer than the manifest's parts when it resumed an earlier run) */
  public abstract int partsSent();

  /** Builds an {@link ExportedDataset}. Not thread-safe. */
  public static final class Builder extends ImmutableExportedDataset.Builder {
    Builder() {}
  }
}
