package io.github.govdx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

  @Test
  void addWorkingDays_tenFromATuesday_skipsTwoWeekends() {
    // 2026-11-24 is a Tuesday: 10 working days later (not counting the day itself) is Tuesday
    // 2026-12-08
    assertThat(LocalDate.of(2026, 11, 24).getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
    assertThat(WorkingDayCalendar.weekendsOnly().addWorkingDays(LocalDate.of(2026, 11, 24), 10))
        .isEqualTo(LocalDate.of(2026, 12, 8));
  }

  @Test
  void addWorkingDays_nationalDayWeek_countsHolidaysAndMakeUpDays() {
    // 2025 National Day arrangement (国办发明电〔2024〕12号): 1-8 October off, Sunday 28 September and
    // Saturday 11 October are working days
    WorkingDayCalendar cal =
        WorkingDayCalendar.builder()
            .holidays(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8))
            .makeUpWorkday(LocalDate.of(2025, 9, 28))
            .makeUpWorkday(LocalDate.of(2025, 10, 11))
            .build();
    // from Friday 26 September: 28 Sep, 29, 30, 9 Oct, 10, 11 (Sat, make-up), 13, 14, 15, 16
    assertThat(cal.addWorkingDays(LocalDate.of(2025, 9, 26), 10))
        .isEqualTo(LocalDate.of(2025, 10, 16));
    assertThat(cal.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
    assertThat(cal.isWorkingDay(LocalDate.of(2025, 10, 6))).isFalse();
  }

  @Test
  void workingDaysBetween_isTheInverseOfAdd_forEveryStartAndCount() {
    WorkingDayCalendar cal = WorkingDayCalendar.builder().holiday(LocalDate.of(2026, 1, 1)).build();
    for (LocalDate start = LocalDate.of(2025, 12, 20);
        start.isBefore(LocalDate.of(2026, 1, 20));
        start = start.plusDays(1)) {
      for (int n = 0; n <= 15; n++) {
        LocalDate due = cal.addWorkingDays(start, n);
        assertThat(cal.workingDaysBetween(start, due)).isEqualTo(n);
        assertThat(cal.workingDaysBetween(due, start)).isEqualTo(-n);
      }
    }
  }

  @Test
  void addWorkingDays_negative_isRejected() {
    assertThatThrownBy(
            () -> WorkingDayCalendar.weekendsOnly().addWorkingDays(LocalDate.of(2026, 1, 5), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalsAndHashCode_followTheDays() {
    EqualsVerifier.forClass(WorkingDayCalendar.class)
        .withNonnullFields("holidays", "workdays")
        .verify();
  }
}
