package io.github.govdx.client.application;

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
 * An access application and its state ({@code docs/protocol.md} section 8). The due date is
 * {@link #timeLimitWorkingDays()} working days after submission, as computed by the platform; use
 * {@link #workingDaysLeft(LocalDate, WorkingDayCalendar)} to show what is left.
 *
 * <p>Immutable and thread-safe.
 */
public final class Application {

  private final String applicationId;
  private final String resourceCode;
  private final PartyId applicant;
  private final PartyId provider;
  private final String purpose;
  private final @Nullable String legalBasis;
  private final List<String> items;
  private final @Nullable LocalDate validUntil;
  private final ApplicationState state;
  private final Instant submittedAt;
  private final Instant updatedAt;
  private final int timeLimitWorkingDays;
  private final LocalDate dueDate;
  private final @Nullable String decisionReason;
  private final List<StateChange> history;

  private Application(Builder b) {
    if (b.applicationId == null) {
      throw new IllegalStateException("Application: missing applicationId");
    }
    this.applicationId = b.applicationId;
    if (b.resourceCode == null) {
      throw new IllegalStateException("Application: missing resourceCode");
    }
    this.resourceCode = b.resourceCode;
    if (b.applicant == null) {
      throw new IllegalStateException("Application: missing applicant");
    }
    this.applicant = b.applicant;
    if (b.provider == null) {
      throw new IllegalStateException("Application: missing provider");
    }
    this.provider = b.provider;
    if (b.purpose == null) {
      throw new IllegalStateException("Application: missing purpose");
    }
    this.purpose = b.purpose;
    this.legalBasis = b.legalBasis;
    this.items = List.copyOf(b.items);
    this.validUntil = b.validUntil;
    if (b.state == null) {
      throw new IllegalStateException("Application: missing state");
    }
    this.state = b.state;
    if (b.submittedAt == null) {
      throw new IllegalStateException("Application: missing submittedAt");
    }
    this.submittedAt = b.submittedAt;
    if (b.updatedAt == null) {
      throw new IllegalStateException("Application: missing updatedAt");
    }
    this.updatedAt = b.updatedAt;
    this.timeLimitWorkingDays = b.timeLimitWorkingDays;
    if (b.dueDate == null) {
      throw new IllegalStateException("Application: missing dueDate");
    }
    this.dueDate = b.dueDate;
    this.decisionReason = b.decisionReason;
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
    b.applicationId = applicationId;
    b.resourceCode = resourceCode;
    b.applicant = applicant;
    b.provider = provider;
    b.purpose = purpose;
    b.legalBasis = legalBasis;
    b.items.addAll(items);
    b.validUntil = validUntil;
    b.state = state;
    b.submittedAt = submittedAt;
    b.updatedAt = updatedAt;
    b.timeLimitWorkingDays = timeLimitWorkingDays;
    b.dueDate = dueDate;
    b.decisionReason = decisionReason;
    b.history.addAll(history);
    return b;
  }

  /**
   * The platform's id of the application.
   *
   * @return the value
   */
  public String applicationId() {
    return applicationId;
  }

  /**
   * The resource applied for.
   *
   * @return the value
   */
  public String resourceCode() {
    return resourceCode;
  }

  /**
   * The applying party.
   *
   * @return the value
   */
  public PartyId applicant() {
    return applicant;
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
   * The stated purpose.
   *
   * @return the value
   */
  public String purpose() {
    return purpose;
  }

  /**
   * The stated legal basis.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> legalBasis() {
    return Optional.ofNullable(legalBasis);
  }

  /**
   * The items requested; empty means all.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<String> items() {
    return items;
  }

  /**
   * The day access ends.
   *
   * @return the value, or empty when absent
   */
  public Optional<LocalDate> validUntil() {
    return Optional.ofNullable(validUntil);
  }

  /**
   * The current state.
   *
   * @return the value
   */
  public ApplicationState state() {
    return state;
  }

  /**
   * When it was submitted.
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
   * The reason given with the decision or withdrawal.
   *
   * @return the value, or empty when absent
   */
  public Optional<String> decisionReason() {
    return Optional.ofNullable(decisionReason);
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
   * Working days left until the due date, counted from {@code today} (not counted) up to and including the
   * due date; {@code 0} on the due date, negative when overdue.
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
    if (!(o instanceof Application)) {
      return false;
    }
    Application that = (Application) o;
    return Objects.equals(applicationId, that.applicationId)
        && Objects.equals(resourceCode, that.resourceCode)
        && Objects.equals(applicant, that.applicant)
        && Objects.equals(provider, that.provider)
        && Objects.equals(purpose, that.purpose)
        && Objects.equals(legalBasis, that.legalBasis)
        && Objects.equals(items, that.items)
        && Objects.equals(validUntil, that.validUntil)
        && Objects.equals(state, that.state)
        && Objects.equals(submittedAt, that.submittedAt)
        && Objects.equals(updatedAt, that.updatedAt)
        && timeLimitWorkingDays == that.timeLimitWorkingDays
        && Objects.equals(dueDate, that.dueDate)
        && Objects.equals(decisionReason, that.decisionReason)
        && Objects.equals(history, that.history);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        applicationId,
        resourceCode,
        applicant,
        provider,
        purpose,
        legalBasis,
        items,
        validUntil,
        state,
        submittedAt,
        updatedAt,
        timeLimitWorkingDays,
        dueDate,
        decisionReason,
        history);
  }

  @Override
  public String toString() {
    return "Application{"
        + "applicationId="
        + applicationId
        + ", "
        + "resourceCode="
        + resourceCode
        + ", "
        + "applicant="
        + applicant
        + ", "
        + "provider="
        + provider
        + ", "
        + "purpose="
        + purpose
        + ", "
        + "legalBasis="
        + legalBasis
        + ", "
        + "items="
        + items
        + ", "
        + "validUntil="
        + validUntil
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
        + "decisionReason="
        + decisionReason
        + ", "
        + "history="
        + history.size()
        + "}";
  }

  /** Builds a {@link Application}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String applicationId;
    private @Nullable String resourceCode;
    private @Nullable PartyId applicant;
    private @Nullable PartyId provider;
    private @Nullable String purpose;
    private @Nullable String legalBasis;
    private final List<String> items = new ArrayList<>();
    private @Nullable LocalDate validUntil;
    private @Nullable ApplicationState state;
    private @Nullable Instant submittedAt;
    private @Nullable Instant updatedAt;
    private int timeLimitWorkingDays = 0;
    private @Nullable LocalDate dueDate;
    private @Nullable String decisionReason;
    private final List<StateChange> history = new ArrayList<>();

    private Builder() {}

    /**
     * Sets: the platform's id of the application.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder applicationId(String value) {
      Objects.requireNonNull(value, "applicationId == null");
      this.applicationId = value;
      return this;
    }

    /**
     * Sets: the resource applied for.
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
     * Sets: the applying party.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder applicant(PartyId value) {
      Objects.requireNonNull(value, "applicant == null");
      this.applicant = value;
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
     * Sets: the stated purpose.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder purpose(String value) {
      Objects.requireNonNull(value, "purpose == null");
      this.purpose = value;
      return this;
    }

    /**
     * Sets: the stated legal basis.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder legalBasis(@Nullable String value) {
      this.legalBasis = value;
      return this;
    }

    /**
     * Sets: the items requested; empty means all.
     *
     * @param values the values (replacing earlier ones)
     * @return this builder
     * @throws NullPointerException if {@code values} is or holds null
     */
    public Builder items(java.util.Collection<? extends String> values) {
      List<String> copy = List.copyOf(Objects.requireNonNull(values, "values == null"));
      this.items.clear();
      this.items.addAll(copy);
      return this;
    }

    /**
     * Sets: the day access ends.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder validUntil(@Nullable LocalDate value) {
      this.validUntil = value;
      return this;
    }

    /**
     * Sets: the current state.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder state(ApplicationState value) {
      Objects.requireNonNull(value, "state == null");
      this.state = value;
      return this;
    }

    /**
     * Sets: when it was submitted.
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
     * Sets: the reason given with the decision or withdrawal.
     *
     * @param value the value, or {@code null} for none
     * @return this builder
     */
    public Builder decisionReason(@Nullable String value) {
      this.decisionReason = value;
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
     * @return the Application
     * @throws IllegalStateException if a required field is missing
     */
    public Application build() {
      return new Application(this);
    }
  }
}
