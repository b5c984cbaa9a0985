package io.github.govdx.client;

import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an access application and a data-quality objection have in common: a case at one resource's provider,
 * moving through states, that the provider must answer within a number of working days ({@code
 * docs/protocol.md} sections 8 and 12).
 *
 * @param <S> the state type
 */
public interface CaseRecord<S extends Enum<S>> {

  /** @return the resource concerned */
  String resourceCode();

  /** @return the resource's provider, who answers the case */
  PartyId provider();

  /** @return the current state */
  S state();

  /** @return when the case was submitted */
  Instant submittedAt();

  /** @return when the case last changed */
  Instant updatedAt();

  /** @return the answer period in working days */
  int timeLimitWorkingDays();

  /** @return the last day of the answer period */
  LocalDate dueDate();

  /** @return every state change, oldest first; unmodifiable, possibly empty */
  List<StateChange> history();

  /**
   * Working days left until the due date, counted from {@code today} (not counted) up to and including the due
   * date; {@code 0} on the due date, negative when overdue.
   *
   * @param today the reference day
   * @param calendar the working-day calendar
   * @return the signed number of working days
   */
  default int workingDaysLeft(LocalDate today, WorkingDayCalendar calendar) {
    return calendar.workingDaysBetween(today, dueDate());
  }
}
