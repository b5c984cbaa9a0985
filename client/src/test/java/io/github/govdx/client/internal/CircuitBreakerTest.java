package io.github.govdx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.CircuitBreakerPolicy;
import io.github.govdx.client.internal.CircuitBreaker.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2024-11-24T12:00:00Z"));
  private final CircuitBreakerPolicy policy =
      CircuitBreakerPolicy.builder()
          .failureThreshold(3)
          .window(Duration.ofSeconds(10))
          .openDuration(Duration.ofSeconds(30))
          .halfOpenProbes(2)
          .build();

  private CircuitBreaker tripped() {
    CircuitBreaker breaker = new CircuitBreaker(policy, clock);
    for (int i = 0; i < 3; i++) {
      assertThat(breaker.allowRequest()).isTrue();
      breaker.recordFailure();
    }
    return breaker;
  }

  @Test
  void closed_thresholdFailuresWithinWindow_opens() {
    CircuitBreaker breaker = new CircuitBreaker(policy, clock);
    breaker.recordFailure();
    breaker.recordFailure();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);

    breaker.recordFailure();

    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.allowRequest()).isFalse();
  }

  @Test
  void closed_failuresSpreadBeyondWindow_staysClosed() {
    CircuitBreaker breaker = new CircuitBreaker(policy, clock);
    for (int i = 0; i < 10; i++) {
      breaker.recordFailure();
      clock.advance(Duration.ofSeconds(6));
    }

    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.allowRequest()).isTrue();
  }

  @Test
  void open_afterOpenDuration_halfOpenWithLimitedProbes() {
    CircuitBreaker breaker = tripped();
    clock.advance(Duration.ofSeconds(29));
    assertThat(breaker.allowRequest()).isFalse();

    clock.advance(Duration.ofSeconds(1));

    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    assertThat(breaker.allowRequest()).isTrue();
    assertThat(breaker.allowRequest()).isTrue();
    assertThat(breaker.allowRequest()).isFalse();
  }

  @Test
  void halfOpen_allProbesSucceed_closes() {
    CircuitBreaker breaker = tripped();
    clock.advance(Duration.ofSeconds(30));
    breaker.allowRequest();
    breaker.allowRequest();

    breaker.recordSuccess();
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    breaker.recordSuccess();

    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    breaker.recordFailure();
    breaker.recordFailure();
    assertThat(breaker.state()).as("failure count was cleared").isEqualTo(State.CLOSED);
  }

  @Test
  void halfOpen_probeFails_reopensForFullDuration() {
    CircuitBreaker breaker = tripped();
    clock.advance(Duration.ofSeconds(30));
    breaker.allowRequest();

    breaker.recordFailure();

    assertThat(breaker.state()).isEqualTo(State.OPEN);
    clock.advance(Duration.ofSeconds(29));
    assertThat(breaker.allowRequest()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(breaker.allowRequest()).isTrue();
  }

  @Test
  void disabled_neverOpens() {
    CircuitBreaker breaker = new CircuitBreaker(CircuitBreakerPolicy.disabled(), clock);
    for (int i = 0; i < 1000; i++) {
      breaker.recordFailure();
    }

    assertThat(breaker.allowRequest()).isTrue();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void halfOpen_unresolvedProbes_newProbesAfterOpenDuration() {
    CircuitBreaker breaker = tripped();
    clock.advance(Duration.ofSeconds(30));
    assertThat(breaker.allowRequest()).isTrue();
    assertThat(breaker.allowRequest()).isTrue();
    assertThat(breaker.allowRequest()).isFalse();

    clock.advance(Duration.ofSeconds(29));
    assertThat(breaker.allowRequest()).isFalse();
    clock.advance(Duration.ofSeconds(1));

    assertThat(breaker.allowRequest()).isTrue();
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
  }
}
