package io.github.govdx.client.transfer;

import io.github.govdx.client.internal.ValueStyle;

/**
 * One part of a dataset as its manifest lists it: an NDJSON file (one record a line, UTF-8) sent as its own file
 * transfer.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class DatasetPart {

  DatasetPart() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the part number, from 1 */
  public abstract int partNumber();

  /** @return the file transfer that carries the part */
  public abstract String transferId();

  /** @return how many records (lines) the part holds */
  public abstract long records();

  /** @return bytes of the part's NDJSON plaintext */
  public abstract long length();

  /**
   * The suite's digest of the part's plaintext (SM3 for GM, SHA-256 for INTL, lowercase hex), as {@link
   * ReceivedFile#digest()} reports it on receipt.
   *
   * @return the digest
   */
  public abstract String digest();

  /** Builds a {@link DatasetPart}. Not thread-safe. */
  public static final class Builder extends ImmutableDatasetPart.Builder {
    Builder() {}
  }
}
