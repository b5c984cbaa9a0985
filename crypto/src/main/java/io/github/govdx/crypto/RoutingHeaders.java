package io.github.govdx.crypto;

import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The routing headers of an envelope (DESIGN §4): readable by the exchange platform, bound to the ciphertext
 * as AAD and repeated in the inner signature. On the wire they are the protected header parameters
 * {@code gdx.mid}, {@code gdx.iat}, {@code gdx.snd}, {@code gdx.rcv}, {@code gdx.res}, {@code gdx.act} and
 * {@code gdx.cid} (see {@code docs/envelope.md}).
 *
 * <p>The issued-at time has a resolution of one second (like the JWT {@code iat}); the builder truncates it.
 * Message ids and correlation ids are 1–128 printable ASCII characters; the resource code is 1–64 and the
 * action 1–64 printable ASCII characters without spaces.
 *
 * <p>Immutable and thread-safe.
 */
public final class RoutingHeaders {

  private static final Pattern ID = Pattern.compile("[\\x21-\\x7e]{1,128}");
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,64}");

  private final String messageId;
  private final @Nullable Instant issuedAt;
  private final PartyId sender;
  private final PartyId receiver;
  private final String resourceCode;
  private final String action;
  private final @Nullable String correlationId;

  private RoutingHeaders(Builder b) {
    this.messageId = b.messageId == null ? UUID.randomUUID().toString() : b.messageId;
    this.issuedAt = b.issuedAt;
    this.sender = require(b.sender, "sender");
    this.receiver = require(b.receiver, "receiver");
    this.resourceCode = require(b.resourceCode, "resourceCode");
    this.action = require(b.action, "action");
    this.correlationId = b.correlationId;
  }

  private static <T> T require(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalStateException(name + " is required");
    }
    return value;
  }

  /**
   * A new builder.
   *
   * @return a builder with a random UUID message id and no issued-at (the codec fills in "now")
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this instance's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.messageId = messageId;
    b.issuedAt = issuedAt;
    b.sender = sender;
    b.receiver = receiver;
    b.resourceCode = resourceCode;
    b.action = action;
    b.correlationId = correlationId;
    return b;
  }

  /**
   * The message id, unique per sender (replay protection keys on it).
   *
   * @return the message id
   */
  public String messageId() {
    return messageId;
  }

  /**
   * The issued-at time, when set. Headers of an envelope always have one; headers built by a caller may
   * leave it empty and the codec uses its clock.
   *
   * @return the issued-at time, or empty
   */
  public Optional<Instant> issuedAtIfSet() {
    return Optional.ofNullable(issuedAt);
  }

  /**
   * The issued-at time.
   *
   * @return the issued-at time
   * @throws IllegalStateException if it was never set (headers not yet passed through a codec)
   */
  public Instant issuedAt() {
    if (issuedAt == null) {
      throw new IllegalStateException("issuedAt is not set; the codec sets it when signing");
    }
    return issuedAt;
  }

  /**
   * The sending party.
   *
   * @return the sender
   */
  public PartyId sender() {
    return sender;
  }

  /**
   * The receiving party.
   *
   * @return the receiver
   */
  public PartyId receiver() {
    return receiver;
  }

  /**
   * The resource code of the catalog entry the message belongs to.
   *
   * @return the resource code
   */
  public String resourceCode() {
    return resourceCode;
  }

  /**
   * The action, e.g. {@code query}, {@code push}, {@code receipt}.
   *
   * @return the action
   */
  public String action() {
    return action;
  }

  /**
   * The correlation id linking a response to its request.
   *
   * @return the correlation id, or empty
   */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RoutingHeaders)) {
      return false;
    }
    RoutingHeaders that = (RoutingHeaders) o;
    return messageId.equals(that.messageId)
        && Objects.equals(issuedAt, that.issuedAt)
        && sender.equals(that.sender)
        && receiver.equals(that.receiver)
        && resourceCode.equals(that.resourceCode)
        && action.equals(that.action)
        && Objects.equals(correlationId, that.correlationId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(messageId, issuedAt, sender, receiver, resourceCode, action, correlationId);
  }

  @Override
  public String toString() {
    return "RoutingHeaders{messageId="
        + messageId
        + ", issuedAt="
        + issuedAt
        + ", sender="
        + sender
        + ", receiver="
        + receiver
        + ", resourceCode="
        + resourceCode
        + ", action="
        + action
        + (correlationId == null ? "" : ", correlationId=" + correlationId)
        + "}";
  }

  /** Builder of {@link RoutingHeaders}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String messageId;
    private @Nullable Instant issuedAt;
    private @Nullable PartyId sender;
    private @Nullable PartyId receiver;
    private @Nullable String resourceCode;
    private @Nullable String action;
    private @Nullable String correlationId;

    private Builder() {}

    /**
     * Sets the message id (default: a random UUID).
     *
     * @param messageId 1–128 printable ASCII characters
     * @return this builder
     * @throws IllegalArgumentException if the id is not 1–128 printable ASCII characters
     */
    public Builder messageId(String messageId) {
      Objects.requireNonNull(messageId, "messageId == null");
      if (!ID.matcher(messageId).matches()) {
        throw new IllegalArgumentException("messageId must be 1-128 printable ASCII characters");
      }
      this.messageId = messageId;
      return this;
    }

    /**
     * Sets the issued-at time (default: the codec's clock when signing), truncated to seconds.
     *
     * @param issuedAt the time
     * @return this builder
     */
    public Builder issuedAt(Instant issuedAt) {
      this.issuedAt =
          Objects.requireNonNull(issuedAt, "issuedAt == null").truncatedTo(ChronoUnit.SECONDS);
      return this;
    }

    /**
     * Sets the sender (required).
     *
     * @param sender the sending party
     * @return this builder
     */
    public Builder sender(PartyId sender) {
      this.sender = Objects.requireNonNull(sender, "sender == null");
      return this;
    }

    /**
     * Sets the receiver (required).
     *
     * @param receiver the receiving party
     * @return this builder
     */
    public Builder receiver(PartyId receiver) {
      this.receiver = Objects.requireNonNull(receiver, "receiver == null");
      return this;
    }

    /**
     * Sets the resource code (required).
     *
     * @param resourceCode 1–64 printable ASCII characters
     * @return this builder
     * @throws IllegalArgumentException if malformed
     */
    public Builder resourceCode(String resourceCode) {
      this.resourceCode = token(resourceCode, "resourceCode");
      return this;
    }

    /**
     * Sets the action (required).
     *
     * @param action 1–64 printable ASCII characters
     * @return this builder
     * @throws IllegalArgumentException if malformed
     */
    public Builder action(String action) {
      this.action = token(action, "action");
      return this;
    }

    /**
     * Sets the correlation id (optional).
     *
     * @param correlationId 1–128 printable ASCII characters
     * @return this builder
     * @throws IllegalArgumentException if malformed
     */
    public Builder correlationId(String correlationId) {
      Objects.requireNonNull(correlationId, "correlationId == null");
      if (!ID.matcher(correlationId).matches()) {
        throw new IllegalArgumentException(
            "correlationId must be 1-128 printable ASCII characters");
      }
      this.correlationId = correlationId;
      return this;
    }

    private static String token(String value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (!TOKEN.matcher(value).matches()) {
        throw new IllegalArgumentException(name + " must be 1-64 printable ASCII characters");
      }
      return value;
    }

    /**
     * Builds the headers.
     *
     * @return the headers
     * @throws IllegalStateException naming the first missing required field
     */
    public RoutingHeaders build() {
      return new RoutingHeaders(this);
    }
  }
}
