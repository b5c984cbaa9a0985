package io.github.govdx.client.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.client.CircuitBreakerPolicy;
import io.github.govdx.client.ExchangeAsyncClient;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeClientBuilder;
import io.github.govdx.client.ExchangeServiceException;
import io.github.govdx.client.Fixtures;
import io.github.govdx.client.RateLimit;
import io.github.govdx.client.RetryPolicy;
import io.github.govdx.client.metrics.GovdxMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CallListener} on a real client over real HTTP: what it is told per call and per event, that a throwing
 * listener changes nothing, and {@link GovdxMeters}' circuit gauge following the breaker.
 */
class CallListenerTest {

  private StubPlatform platform;
  private final List<Object> heard = new CopyOnWriteArrayList<>();

  private final CallListener recorder =
      new CallListener() {
        @Override
        public void callCompleted(CallOutcome outcome) {
          heard.add(outcome);
        }

        @Override
        public void retryScheduled(RetryEvent event) {
          heard.add(event);
        }

        @Override
        public void circuitStateChanged(CircuitStateChange change) {
          heard.add(change);
        }

        @Override
        public void rateLimitWaited(RateLimitWait wait) {
          heard.add(wait);
        }
      };

  /** Throws from every method. */
  private static final CallListener BROKEN =
      new CallListener() {
        @Override
        public void callCompleted(CallOutcome outcome) {
          throw new IllegalStateException("listener bug");
        }

        @Override
        public void retryScheduled(RetryEvent event) {
          throw new IllegalStateException("listener bug");
        }

        @Override
        public void circuitStateChanged(CircuitStateChange change) {
          throw new IllegalStateException("listener bug");
        }

        @Override
        public void rateLimitWaited(RateLimitWait wait) {
          throw new IllegalStateException("listener bug");
        }
      };

  @BeforeEach
  void start() throws Exception {
    platform = new StubPlatform();
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  private ExchangeClientBuilder builder() {
    return ExchangeClient.builder()
        .endpoint(platform.uri())
        .party(Fixtures.HOTLINE)
        .sealing(false)
        .retryPolicy(
            RetryPolicy.builder()
                .maxAttempts(3)
                .baseDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(5))
                .build());
  }

  private <T> List<T> heard(Class<T> type) {
    return heard.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void success_afterTwo503s_isOneOutcomeOfThreeAttempts_afterTwoRetryEvents() {
    platform.statuses.add(503);
    platform.statuses.add(503);
    try (ExchangeClient c = builder().addCallListener(BROKEN).addCallListener(recorder).build()) {
      c.subscriptions().unsubscribe("sub-1");
    }
    assertThat(heard(RetryEvent.class))
        .extracting(RetryEvent::operation, RetryEvent::attempt, RetryEvent::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("subscriptions.delete", 1, "503"),
            org.assertj.core.groups.Tuple.tuple("subscriptions.delete", 2, "503"));
    CallOutcome o = heard(CallOutcome.class).get(0);
    assertThat(o.operation()).isEqualTo("subscriptions.delete");
    assertThat(o.outcome()).isEqualTo(Outcome.SUCCESS);
    assertThat(o.status()).isEqualTo(204);
    assertThat(o.attempts()).isEqualTo(3);
    assertThat(o.errorCode()).isEmpty();
    assertThat(o.endpoint()).isEqualTo("127.0.0.1");
    assertThat(o.latency()).isPositive();
    // no tracing configured: nothing added to the request
    assertThat(platform.requests).allSatisfy(h -> assertThat(h).doesNotContainKey("Traceparent"));
  }

  @Test
  void refusalAndServerError_areClassified_andAThrowingListenerChangesNeitherException() {
    platform.statuses.add(404);
    try (ExchangeClient c = builder().addCallListener(BROKEN).addCallListener(recorder).build()) {
      assertThatThrownBy(() -> c.subscriptions().unsubscribe("sub-1"))
          .isInstanceOf(ExchangeServiceException.class)
          .hasMessageStartingWith("GDX-3203");
      platform.statuses.add(500);
      platform.statuses.add(500);
      platform.statuses.add(500);
      assertThatThrownBy(() -> c.subscriptions().unsubscribe("sub-1"))
          .isInstanceOf(ExchangeServiceException.class)
          .hasMessageStartingWith("GDX-3215");
    }
    List<CallOutcome> outcomes = heard(CallOutcome.class);
    assertThat(outcomes)
        .extracting(
            CallOutcome::outcome,
            CallOutcome::status,
            o -> o.errorCode().orElse(""),
            CallOutcome::attempts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Outcome.REFUSED, 404, "GDX-3203", 1),
            org.assertj.core.groups.Tuple.tuple(Outcome.ERROR, 500, "GDX-3215", 3));
  }

  @Test
  void circuitOpens_listenerAndGaugeSeeIt_andTheFailFastCallIsAnErrorWithoutStatus() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    for (int i = 0; i < 10; i++) {
      platform.statuses.add(500);
    }
    try (ExchangeClient c =
        builder()
            .retryPolicy(RetryPolicy.none())
            .circuitBreaker(
                CircuitBreakerPolicy.builder()
                    .failureThreshold(2)
                    .openDuration(Duration.ofMinutes(1))
                    .build())
            .addCallListener(BROKEN)
            .addCallListener(recorder)
            .addCallListener(GovdxMeters.create(registry))
            .build()) {
      assertThatThrownBy(() -> c.subscriptions().unsubscribe("a"));
      assertThat(
              registry
                  .get(GovdxMeters.CLIENT_CIRCUIT_STATE)
                  .tag("endpoint", "127.0.0.1")
                  .gauge()
                  .value())
          .isEqualTo(0);
      assertThatThrownBy(() -> c.subscriptions().unsubscribe("a"));
      assertThatThrownBy(() -> c.subscriptions().unsubscribe("a"))
          .hasMessageStartingWith("GDX-3407");
    }
    assertThat(heard(CircuitStateChange.class))
        .containsExactly(
            new CircuitStateChange("127.0.0.1", CircuitState.CLOSED, CircuitState.OPEN));
    assertThat(
            registry
                .get(GovdxMeters.CLIENT_CIRCUIT_STATE)
                .tag("endpoint", "127.0.0.1")
                .gauge()
                .value())
        .isEqualTo(2);
    CallOutcome failFast = heard(CallOutcome.class).get(2);
    assertThat(failFast.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(failFast.status()).isZero();
    assertThat(failFast.errorCode()).hasValue("GDX-3407");
    assertThat(platform.requests).hasSize(2);
  }

  @Test
  void rateLimitWait_isReported_withItsScope() {
    try (ExchangeClient c =
        builder()
            .rateLimit(RateLimit.perSecond(20, 1))
            .addCallListener(BROKEN)
            .addCallListener(recorder)
            .build()) {
      c.subscriptions().unsubscribe("a");
      c.subscriptions().unsubscribe("a");
    }
    List<RateLimitWait> waits = heard(RateLimitWait.class);
    assertThat(waits).isNotEmpty();
    assertThat(waits.get(0).operation()).isEqualTo("subscriptions.delete");
    assertThat(waits.get(0).scope()).isEqualTo("party");
    assertThat(waits.get(0).waited()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(60));
  }

  @Test
  void asyncCall_isReportedToo() {
    platform.statuses.add(404);
    try (ExchangeAsyncClient c = builder().addCallListener(recorder).buildAsync()) {
      assertThatThrownBy(() -> c.subscriptions().unsubscribe("b").join())
          .isInstanceOf(CompletionException.class);
      c.subscriptions().unsubscribe("a").join();
    }
    assertThat(heard(CallOutcome.class))
        .extracting(CallOutcome::outcome)
        .containsExactlyInAnyOrder(Outcome.REFUSED, Outcome.SUCCESS);
  }
}
