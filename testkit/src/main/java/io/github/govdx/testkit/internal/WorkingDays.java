package io.github.govdx.testkit.internal;

import java.time.LocalDate;

/** Adds working days (工作日) to a date, for the due dates of §8 and §12. Implementations are thread-safe. */
@FunctionalInterface
public interface WorkingDays {

  /**
   * The date {@code n} working days after {@code start}, not counting {@code start} itself.
   *
   * @param start the submission date
   * @param n the number of working days
   * @return the due date
   */
  LocalDate add(LocalDate start, int n);
}
