package io.github.govdx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void fastInstant_agreesWithInstantParse_onRandomInstants() {
    for (int i = 0; i < 20_000; i++) {
      Instant t =
          Instant.ofEpochSecond(ThreadLocalRandom.current().nextLong(0, 4_102_444_800L))
              .truncatedTo(ChronoUnit.SECONDS);
      assertThat(Json.fastInstant(t.toString())).isEqualTo(Instant.parse(t.toString()));
    }
  }

  @Test
  void fastInstant_leavesOtherFormsToTheJdk_andInvalidDatesAreMalformed() {
    assertThat(Json.fastInstant("2026-11-24T08:30:00.123Z")).isNull();
    assertThat(Json.fastInstant("2026-02-31T08:30:00Z")).isNull();
    assertThat(
            Json.instant(
                Json.parseObject(
                    "{\"t\":\"2026-11-24T08:30:00.123Z\"}".getBytes(StandardCharsets.UTF_8)),
                "t"))
        .isEqualTo(Instant.parse("2026-11-24T08:30:00.123Z"));
    assertThatThrownBy(
            () ->
                Json.instant(
                    Json.parseObject(
                        "{\"t\":\"2026-02-31T08:30:00Z\"}".getBytes(StandardCharsets.UTF_8)),
                    "t"))
        .isInstanceOf(Json.MalformedJsonException.class);
  }

  @Test
  void date_agreesWithLocalDateParse_andRefusesImpossibleDates() {
    for (int i = 0; i < 20_000; i++) {
      java.time.LocalDate d =
          java.time.LocalDate.ofEpochDay(ThreadLocalRandom.current().nextLong(-719_528, 2_932_896));
      assertThat(Json.date(obj("{\"d\":\"" + d + "\"}"), "d")).isEqualTo(d);
    }
    assertThat(Json.date(obj("{\"d\":\"2024-02-29\"}"), "d"))
        .isEqualTo(java.time.LocalDate.of(2024, 2, 29));
    for (String bad :
        new String[] {
          "2023-02-29",
          "2026-04-31",
          "2026-13-01",
          "2026-00-10",
          "2026-1-10",
          "26-11-24",
          "2026/11/24",
          "2026-11-2x"
        }) {
      assertThatThrownBy(() -> Json.date(obj("{\"d\":\"" + bad + "\"}"), "d"))
          .as(bad)
          .isInstanceOf(Json.MalformedJsonException.class);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode obj(String json) {
    return Json.parseObject(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parseObject_refusesDeepNestingAndNonObjects() {
    String deep = "[".repeat(200) + "]".repeat(200);
    assertThatThrownBy(
            () -> Json.parseObject(("{\"a\":" + deep + "}").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(Json.MalformedJsonException.class);
    assertThatThrownBy(() -> Json.parseObject("[1]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(Json.MalformedJsonException.class);
  }
}
