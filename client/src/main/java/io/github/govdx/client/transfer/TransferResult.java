package io.github.govdx.client.transfer;

import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import java.time.Instant;

/**
 * A file sent: the transfer is complete on the platform and available to the receiver. Keep it to check the
 * receiver's receipt later with {@link TransfersClient#verifyReceipt(TransferResult)}.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class TransferResult {

  TransferResult() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the platform's transfer id */
  public abstract String transferId();

  /** @return the message id of the sealed stream (its header envelope) */
  public abstract String messageId();

  /** @return when the stream was sealed */
  public abstract Instant issuedAt();

  /** @return the sender (us) */
  public abstract PartyId sender();

  /** @return the receiver */
  public abstract PartyId receiver();

  /** @return the resource code */
  public abstract String resourceCode();

  /** @return bytes of plaintext sent */
  public abstract long plaintextLength();

  /** @return bytes of the sealed stream */
  public abstract long sealedLength();

  /** @return the suite's digest (SM3 or SHA-256, hex) of the sealed stream, which the receipt covers */
  public abstract String sealedDigest();

  /** @return the number of parts */
  public abstract int partCount();

  /** @return how many parts this call uploaded (fewer than {@link #partCount()} when it resumed) */
  public abstract int partsUploaded();

  /** @return how many times the upload resumed after a failure */
  public abstract int resumes();

  /** Builds a {@link TransferResult}. Not thread-safe. */
  public static final class Builder extends ImmutableTransferResult.Builder {
    Builder() {}
  }
}
