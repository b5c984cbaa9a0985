package io.github.govdx.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void issueRead_roundTrip_boundExpiringAndTamperEvident() {
    Instant t0 = Instant.parse("2026-11-24T08:00:00Z");
    Clock[] clock = {Clock.fixed(t0, ZoneOffset.UTC)};
    Tokens tokens =
        new Tokens(
            new Clock() {
              @Override
              public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
              }

              @Override
              public Clock withZone(java.time.ZoneId zone) {
                return this;
              }

              @Override
              public Instant instant() {
                return clock[0].instant();
              }
            });
    String binding = Tokens.binding("11320500014160478L", Map.of("q", "户籍", "pageSize", "2"));
    assertThat(binding)
        .isEqualTo(Tokens.binding("11320500014160478L", Map.of("q", "户籍", "pageSize", "50")));
    String t = tokens.issue(binding, 40);
    assertThat(tokens.read(t, binding, true)).isEqualTo(40);
    assertThatThrownBy(() -> tokens.read(t, binding + "x", true)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> tokens.read("abc", binding, true)).isInstanceOf(ApiException.class);
    assertThatThrownBy(
            () -> tokens.read(new Tokens(Clock.systemUTC()).issue(binding, 40), binding, true))
        .as("another sandbox's key")
        .isInstanceOf(ApiException.class);
    clock[0] = Clock.fixed(t0.plus(Duration.ofMinutes(61)), ZoneOffset.UTC);
    assertThatThrownBy(() -> tokens.read(t, binding, true)).isInstanceOf(ApiException.class);
    assertThat(tokens.read(t, binding, false)).as("cursors do not expire by age").isEqualTo(40);
  }
}
