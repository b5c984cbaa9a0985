package io.github.govdx.client.internal;

import io.github.govdx.client.CircuitBreakerPolicy;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
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
  private final @Nullable BiConsumer<State, State> onChange;
  private final List<State[]> changes = new ArrayList<>();
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
    this(policy, clock, null);
  }

  /**
   * Creates a closed breaker that reports its state changes.
   *
   * @param policy the policy
   * @param clock the clock for the window and open duration
   * @param onChange told (from, to) of every change, outside the breaker's lock, or {@code null}
   * @throws NullPointerException if the policy or the clock is {@code null}
   */
  public CircuitBreaker(
      CircuitBreakerPolicy policy, Clock clock, @Nullable BiConsumer<State, State> onChange) {
    this.policy = Objects.requireNonNull(policy, "policy == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.onChange = onChange;
  }

  /** Tells the listener of the changes made under the lock, after releasing it. */
  private void fire() {
    if (onChange == null) {
      return;
    }
    List<State[]> done;
    synchronized (this) {
      if (changes.isEmpty()) {
        return;
      }
      done = new ArrayList<>(changes);
      changes.clear();
    }
    for (State[] c : done) {
      onChange.accept(c[0], c[1]);
    }
  }

  private void moveTo(State to) {
    if (onChange != null && state != to) {
      changes.add(new State[] {state, to});
    }
    state = to;
  }

  /**
   * Returns whether a call may proceed now; in half-open state this claims one probe slot.
   *
   * @return {@code true} if the call may proceed
   */
  public boolean allowRequest() {
    boolean allowed = allow();
    fire();
    return allowed;
  }

  private synchronized boolean allow() {
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
  public void recordSuccess() {
    success();
    fire();
  }

  private synchronized void success() {
    if (!policy.enabled()) {
      return;
    }
    if (advance() == State.HALF_OPEN) {
      probesSucceeded++;
      if (probesSucceeded >= policy.halfOpenProbes()) {
        LOG.debug("circuit breaker closed after {} successful probes", probesSucceeded);
        moveTo(State.CLOSED);
        failureTimes.clear();
      }
    }
  }

  /** Records a failed call (a transport failure or a retryable status). */
  public void recordFailure() {
    failure();
    fire();
  }

  private synchronized void failure() {
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
  public State state() {
    State now;
    synchronized (this) {
      now = policy.enabled() ? advance() : State.CLOSED;
    }
    fire();
    return now;
  }

  private State advance() {
    if (state == State.OPEN && clock.millis() - openedAt >= policy.openDuration().toMillis()) {
      LOG.debug("circuit breaker half-open");
      moveTo(State.HALF_OPEN);
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
    moveTo(State.OPEN);
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
