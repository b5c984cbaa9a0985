package io.github.govdx.client.transfer;

import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.evidence.Receipt;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A file transfer as the platform reports it ({@code docs/protocol.md} §15.1).
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class Transfer {

  Transfer() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the transfer id */
  public abstract String transferId();

  /** @return the sender */
  public abstract PartyId sender();

  /** @return the receiver */
  public abstract PartyId receiver();

  /** @return the resource code */
  public abstract String resourceCode();

  /** @return bytes of the sealed stream */
  public abstract long size();

  /** @return the SHA-256 (hex) of the sealed stream */
  public abstract String sha256();

  /** @return bytes per part */
  public abstract int partSize();

  /** @return the number of parts */
  public abstract int partCount();

  /** @return the state */
  public abstract TransferState state();

  /** @return the numbers of the parts stored so far, ascending */
  public abstract List<Integer> storedParts();

  /** @return when it was created */
  public abstract Instant createdAt();

  /** @return when it expires */
  public abstract Instant expiresAt();

  /** @return the receiver's receipt once delivered (parsed, not verified: see {@link TransfersClient#verifyReceipt}) */
  public abstract Optional<Receipt> receipt();

  /** Builds a {@link Transfer}. Not thread-safe. */
  public static final class Builder extends ImmutableTransfer.Builder {
    Builder() {}
  }
}
