package io.github.govdx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      RetryPolicy.builder()
          .maxAttempts(6)
          .baseDelay(Duration.ofMillis(100))
          .maxDelay(Duration.ofMillis(1000))
          .build();

  @Test
  void backoff_staysWithinExponentialCeilingCappedByMaxDelay() {
    SplittableRandom rnd = new SplittableRandom(42);
    long[] ceilings = {100, 200, 400, 800, 1000, 1000, 1000};
    for (int attempt = 1; attempt <= ceilings.length; attempt++) {
      for (int i = 0; i < 2000; i++) {
        long millis = policy.backoff(attempt, rnd).toMillis();
        assertThat(millis).as("attempt %d", attempt).isBetween(0L, ceilings[attempt - 1]);
      }
    }
    assertThat(policy.backoff(Integer.MAX_VALUE, rnd)).isLessThanOrEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void backoff_fullJitter_isRoughlyUniformOverTheWholeRange() {
    SplittableRandom rnd = new SplittableRandom(7);
    int samples = 20_000;
    int[] buckets = new int[10];
    long sum = 0;
    for (int i = 0; i < samples; i++) {
      long millis = policy.backoff(4, rnd).toMillis();
      sum += millis;
      buckets[(int) Math.min(9, millis / 80)]++;
    }
    double mean = (double) sum / samples;
    assertThat(mean).isBetween(380.0, 420.0);
    for (int count : buckets) {
      assertThat(count).isBetween(samples / 10 - 400, samples / 10 + 400);
    }
    assertThat(
            IntStream.range(0, 1000)
                .mapToLong(i -> policy.backoff(1, rnd).toMillis())
                .distinct()
                .count())
        .isGreaterThan(90);
  }

  @Test
  void backoff_zeroBase_isZero() {
    RetryPolicy zero = RetryPolicy.builder().baseDelay(Duration.ZERO).build();
    assertThat(zero.backoff(3, new SplittableRandom(1))).isEqualTo(Duration.ZERO);
  }

  @Test
  void backoff_attemptBelowOne_throws() {
    assertThatThrownBy(() -> policy.backoff(0, new SplittableRandom(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isRetryableStatus_onlyTransientStatuses() {
    assertThat(IntStream.rangeClosed(100, 599).filter(policy::isRetryableStatus).boxed().toList())
        .containsExactly(408, 429, 500, 502, 503, 504);
  }

  @Test
  void factories_defaultAndNone() {
    assertThat(RetryPolicy.defaultPolicy().maxAttempts()).isEqualTo(3);
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(RetryPolicy.defaultPolicy().toBuilder().build())
        .isEqualTo(RetryPolicy.defaultPolicy());
  }

  @Test
  void builder_invalid_rejected() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .baseDelay(Duration.ofSeconds(10))
                    .maxDelay(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseDelay");
  }

  @Test
  void equalsAndHashCode() {
    EqualsVerifier.forClass(ImmutableRetryPolicy.class)
        .suppress(Warning.NULL_FIELDS, Warning.INHERITED_DIRECTLY_FROM_OBJECT)
        .verify();
    EqualsVerifier.forClass(ImmutableCircuitBreakerPolicy.class)
        .suppress(Warning.NULL_FIELDS, Warning.INHERITED_DIRECTLY_FROM_OBJECT)
        .verify();
  }
}
