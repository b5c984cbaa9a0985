package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

class FaultTest {

  @Test
  void equalsAndHashCode() {
    EqualsVerifier.forClass(Fault.class).verify();
  }

  @Test
  void builders_validateAndCopy() {
    Fault f = Fault.status(503).retryAfter(Duration.ofMillis(1500)).times(2).afterHandling();
    assertThat(f.statusValue()).isEqualTo(503);
    assertThat(f.retryAfterValue()).contains(Duration.ofMillis(1500));
    assertThat(f.timesValue()).isEqualTo(2);
    assertThat(f.isAfterHandling()).isTrue();
    assertThat(f.toString()).contains("503").contains("times=2");
    assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.latency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.connectionReset().retryAfter(Duration.ZERO))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Fault.latency(Duration.ZERO).times(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
