package io.github.govdx.client.objection;

import io.github.govdx.client.EnvelopeDigest;
import io.github.govdx.client.StateChange;
import io.github.govdx.client.WorkingDayCalendar;
import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A data objection and its state ({@code docs/protocol.md} section 12).
 *
 * <p>Immutable and thread-safe.
 */
public final class Objection {

  private final String objectionId;
  private final String resourceCode;
  private final PartyId objector;
  private final PartyId provider;
  private final String messageId;
  private final EnvelopeDigest digest;
  private final List<String> pointers;
  private final ObjectionCategory category;
  private final String description;
  private final ObjectionState state;
  private final Instant submittedAt;
  private final Instant updatedAt;
  private final int timeLimitWorkingDays;
  private final LocalDate dueDate;
  private final @Nullable String resolution;
  private final List<StateChange> history;

  private Objection(Builder b) {
    if (b.objectionId == null) {
      throw new IllegalStateException("Objection: missing objectionId");
    }
    this.objectionId = b.objectionId;
    if (b.resourceCode == null) {
      throw new IllegalStateException("Objection: missing resourceCode");
    }
    this.resourceCode = b.resourceCode;
    if (b.objector == null) {
      throw new IllegalStateException("Objection: missing objector");
    }
    this.objector = b.objector;
    if (b.provider == null) {
      throw new IllegalStateException("Objection: missing provider");
    }
    this.provider = b.provider;
    if (b.messageId == null) {
      throw new IllegalStateException("Objection: missing messageId");
    }
    this.messageId = b.messageId;
    if (b.digest == null) {
      throw new IllegalStateException("Objection: missing digest");
    }
    this.digest = b.digest;
    this.pointers = List.copyOf(b.pointers);
    if (b.category == null) {
      throw new IllegalStateException("Objection: missing category");
    }
    this.category = b.category;
    if (b.description == null) {
      throw new IllegalStateException("Objection: missing description");
    }
    this.description = b.description;
    if (b.state == null) {
      throw new IllegalStateException("Objection: missing state");
    }
    this.state = b.state;
    if (b.submittedAt == null) {
      throw new IllegalStateException("Objection: missing submittedAt");
    }
    this.submittedAt = b.submittedAt;
    if (b.updatedAt == null) {
      throw new IllegalStateException("Objection: missing updatedAt");
    }
    this.updatedAt = b.updatedAt;
    this.timeLimitWorkingDays = b.timeLimitWorkingDays;
    if (b.dueDate == null) {
      throw new IllegalStateException("Objection: missing dueDate");
    }
    this.dueDate = b.dueDate;
    this.resolution = b.resolution;
    this.history = List.copyOf(b.history);
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
    b.objectionId = objectionId;
    b.resourceCode = resourceCode;
    b.objector = objector;
    b.provider = provider;
    b.messageId = messageId;
    b.digest = digest;
    b.pointers.addAll(pointers);
    b.category = category;
    b.description = description;
    b.state = state;
    b.submittedAt = submittedAt;
    b.updatedAt = updatedAt;
    b.timeLimitWorkingDays = timeLimitWorkingDays;
    b.dueDate = dueDate;
    b.resolution = resolution;
    b.history.addAll(history);
    return b;
  }

  /**
   * The platform's id.
   *
   * @return the value
   */
  public String objectionId() {
    return objectionId;
  }

  /**
   * The resource.
   *
   * @return the value
   */
  public String resourceCode() {
    return resourceCode;
  }

  /**
   * The objecting party.
   *
   * @return the value
   */
  public PartyId objector() {
    return objector;
  }

  /**
   * The resource's provider.
   *
   * @return the value
   */
  public PartyId provider() {
    return provider;
  }

  /**
   * The cited message id.
   *
   * @return the value
   */
  public String messageId() {
    return messageId;
  }

  /**
   * The cited envelope digest.
   *
   * @return the value
   */
  public EnvelopeDigest digest() {
    return digest;
  }

  /**
   * The disputed places.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<String> pointers() {
    return pointers;
  }

  /**
   * What is wrong.
   *
   * @return the value
   */
  public ObjectionCategory category() {
    return category;
  }

  /**
   * The description.
   *
   * @return the value
   */
  public String description() {
    return description;
  }

  /**
   * The current state.
   *
   * @return the value
   */
  public ObjectionState state() {
    return state;
  }

  /**
   * When it was raised.
   *
   * @return the value
   */
  public Instant submittedAt() {
    return submittedAt;
  }

  /**
   * When it last changed.
   *
   * @return the value
   */
  public Instant updatedAt() {
    return updatedAt;
  }

  /**
   * The answer period in working days.
   *
   * @return the value
   */
  public int timeLimitWorkingDays() {
    return timeLimitWorkingDays;
  }

  /**
   * The last day of the answer period.
   *
   * @return the value
   */
  public LocalDate dueDate() {
    return dueDate;
  }

  /**
   * The provider's resolution or the reason of a final state.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> resolution() {
    return Optional.ofNullable(resolution);
  }

  /**
   * Every state change, oldest first.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<StateChange> history() {
    return history;
  }

  /**
   * Working days left until the due date (0 on the due date, negative when overdue).
   *
   * @param today the reference day
   * @param calendar the working-day calendar
   * @return the signed number of working days
   */
  public int workingDaysLeft(LocalDate today, WorkingDayCalendar calendar) {
    return calendar.workingDaysBetween(today, dueDate);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Objection)) {
      return false;
    }
    Objection that = (Objection) o;
    return Objects.equals(objectionId, that.objectionId)
        && Objects.equals(resourceCode, that.resourceCode)
        && Objects.equals(objector, that.objector)
        && Objects.equals(provider, that.provider)
        && Objects.equals(messageId, that.messageId)
        && Objects.equals(digest, that.digest)
        && Objects.equals(pointers, that.pointers)
        && Objects.equals(category, that.category)
        && Objects.equals(description, that.description)
        && Objects.equals(state, that.state)
        && Objects.equals(submittedAt, that.submittedAt)
        && Objects.equals(updatedAt, that.updatedAt)
        && timeLimitWorkingDays == that.timeLimitWorkingDays
        && Objects.equals(dueDate, that.dueDate)
        && Objects.equals(resolution, that.resolution)
        && Objects.equals(history, that.history);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        objectionId,
        resourceCode,
        objector,
        provider,
        messageId,
        digest,
        pointers,
        category,
        description,
        state,
        submittedAt,
        updatedAt,
        timeLimitWorkingDays,
        dueDate,
        resolution,
        history);
  }

  @Override
  public String toString() {
    return "Objection{"
        + "objectionId="
        + objectionId
        + ", "
        + "resourceCode="
        + resourceCode
        + ", "
        + "objector="
        + objector
        + ", "
        + "provider="
        + provider
        + ", "
        + "messageId="
        + messageId
        + ", "
        + "digest="
        + digest
        + ", "
        + "pointers="
        + pointers
        + ", "
        + "category="
        + category
        + ", "
        + "description="
        + description
        + ", "
        + "state="
        + state
        + ", "
        + "submittedAt="
        + submittedAt
        + ", "
        + "updatedAt="
        + updatedAt
        + ", "
        + "timeLimitWorkingDays="
        + timeLimitWorkingDays
        + ", "
        + "dueDate="
        + dueDate
        + ", "
        + "resolution="
        + resolution
        + ", "
        + "history="
        + history.size()
        + "}";
  }

  /** Builds a {@link Objection}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String objectionId;
    private @Nullable String resourceCode;
    private @Nullable PartyId objector;
    private @Nullable PartyId provider;
    private @Nullable String messageId;
    private @Nullable EnvelopeDigest digest;
    private final List<String> pointers = new ArrayList<>();
    private @Nullable ObjectionCategory category;
    private @Nullable String description;
    private @Nullable ObjectionState state;
    private @Nullable Instant submittedAt;
    private @Nullable Instant updatedAt;
    private int timeLimitWorkingDays = 0;
    private @Nullable LocalDate dueDate;
    private @Nullable String resolution;
    private final List<StateChange> history = new ArrayList<>();

    private Builder() {}

    /**
     * Sets: the platform's id.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder objectionId(String value) {
      Objects.requireNonNull(value, "objectionId == null");
      this.objectionId = value;
      return this;
    }

    /**
     * Sets: the resource.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder resourceCode(String value) {
      Objects.requireNonNull(value, "resourceCode == null");
      this.resourceCode = value;
      return this;
    }

    /**
     * Sets: the objecting party.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder objector(PartyId value) {
      Objects.requireNonNull(value, "objector == null");
      this.objector = value;
      return this;
    }

    /**
     * Sets: the resource's provider.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder provider(PartyId value) {
      Objects.requireNonNull(value, "provider == null");
      this.provider = value;
      return this;
    }

    /**
     * Sets: the cited message id.
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
     * Sets: the cited envelope digest.
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
     * Sets: the disputed places.
     *
     * @param values the values (replacing earlier ones)
     * @return this builder
     * @throws NullPointerException if {@code values} is or holds null
     */
    public Builder pointers(java.util.Collection<? extends String> values) {
      List<String> copy = List.copyOf(Objects.requireNonNull(values, "values == null"));
      this.pointers.clear();
      this.pointers.addAll(copy);
      return this;
    }

    /**
     * Sets: what is wrong.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder category(ObjectionCategory value) {
      Objects.requireNonNull(value, "category == null");
      this.category = value;
      return this;
    }

    /**
     * Sets: the description.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder description(String value) {
      Objects.requireNonNull(value, "description == null");
      this.description = value;
      return this;
    }

    /**
     * Sets: the current state.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder state(ObjectionState value) {
      Objects.requireNonNull(value, "state == null");
      this.state = value;
      return this;
    }

    /**
     * Sets: when it was raised.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder submittedAt(Instant value) {
      Objects.requireNonNull(value, "submittedAt == null");
      this.submittedAt = value;
      return this;
    }

    /**
     * Sets: when it last changed.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder updatedAt(Instant value) {
      Objects.requireNonNull(value, "updatedAt == null");
      this.updatedAt = value;
      return this;
    }

    /**
     * Sets: the answer period in working days.
     *
     * @param value the value
     * @return this builder
     */
    public Builder timeLimitWorkingDays(int value) {
      this.timeLimitWorkingDays = value;
      return this;
    }

    /**
     * Sets: the last day of the answer period.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder dueDate(LocalDate value) {
      Objects.requireNonNull(value, "dueDate == null");
      this.dueDate = value;
      return this;
    }

    /**
     * Sets: the provider's resolution or the reason of a final state.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder resolution(@Nullable String value) {
      this.resolution = value;
      return this;
    }

    /**
     * Sets: every state change, oldest first.
     *
     * @param values the values (replacing earlier ones)
     * @return this builder
     * @throws NullPointerException if {@code values} is or holds null
     */
    public Builder history(java.util.Collection<? extends StateChange> values) {
      List<StateChange> copy = List.copyOf(Objects.requireNonNull(values, "values == null"));
      this.history.clear();
      this.history.addAll(copy);
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the Objection
     * @throws IllegalStateException if a required field is missing
     */
    public Objection build() {
      return new Objection(this);
    }
  }
}
