package io.github.govdx.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link Json#read}: which refusal each malformed body gets, naming the member and never the value. */
class JsonReadTest {

  private static final String SHA = "ab".repeat(32);

  private static <T> ApiException refusal(String body, Class<T> type) {
    try {
      Json.read(body.getBytes(StandardCharsets.UTF_8), type);
    } catch (ApiException e) {
      assertThat(e.wireCode()).isEqualTo(WireCode.MALFORMED_REQUEST);
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.details()).isNull();
      return e;
    }
    throw new AssertionError("accepted: " + body);
  }

  private static String detail(String body, Class<?> type) {
    return refusal(body, type).getMessage().substring("GDX-3001: ".length());
  }

  @Test
  void wholeBody() {
    assertThat(detail("", Requests.Ack.class)).isEqualTo("the body is not a JSON object");
    assertThat(detail("null", Requests.Ack.class)).isEqualTo("the body is not a JSON object");
    assertThat(detail("[\"c\"]", Requests.Ack.class)).isEqualTo("the body is not a JSON object");
    assertThat(detail("\"c\"", Requests.Ack.class)).isEqualTo("the body is not a JSON object");
    assertThat(detail("{\"cursor\": \"c\"", Requests.Ack.class))
        .isEqualTo("the body is not valid JSON");
    assertThat(detail("{\"cursor\": \"c\"} {}", Requests.Ack.class))
        .isEqualTo("the body is not valid JSON");
    assertThat(
            detail(
                "{\"cursor\": \"" + "x".repeat(10 * 1024 * 1024 + 1) + "\"}", Requests.Ack.class))
        .as("over the string limit")
        .isEqualTo("the body is not valid JSON");
  }

  @Test
  void missingMembers() {
    assertThat(detail("{}", Requests.Ack.class)).isEqualTo("member cursor is required");
    assertThat(detail("{\"cursor\": null}", Requests.Ack.class))
        .isEqualTo("member cursor is required");
    assertThat(detail("{\"cursor\": \"\"}", Requests.Ack.class))
        .isEqualTo("member cursor is required");
    assertThat(detail("{\"receiver\": \"11320500014160478L\"}", Requests.NewTransfer.class))
        .isEqualTo("member resourceCode is required");
  }

  @Test
  void wrongTypes_noCoercion_pathNamed_valueNever() {
    assertThat(detail("{\"cursor\": 12345}", Requests.Ack.class))
        .isEqualTo("member cursor must be a string");
    assertThat(detail("{\"cursor\": true}", Requests.Ack.class))
        .isEqualTo("member cursor must be a string");
    assertThat(detail("{\"cursor\": {\"a\": \"secret\"}}", Requests.Ack.class))
        .isEqualTo("member cursor must be a string");
    String transfer =
        "{\"receiver\": \"11320500014160478L\", \"resourceCode\": \"r\", \"sha256\": \""
            + SHA
            + "\"";
    assertThat(detail(transfer + ", \"size\": \"12345\"}", Requests.NewTransfer.class))
        .isEqualTo("member size must be an integer");
    assertThat(detail(transfer + ", \"size\": 12345.5}", Requests.NewTransfer.class))
        .isEqualTo("member size must be an integer");
    assertThat(detail(transfer + ", \"size\": 1, \"partSize\": false}", Requests.NewTransfer.class))
        .isEqualTo("member partSize must be an integer");
    assertThat(
            detail(
                "{\"resourceCode\": \"r\", \"eventTypes\": [\"data.updated\", 12345]}",
                Requests.NewSubscription.class))
        .isEqualTo("member eventTypes[1] must be a string");
    assertThat(
            detail(
                "{\"resourceCode\": \"r\", \"eventTypes\": \"secret\"}",
                Requests.NewSubscription.class))
        .isEqualTo("member eventTypes must be an array");
    assertThat(detail("{\"receipt\": \"secret\"}", Requests.TransferAck.class))
        .isEqualTo("member receipt must be an object");
    String objection =
        "{\"resourceCode\": \"r\", \"messageId\": \"m\", \"category\": \"other\", \"description\": \"d\"";
    assertThat(detail(objection + ", \"digest\": \"secret\"}", Requests.NewObjection.class))
        .isEqualTo("member digest must be an object");
    assertThat(
            detail(
                objection + ", \"digest\": {\"alg\": 12345, \"value\": \"" + SHA + "\"}}",
                Requests.NewObjection.class))
        .isEqualTo("member digest.alg must be a string");
  }

  @Test
  void unknownMembersIgnored_nullIsAbsent() {
    Requests.Decision d =
        Json.read(
            "{\"state\": \"approved\", \"reason\": null, \"extra\": [1, {\"x\": 2}]}"
                .getBytes(StandardCharsets.UTF_8),
            Requests.Decision.class);
    assertThat(d).isEqualTo(new Requests.Decision("approved", null));
  }
}
