package io.github.govdx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  void perSecond_keepsValues() {
    RateLimit limit = RateLimit.perSecond(2.5, 4);
    assertThat(limit.permitsPerSecond()).isEqualTo(2.5);
    assertThat(limit.burst()).isEqualTo(4);
    assertThat(limit.isUnlimited()).isFalse();
    assertThat(limit.toString()).contains("2.5").contains("4");
  }

  @Test
  void unlimited_isUnlimited() {
    assertThat(RateLimit.unlimited().isUnlimited()).isTrue();
    assertThat(RateLimit.unlimited())
        .isEqualTo(new RateLimit(Double.POSITIVE_INFINITY, Integer.MAX_VALUE));
    assertThat(RateLimit.unlimited().toString()).isEqualTo("RateLimit{unlimited}");
    assertThatThrownBy(() -> new RateLimit(Double.POSITIVE_INFINITY, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equality_byValue() {
    RateLimit limit = RateLimit.perSecond(2.5, 4);
    assertThat(limit).isEqualTo(new RateLimit(2.5, 4)).hasSameHashCodeAs(new RateLimit(2.5, 4));
    assertThat(limit)
        .isNotEqualTo(RateLimit.perSecond(2.5, 5))
        .isNotEqualTo(RateLimit.perSecond(3, 4));
  }

  @Test
  void perSecond_invalid_rejected() {
    assertThatThrownBy(() -> RateLimit.perSecond(0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimit.perSecond(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimit.perSecond(1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void circuitBreakerPolicy_defaultsAndValidation() {
    CircuitBreakerPolicy policy = CircuitBreakerPolicy.defaultPolicy();
    assertThat(policy.enabled()).isTrue();
    assertThat(policy.failureThreshold()).isEqualTo(5);
    assertThat(policy.openDuration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(CircuitBreakerPolicy.disabled().enabled()).isFalse();
    assertThatThrownBy(() -> CircuitBreakerPolicy.builder().window(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CircuitBreakerPolicy.builder().halfOpenProbes(0).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
