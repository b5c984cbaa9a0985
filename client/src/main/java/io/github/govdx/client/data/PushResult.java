package io.github.govdx.client.data;

import io.github.govdx.client.EnvelopeDigest;
import io.github.govdx.crypto.evidence.Receipt;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
public final class PushResult {

  private final String batchId;
  private final int recordCount;
  private final Instant storedAt;
  private final String messageId;
  private final EnvelopeDigest digest;
  private final String idempotencyKey;
  private final boolean replayed;
  private final @Nullable Receipt receipt;

  private PushResult(Builder b) {
    if (b.batchId == null) {
      throw new IllegalStateException("PushResult: missing batchId");
    }
    this.batchId = b.batchId;
    this.recordCount = b.recordCount;
    if (b.storedAt == null) {
      throw new IllegalStateException("PushResult: missing storedAt");
    }
    this.storedAt = b.storedAt;
    if (b.messageId == null) {
      throw new IllegalStateException("PushResult: missing messageId");
    }
    this.messageId = b.messageId;
    if (b.digest == null) {
      throw new IllegalStateException("PushResult: missing digest");
    }
    this.digest = b.digest;
    if (b.idempotencyKey == null) {
      throw new IllegalStateException("PushResult: missing idempotencyKey");
    }
    this.idempotencyKey = b.idempotencyKey;
    this.replayed = b.replayed;
    this.receipt = b.receipt;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised with this object's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.batchId = batchId;
    b.recordCount = recordCount;
    b.storedAt = storedAt;
    b.messageId = messageId;
    b.digest = digest;
    b.idempotencyKey = idempotencyKey;
    b.replayed = replayed;
    b.receipt = receipt;
    return b;
  }

  /**
   * The provider's id of the stored batch.
   *
   * @return the value
   */
  public String batchId() {
    return batchId;
  }

  /**
   * The number of records stored.
   *
   * @return the value
   */
  public int recordCount() {
    return recordCount;
  }

  /**
   * When the provider stored the batch.
   *
   * @return the value
   */
  public Instant storedAt() {
    return storedAt;
  }

  /**
   * The message id of the push envelope.
   *
   * @return the value
   */
  public String messageId() {
    return messageId;
  }

  /**
   * The digest of the push envelope as sent.
   *
   * @return the value
   */
  public EnvelopeDigest digest() {
    return digest;
  }

  /**
   * The idempotency key the push was sent with.
   *
   * @return the value
   */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /**
   * Whether the answer was replayed from the idempotency store (an earlier attempt had stored it).
   *
   * @return the value
   */
  public boolean replayed() {
    return replayed;
  }

  /**
   * The signed receipt, verified: {@link Receipt#messageId()} is {@link #messageId()},
   * {@link Receipt#envelopeDigest()} is {@link #digest()}'s hex, {@link Receipt#receiver()} the provider.
   * {@link Receipt#toBytes()} gives it as received, to keep as evidence.
   *
   * @return the receipt; empty only when sealing is switched off (tests and benchmarks), where a push has no
   *     envelope to receipt
   */
  public Optional<Receipt> receipt() {
    return Optional.ofNullable(receipt);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PushResult)) {
      return false;
    }
    PushResult that = (PushResult) o;
    return Objects.equals(batchId, that.batchId)
        && recordCount == that.recordCount
        && Objects.equals(storedAt, that.storedAt)
        && Objects.equals(messageId, that.messageId)
        && Objects.equals(digest, that.digest)
        && Objects.equals(idempotencyKey, that.idempotencyKey)
        && replayed == that.replayed
        && Objects.equals(receipt, that.receipt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        batchId, recordCount, storedAt, messageId, digest, idempotencyKey, replayed, receipt);
  }

  @Override
  public String toString() {
    return "PushResult{"
        + "batchId="
        + batchId
        + ", "
        + "recordCount="
        + recordCount
        + ", "
        + "storedAt="
        + storedAt
        + ", "
        + "messageId="
        + messageId
        + ", "
        + "digest="
        + digest
        + ", "
        + "idempotencyKey="
        + idempotencyKey
        + ", "
        + "replayed="
        + replayed
        + "}";
  }

  /** Builds a {@link PushResult}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String batchId;
    private int recordCount = 0;
    private @Nullable Instant storedAt;
    private @Nullable String messageId;
    private @Nullable EnvelopeDigest digest;
    private @Nullable String idempotencyKey;
    private boolean replayed = false;
    private @Nullable Receipt receipt;

    private Builder() {}

    /**
     * Sets: the provider's id of the stored batch.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder batchId(String value) {
      Objects.requireNonNull(value, "batchId == null");
      this.batchId = value;
      return this;
    }

    /**
     * Sets: the number of records stored.
     *
     * @param value the value
     * @return this builder
     */
    public Builder recordCount(int value) {
      this.recordCount = value;
      return this;
    }

    /**
     * Sets: when the provider stored the batch.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder storedAt(Instant value) {
      Objects.requireNonNull(value, "storedAt == null");
      this.storedAt = value;
      return this;
    }

    /**
     * Sets: the message id of the push envelope.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder messageId(String value) {
      Objects.requireNonNull(value, "messageId == null");
      this.messageId = value;
      return this;
    }

    /**
     * Sets: the digest of the push envelope as sent.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder digest(EnvelopeDigest value) {
      Objects.requireNonNull(value, "digest == null");
      this.digest = value;
      return this;
    }

    /**
     * Sets: the idempotency key the push was sent with.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder idempotencyKey(String value) {
      Objects.requireNonNull(value, "idempotencyKey == null");
      this.idempotencyKey = value;
      return this;
    }

    /**
     * Sets: whether the answer was replayed from the idempotency store (an earlier attempt had stored it).
     *
     * @param value the value
     * @return this builder
     */
    public Builder replayed(boolean value) {
      this.replayed = value;
      return this;
    }

    /**
     * Sets: the verified receipt.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder receipt(@Nullable Receipt value) {
      this.receipt = value;
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the PushResult
     * @throws IllegalStateException if a required field is missing
     */
    public PushResult build() {
      return new PushResult(this);
    }
  }
}
