package io.github.govdx.client.application;

import io.github.govdx.client.CaseRecord;
import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An access application and its state ({@code docs/protocol.md} section 8). The due date is {@link
 * #timeLimitWorkingDays()} working days after submission, as computed by the platform; use {@link
 * #workingDaysLeft(LocalDate, io.github.govdx.client.WorkingDayCalendar)} to show what is left.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class Application implements CaseRecord<ApplicationState>, ApplicationTerms {

  Application() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the platform's id of the application */
  public abstract String applicationId();

  /** @return the applying party */
  public abstract PartyId applicant();

  /** @return the reason given with the decision or withdrawal, or empty when absent */
  public abstract Optional<String> decisionReason();

  /**
   * Builds an {@link Application}; {@code build()} throws {@link IllegalStateException} naming the missing
   * attributes. Not thread-safe.
   */
  public static final class Builder extends ImmutableApplication.Builder {
    Builder() {}
  }
}
