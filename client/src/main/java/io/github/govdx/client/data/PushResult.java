package io.github.govdx.client.data;

import io.github.govdx.client.EnvelopeDigest;
import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.crypto.evidence.Receipt;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The outcome of a record push: the provider stored the batch and returned a signed receipt over the push's
 * message id and envelope digest ({@code docs/protocol.md} section 10). The receipt was checked before this
 * object was returned: govdx-crypto's {@link Receipt}, signed by the receiver of the push (the provider, its
 * certificate chain valid in the trust store), naming {@link #messageId()}, both parties and the digest of the
 * exact envelope bytes sent ({@link #digest()}); keep it as the proof of delivery (GB/T 39786-2021 §8.4 h), e.g.
 * in an {@link io.github.govdx.crypto.evidence.EvidenceLog}.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class PushResult {

  PushResult() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the provider's id of the stored batch */
  public abstract String batchId();

  /** @return the number of records stored */
  public abstract int recordCount();

  /** @return when the provider stored the batch */
  public abstract Instant storedAt();

  /** @return the message id of the push envelope */
  public abstract String messageId();

  /** @return the digest of the push envelope as sent */
  public abstract EnvelopeDigest digest();

  /** @return the idempotency key the push was sent with */
  public abstract String idempotencyKey();

  /** @return whether the answer was replayed from the idempotency store (an earlier attempt had
   *     stored it); default {@code false} */
  @Value.Default
  public boolean replayed() {
    return false;
  }

  /** @return the signed receipt, verified: {@link Receipt#messageId()} is {@link #messageId()},
   *     {@link Receipt#envelopeDigest()} is {@link #digest()}'s hex, {@link Receipt#receiver()} the provider;
   *     {@link Receipt#toBytes()} gives it as received, to keep as evidence. Empty only when sealing is switched
   *     off (tests and benchmarks), where a push has no envelope to receipt */
  public abstract Optional<Receipt> receipt();

  /**
   * Builds a {@link PushResult}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutablePushResult.Builder {
    Builder() {}
  }
}
