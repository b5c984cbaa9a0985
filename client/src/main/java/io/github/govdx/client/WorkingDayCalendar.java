package io.github.govdx.client;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which days are working days (工作日), for the due dates of access applications and data objections
 * ({@code docs/protocol.md} sections 8 and 12). Saturdays and Sundays are rest days unless declared make-up
 * working days (调休上班); public holidays (法定节假日) are added by the caller, since the State Council
 * publishes each year's arrangement only late the year before.
 *
 * <pre>{@code
 * WorkingDayCalendar cal = WorkingDayCalendar.builder()
 *     .holidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7))
 *     .makeUpWorkday(LocalDate.of(2026, 9, 27))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkingDayCalendar {

  private static final WorkingDayCalendar WEEKENDS_ONLY =
      new WorkingDayCalendar(Set.of(), Set.of());

  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workdays;

  private WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> workdays) {
    this.holidays = Set.copyOf(holidays);
    this.workdays = Set.copyOf(workdays);
  }

  /**
   * A calendar with Saturdays and Sundays as the only rest days.
   *
   * @return the calendar
   */
  public static WorkingDayCalendar weekendsOnly() {
    return WEEKENDS_ONLY;
  }

  /**
   * Starts a calendar with holidays and make-up working days.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether a day is a working day.
   *
   * @param day the day
   * @return {@code true} for a working day
   * @throws NullPointerException if {@code day} is null
   */
  public boolean isWorkingDay(LocalDate day) {
    Objects.requireNonNull(day, "day == null");
    if (workdays.contains(day)) {
      return true;
    }
    if (holidays.contains(day)) {
      return false;
    }
    DayOfWeek d = day.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
  }

  /**
   * The day that is {@code n} working days after {@code start}, not counting {@code start} itself (so a
   * 10-working-day time limit from a submission on {@code start} ends on the returned day).
   *
   * @param start the start day (not counted)
   * @param n the number of working days, {@code >= 0}
   * @return the last day of the period ({@code start} itself when {@code n} is 0)
   * @throws IllegalArgumentException if {@code n < 0}
   * @throws NullPointerException if {@code start} is null
   */
  public LocalDate addWorkingDays(LocalDate start, int n) {
    Objects.requireNonNull(start, "start == null");
    if (n < 0) {
      throw new IllegalArgumentException("n < 0: " + n);
    }
    LocalDate d = start;
    int left = n;
    while (left > 0) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }

  /**
   * The number of working days after {@code from} up to and including {@code to}; negative when {@code to}
   * is before {@code from} (then it counts the working days after {@code to} up to and including
   * {@code from}, negated). Used for "working days left until the due date".
   *
   * @param from the reference day (not counted)
   * @param to the target day
   * @return the signed number of working days
   * @throws NullPointerException if an argument is null
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof WorkingDayCalendar that
        && holidays.equals(that.holidays)
        && workdays.equals(that.workdays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(holidays, workdays);
  }

  @Override
  public String toString() {
    return "WorkingDayCalendar{holidays="
        + new TreeSet<>(holidays)
        + ", makeUpWorkdays="
        + new TreeSet<>(workdays)
        + "}";
  }

  /** Builds a {@link WorkingDayCalendar}. Not thread-safe. */
  public static final class Builder {

    private final Set<LocalDate> holidays = new TreeSet<>();
    private final Set<LocalDate> workdays = new TreeSet<>();

    private Builder() {}

    /**
     * Declares a public holiday (a rest day even on a weekday).
     *
     * @param day the day
     * @return this builder
     */
    public Builder holiday(LocalDate day) {
      holidays.add(Objects.requireNonNull(day, "day == null"));
      workdays.remove(day);
      return this;
    }

    /**
     * Declares every day from {@code first} to {@code last} (inclusive) a holiday.
     *
     * @param first the first day
     * @param last the last day
     * @return this builder
     * @throws IllegalArgumentException if {@code last} is before {@code first}
     */
    public Builder holidays(LocalDate first, LocalDate last) {
      Objects.requireNonNull(first, "first == null");
      Objects.requireNonNull(last, "last == null");
      if (last.isBefore(first)) {
        throw new IllegalArgumentException("last is before first");
      }
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        holiday(d);
      }
      return this;
    }

    /**
     * Declares a make-up working day (调休上班, a working day even on a weekend).
     *
     * @param day the day
     * @return this builder
     */
    public Builder makeUpWorkday(LocalDate day) {
      workdays.add(Objects.requireNonNull(day, "day == null"));
      holidays.remove(day);
      return this;
    }

    /**
     * Builds the calendar.
     *
     * @return the calendar
     */
    public WorkingDayCalendar build() {
      return new WorkingDayCalendar(holidays, workdays);
    }
  }
}
