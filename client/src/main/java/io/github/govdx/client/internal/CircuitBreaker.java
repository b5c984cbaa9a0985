package io.github.govdx.client.internal;

import io.github.govdx.client.CircuitBreakerPolicy;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit breaker state machine for a {@link CircuitBreakerPolicy}.
 *
 * <ul>
 *   <li>{@link State#CLOSED}: calls pass; failures are counted within the policy window; reaching the threshold
 *       opens the breaker. Successes do not reset the count (failures age out of the window).</li>
 *   <li>{@link State#OPEN}: {@link #allowRequest()} is {@code false} until the open duration has passed, then the
 *       breaker is half-open.</li>
 *   <li>{@link State#HALF_OPEN}: up to {@code halfOpenProbes} calls pass; when that many succeed the breaker closes
 *       (failure count cleared); any failure opens it again for a full open duration.</li>
 * </ul>
 * A disabled policy always allows and stays closed. Callers should pair every allowed request with exactly one
 * {@link #recordSuccess()} or {@link #recordFailure()}; if half-open probes stay unresolved for a whole open
 * duration (a cancelled call), new probe slots are issued so the breaker cannot stay wedged.
 *
 * <p>Thread-safe.
 */
public final class CircuitBreaker {

  /** Breaker states. */
  public enum State {
    /** Calls pass. */
    CLOSED,
    /** Calls fail fast. */
    OPEN,
    /** A limited number of probe calls pass. */
    HALF_OPEN
  }

  private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

  private final CircuitBreakerPolicy policy;
  private final Clock clock;
  private final ArrayDeque<Long> failureTimes = new ArrayDeque<>();
  private State state = State.CLOSED;
  private long openedAt;
  private long halfOpenSince;
  private int probesIssued;
  private int probesSucceeded;

  /**
   * Creates a closed breaker.
   *
   * @param policy the policy
   * @param clock the clock for the window and open duration
   * @throws NullPointerException if an argument is {@code null}
   */
  public CircuitBreaker(CircuitBreakerPolicy policy, Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * Returns whether a call may proceed now; in half-open state this claims one probe slot.
   *
   * @return {@code true} if the call may proceed
   */
  public synchronized boolean allowRequest() {
    if (!policy.enabled()) {
      return true;
    }
    switch (advance()) {
      case CLOSED:
        return true;
      case HALF_OPEN:
        if (probesIssued < policy.halfOpenProbes()) {
          probesIssued++;
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  /** Records a successful call. */
  public synchronized void recordSuccess() {
    if (!policy.enabled()) {
      return;
    }
    if (advance() == State.HALF_OPEN) {
      probesSucceeded++;
      if (probesSucceeded >= policy.halfOpenProbes()) {
        LOG.debug("circuit breaker closed after {} successful probes", probesSucceeded);
        state = State.CLOSED;
        failureTimes.clear();
      }
    }
  }

  /** Records a failed call (a transport failure or a retryable status). */
  public synchronized void recordFailure() {
    if (!policy.enabled()) {
      return;
    }
    long now = clock.millis();
    switch (advance()) {
      case CLOSED:
        failureTimes.addLast(now);
        evictOld(now);
        if (failureTimes.size() >= policy.failureThreshold()) {
          open(now);
        }
        break;
      case HALF_OPEN:
        open(now);
        break;
      default:
        break;
    }
  }

  /**
   * Returns the current state (an open breaker whose open duration has passed reports half-open).
   *
   * @return the state
   */
  public synchronized State state() {
    return policy.enabled() ? advance() : State.CLOSED;
  }

  private State advance() {
    if (state == State.OPEN && clock.millis() - openedAt >= policy.openDuration().toMillis()) {
      LOG.debug("circuit breaker half-open");
      state = State.HALF_OPEN;
      halfOpenSince = clock.millis();
      probesIssued = 0;
      probesSucceeded = 0;
    } else if (state == State.HALF_OPEN
        && probesIssued >= policy.halfOpenProbes()
        && clock.millis() - halfOpenSince >= policy.openDuration().toMillis()) {
      // probes whose outcome was never recorded (cancelled calls) must not wedge the breaker
      LOG.debug(
          "circuit breaker probes unresolved for {}: issuing new probes", policy.openDuration());
      halfOpenSince = clock.millis();
      probesIssued = 0;
      probesSucceeded = 0;
    }
    return state;
  }

  private void open(long now) {
    LOG.debug("circuit breaker opened for {}", policy.openDuration());
    state = State.OPEN;
    openedAt = now;
    failureTimes.clear();
  }

  private void evictOld(long now) {
    long windowMillis = policy.window().toMillis();
    while (!failureTimes.isEmpty() && now - failureTimes.peekFirst() >= windowMillis) {
      failureTimes.removeFirst();
    }
  }

  @Override
  public synchronized String toString() {
    return "CircuitBreaker{" + state + ", " + policy + "}";
  }
}
