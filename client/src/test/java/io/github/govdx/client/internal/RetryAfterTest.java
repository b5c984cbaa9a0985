package io.github.govdx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

  // RFC 9110 §5.6.7 example instant: Sun, 06 Nov 1994 08:49:37 GMT; "now" is 37 s earlier.
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("1994-11-06T08:49:00Z"), ZoneOffset.UTC);

  @Test
  void parse_deltaSeconds() {
    assertThat(RetryAfter.parse("120", CLOCK)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", CLOCK)).contains(Duration.ZERO);
  }

  @Test
  void parse_deltaSeconds_capped() {
    assertThat(RetryAfter.parse("86400", CLOCK)).contains(RetryAfter.DEFAULT_CAP);
    assertThat(RetryAfter.parse("99999999999999999999", CLOCK, Duration.ofSeconds(10)))
        .contains(Duration.ofSeconds(10));
    assertThat(RetryAfter.parse("9999999999999", CLOCK)).contains(RetryAfter.DEFAULT_CAP);
  }

  @Test
  void parse_allThreeHttpDateForms() {
    assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", CLOCK))
        .contains(Duration.ofSeconds(37));
    assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", CLOCK))
        .contains(Duration.ofSeconds(37));
    assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", CLOCK))
        .contains(Duration.ofSeconds(37));
  }

  @Test
  void parse_dateInThePast_zero() {
    assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:48:00 GMT", CLOCK)).contains(Duration.ZERO);
  }

  @Test
  void parse_farFutureDate_capped() {
    assertThat(RetryAfter.parse("Fri, 01 Jan 2100 00:00:00 GMT", CLOCK))
        .contains(RetryAfter.DEFAULT_CAP);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "-5",
        "1.5",
        "soon",
        "12abc",
        "Mon, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 PST",
        "Sun, 32 Nov 1994 08:49:37 GMT",
        "0x10",
        "1111111111111111111111111111111111111111111111111111111111111111111111"
      })
  void parse_garbage_empty(String value) {
    assertThat(RetryAfter.parse(value, CLOCK)).isEmpty();
  }

  @Test
  void parse_null_empty() {
    assertThat(RetryAfter.parse(null, CLOCK)).isEmpty();
  }
}
