package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.WorkingDayCalendar;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Due dates in working days (工作日), checked against the worked examples of docs/protocol.md §8.1 and §12.1. */
class DueDateTest {

  @Test
  void application_tenWorkingDays_protocolExample() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-24T08:30:00Z"), ZoneOffset.UTC);
    try (ExchangeSandbox sandbox =
        ExchangeSandbox.builder()
            .clock(clock)
            .gatewayAuth(false)
            .reviewMode(ReviewMode.MANUAL)
            .start()) {
      SandboxHttp hotline = new SandboxHttp(sandbox, "hotline", false);
      SandboxHttp.Resp r =
          hotline.post(
              "/v1/applications",
              "application/json; charset=utf-8",
              "{\"resourceCode\": \"335001001/00012\", \"purpose\": \"核验\"}"
                  .getBytes(StandardCharsets.UTF_8),
              null);
      assertThat(r.statusCode()).isEqualTo(201);
      JsonNode app = SandboxHttp.json(r);
      assertThat(app.get("submittedAt").asText()).isEqualTo("2026-11-24T08:30:00Z");
      assertThat(app.get("dueDate").asText()).isEqualTo("2026-12-08");
      assertThat(app.get("applicationId").asText()).startsWith("app-20261124-");
    }
  }

  @Test
  void application_submittedOnFriday_skipsTheWeekend() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
    try (ExchangeSandbox sandbox =
        ExchangeSandbox.builder()
            .clock(clock)
            .gatewayAuth(false)
            .reviewMode(ReviewMode.MANUAL)
            .start()) {
      SandboxHttp hotline = new SandboxHttp(sandbox, "hotline", false);
      JsonNode app =
          SandboxHttp.json(
              hotline.post(
                  "/v1/applications",
                  "application/json",
                  "{\"resourceCode\": \"335001001/00012\", \"purpose\": \"核验\"}"
                      .getBytes(StandardCharsets.UTF_8),
                  null));
      // Friday 27 Nov + 10 working days: 30 Nov–4 Dec (5), 7–11 Dec (5) → Friday 11 Dec
      assertThat(app.get("dueDate").asText()).isEqualTo("2026-12-11");
    }
  }

  @Test
  void application_publicHolidayFromTheCalendar_isNotCounted() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-30T02:00:00Z"), ZoneOffset.UTC);
    WorkingDayCalendar calendar =
        WorkingDayCalendar.builder().holiday(LocalDate.of(2027, 1, 1)).build();
    try (ExchangeSandbox sandbox =
        ExchangeSandbox.builder()
            .clock(clock)
            .gatewayAuth(false)
            .calendar(calendar)
            .reviewMode(ReviewMode.MANUAL)
            .start()) {
      SandboxHttp hotline = new SandboxHttp(sandbox, "hotline", false);
      JsonNode app =
          SandboxHttp.json(
              hotline.post(
                  "/v1/applications",
                  "application/json",
                  "{\"resourceCode\": \"335001001/00012\", \"purpose\": \"核验\"}"
                      .getBytes(StandardCharsets.UTF_8),
                  null));
      // Wed 30 Dec: 31 Dec (1), [1 Jan 元旦], 4-8 Jan (2-6), 11-14 Jan (7-10)
      assertThat(app.get("dueDate").asText()).isEqualTo("2027-01-14");
    }
  }
}
