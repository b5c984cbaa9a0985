package io.github.govdx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.client.Fixtures;
import io.github.govdx.client.Page;
import io.github.govdx.client.application.Application;
import io.github.govdx.client.application.ApplicationState;
import io.github.govdx.client.objection.Objection;
import io.github.govdx.client.objection.ObjectionCategory;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
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
            Json.member(
                Json.parseObject(
                    "{\"t\":\"2026-11-24T08:30:00.123Z\"}".getBytes(StandardCharsets.UTF_8)),
                "t",
                Instant.class))
        .isEqualTo(Instant.parse("2026-11-24T08:30:00.123Z"));
    assertThatThrownBy(
            () ->
                Json.member(
                    Json.parseObject(
                        "{\"t\":\"2026-02-31T08:30:00Z\"}".getBytes(StandardCharsets.UTF_8)),
                    "t",
                    Instant.class))
        .isInstanceOf(Json.MalformedJsonException.class);
  }

  @Test
  void date_agreesWithLocalDateParse_andRefusesImpossibleDates() {
    for (int i = 0; i < 20_000; i++) {
      java.time.LocalDate d =
          java.time.LocalDate.ofEpochDay(ThreadLocalRandom.current().nextLong(-719_528, 2_932_896));
      assertThat(Json.date(d.toString())).isEqualTo(d);
    }
    assertThat(Json.date("2024-02-29")).isEqualTo(java.time.LocalDate.of(2024, 2, 29));
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
      assertThatThrownBy(() -> Json.date(bad)).as(bad).isInstanceOf(DateTimeException.class);
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

  private static Application application(String from, String to) {
    return Json.read(
        Fixtures.APPLICATION.replace(from, to).getBytes(StandardCharsets.UTF_8), Application.class);
  }

  @Test
  void read_mapsTheValueType_ignoringUnknownMembers_andNullAsAbsent() {
    Application a =
        application("\"purpose\"", "\"legalBasis\":null,\"extra\":{\"x\":[1]},\"purpose\"");
    assertThat(a.applicationId()).isEqualTo("app-1");
    assertThat(a.state()).isEqualTo(ApplicationState.SUBMITTED);
    assertThat(a.items()).containsExactly("xm", "sfzh");
    assertThat(a.legalBasis()).isEmpty();
    assertThat(a.dueDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 8));
    assertThat(a.history()).hasSize(1);
    Objection o = Json.read(Fixtures.OBJECTION.getBytes(StandardCharsets.UTF_8), Objection.class);
    assertThat(o.digest().hex()).isEqualTo(Fixtures.DIGEST_HEX);
    assertThat(o.category()).isEqualTo(ObjectionCategory.INACCURATE);
  }

  @Test
  void read_missingOrMistypedMember_isMalformed_namingTheMemberNotItsValue() {
    assertThatThrownBy(() -> application("\"dueDate\"", "\"due\""))
        .isInstanceOf(Json.MalformedJsonException.class)
        .hasMessage("member 'dueDate' missing");
    assertThatThrownBy(() -> application("\"purpose\":\"核验来电人身份\"", "\"purpose\":null"))
        .hasMessage("member 'purpose' missing");
    assertThatThrownBy(
            () -> application("\"timeLimitWorkingDays\":10", "\"timeLimitWorkingDays\":\"10\""))
        .hasMessageContaining("'timeLimitWorkingDays'");
    assertThatThrownBy(
            () -> application("\"timeLimitWorkingDays\":10", "\"timeLimitWorkingDays\":10.5"))
        .hasMessageContaining("'timeLimitWorkingDays'");
    assertThatThrownBy(() -> application("\"核验来电人身份\"", "7")).hasMessageContaining("'purpose'");
    assertThatThrownBy(() -> application("\"items\":[\"xm\",\"sfzh\"]", "\"items\":\"xm\""))
        .hasMessageContaining("'items'");
    assertThatThrownBy(() -> application("\"state\":\"submitted\"", "\"state\":\"SECRET-VALUE\""))
        .hasMessageContaining("'state'")
        .hasMessageNotContaining("SECRET-VALUE");
    assertThatThrownBy(
            () ->
                application(
                    "\"provider\":\"11320500014160486F\"", "\"provider\":\"11320500014160486X\""))
        .hasMessageContaining("'provider'")
        .hasMessageNotContaining("11320500014160486X");
    assertThatThrownBy(
            () ->
                application(
                    "\"submittedAt\":\"2026-11-24T08:30:00Z\"", "\"submittedAt\":1764000000"))
        .hasMessageContaining("'submittedAt'");
    assertThatThrownBy(
            () -> application("\"dueDate\":\"2026-12-08\"", "\"dueDate\":\"2026-02-30\""))
        .hasMessageContaining("'dueDate'");
    assertThatThrownBy(() -> application(",\"by\":\"11320500014160478L/hotline\"}", "}"))
        .hasMessageContaining("'history[0]");
    assertThatThrownBy(() -> Json.read("[1]".getBytes(StandardCharsets.UTF_8), Application.class))
        .hasMessage("body is not a JSON object");
    assertThatThrownBy(() -> Json.read("null".getBytes(StandardCharsets.UTF_8), Application.class))
        .hasMessage("body is not a JSON object");
    assertThatThrownBy(
            () ->
                Json.read(
                    Fixtures.OBJECTION
                        .replace("\"SM3\"", "\"MD5\"")
                        .getBytes(StandardCharsets.UTF_8),
                    Objection.class))
        .hasMessageContaining("'digest'")
        .hasMessageNotContaining("MD5");
  }

  @Test
  void page_readsItemsAndToken_emptyWhenAbsent() {
    Page<Application> p =
        Json.page(
            ("{\"items\":[" + Fixtures.APPLICATION + "],\"nextPageToken\":\"t2\"}")
                .getBytes(StandardCharsets.UTF_8),
            Application.class);
    assertThat(p.items()).hasSize(1);
    assertThat(p.nextPageToken()).contains("t2");
    assertThat(Json.page("{}".getBytes(StandardCharsets.UTF_8), Application.class).items())
        .isEmpty();
    assertThatThrownBy(
            () ->
                Json.page(
                    "{\"items\":[\"x\"]}".getBytes(StandardCharsets.UTF_8), Application.class))
        .hasMessageContaining("'items[0]'");
  }
}
