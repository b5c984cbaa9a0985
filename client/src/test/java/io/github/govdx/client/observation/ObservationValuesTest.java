package io.github.govdx.client.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

class ObservationValuesTest {

  @Test
  void equalsAndHashCode() {
    EqualsVerifier.forClass(ImmutableCallOutcome.class).verify();
    EqualsVerifier.forClass(ImmutableProviderOutcome.class).verify();
  }

  @Test
  void callOutcome_accessorsAndToString() {
    CallOutcome o =
        CallOutcome.of(
            "data.query",
            "exchange.example.gov.cn",
            Outcome.REFUSED,
            200,
            "GDX-3406",
            "GDX-2303",
            Duration.ofMillis(12),
            1);
    assertThat(o.errorCode()).hasValue("GDX-3406");
    assertThat(o.envelopeErrorCode()).hasValue("GDX-2303");
    assertThat(o.toString())
        .isEqualTo(
            "CallOutcome{data.query, refused, status=200, code=GDX-3406, envelopeCode=GDX-2303,"
                + " latency=12ms, attempts=1}");
    assertThat(
            CallOutcome.of("data.push", "h", Outcome.SUCCESS, 201, null, null, Duration.ZERO, 1)
                .errorCode())
        .isEmpty();
    assertThatThrownBy(
            () -> CallOutcome.of(null, "h", Outcome.SUCCESS, 201, null, null, Duration.ZERO, 1))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void providerOutcome_accessorsAndToString() {
    ProviderOutcome o =
        ProviderOutcome.of(
            "data.push", Outcome.SUCCESS, 201, null, null, true, Duration.ofMillis(3));
    assertThat(o.replayed()).isTrue();
    assertThat(o.envelopeErrorCode()).isEmpty();
    assertThat(o.toString())
        .isEqualTo("ProviderOutcome{data.push, success, status=201, replayed, latency=3ms}");
  }

  @Test
  void enums_tagAndGaugeValues() {
    assertThat(Outcome.REFUSED.tagValue()).isEqualTo("refused");
    assertThat(CircuitState.CLOSED.gaugeValue()).isZero();
    assertThat(CircuitState.HALF_OPEN.gaugeValue()).isEqualTo(1);
    assertThat(CircuitState.OPEN.gaugeValue()).isEqualTo(2);
  }
}
