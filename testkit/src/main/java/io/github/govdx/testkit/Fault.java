package io.github.govdx.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A fault the sandbox injects into the requests of one {@link Route}: added latency, an error status (with or
 * without {@code Retry-After}), or a dropped connection. Injected with
 * {@link ExchangeSandbox#inject(Route, Fault)}.
 *
 * <pre>{@code
 * sandbox.inject(Route.DATA_PUSH, Fault.status(503).retryAfter(Duration.ofSeconds(1)).times(2));
 * sandbox.inject(Route.DATA_PUSH, Fault.connectionReset().afterHandling().times(1)); // a lost response
 * sandbox.inject(Route.DATA_QUERY, Fault.latency(Duration.ofMillis(200)));
 * }</pre>
 *
 * <p>An error status is answered with the protocol's error body for that status ({@code docs/protocol.md} §3 and
 * §14): {@code 429} → {@code GDX-3108} (gateway), {@code 500} → {@code GDX-3215}, {@code 502} → {@code GDX-3212},
 * {@code 503} → {@code GDX-3214}, {@code 504} → {@code GDX-3213}, {@code 401} → {@code GDX-3102} (gateway),
 * {@code 403} → {@code GDX-3107} (gateway); other statuses → {@code GDX-3215}. {@link #plainBody(String)} answers
 * with a non-govdx text body instead, as a provincial gateway would. A connection reset closes the connection
 * without any response (the client sees the stream end).
 *
 * <p>A fault applies to every matching request until cleared, or to the next {@link #times(int)} requests.
 * {@link #afterHandling()} makes the sandbox execute the request first and fault the response (the caller cannot
 * tell whether the request took effect: what an idempotent retry must survive).
 *
 * <p>Immutable and thread-safe.
 */
public final class Fault {

  /** What the fault does. */
  public enum Kind {
    /** Delays the request. */
    LATENCY,
    /** Answers with an error status. */
    STATUS,
    /** Closes the connection without a response. */
    CONNECTION_RESET
  }

  private final Kind kind;
  private final Duration latency;
  private final int status;
  private final @Nullable Duration retryAfter;
  private final @Nullable String plainBody;
  private final int times;
  private final boolean afterHandling;

  private Fault(
      Kind kind,
      Duration latency,
      int status,
      @Nullable Duration retryAfter,
      @Nullable String plainBody,
      int times,
      boolean afterHandling) {
    this.kind = kind;
    this.latency = latency;
    this.status = status;
    this.retryAfter = retryAfter;
    this.plainBody = plainBody;
    this.times = times;
    this.afterHandling = afterHandling;
  }

  /**
   * A fault that delays each matching request by {@code latency} before it is handled.
   *
   * @param latency the delay, not negative
   * @return the fault
   * @throws NullPointerException if {@code latency} is null
   * @throws IllegalArgumentException if {@code latency} is negative
   */
  public static Fault latency(Duration latency) {
    Objects.requireNonNull(latency, "latency == null");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency < 0: " + latency);
    }
    return new Fault(Kind.LATENCY, latency, 0, null, null, 0, false);
  }

  /**
   * A fault that answers each matching request with {@code status} and the protocol's error body for it.
   *
   * @param status an HTTP status from 400 to 599
   * @return the fault
   * @throws IllegalArgumentException if {@code status} is not 400–599
   */
  public static Fault status(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400-599: " + status);
    }
    return new Fault(Kind.STATUS, Duration.ZERO, status, null, null, 0, false);
  }

  /**
   * A fault that closes the connection without sending a response.
   *
   * @return the fault
   */
  public static Fault connectionReset() {
    return new Fault(Kind.CONNECTION_RESET, Duration.ZERO, 0, null, null, 0, false);
  }

  /**
   * Adds {@code Retry-After} (whole seconds, rounded up) to a status fault.
   *
   * @param retryAfter the delay to announce, not negative
   * @return a copy with the header
   * @throws NullPointerException if {@code retryAfter} is null
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   * @throws IllegalStateException if this is not a status fault
   */
  public Fault retryAfter(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter == null");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter < 0: " + retryAfter);
    }
    if (kind != Kind.STATUS) {
      throw new IllegalStateException("Retry-After only applies to a status fault");
    }
    return new Fault(kind, latency, status, retryAfter, plainBody, times, afterHandling);
  }

  /**
   * Answers a status fault with {@code text/plain} {@code body} instead of a govdx error body, as a gateway that
   * is not govdx-aware does.
   *
   * @param body the text body
   * @return a copy with the plain body
   * @throws NullPointerException if {@code body} is null
   * @throws IllegalStateException if this is not a status fault
   */
  public Fault plainBody(String body) {
    Objects.requireNonNull(body, "body == null");
    if (kind != Kind.STATUS) {
      throw new IllegalStateException("a plain body only applies to a status fault");
    }
    return new Fault(kind, latency, status, retryAfter, body, times, afterHandling);
  }

  /**
   * Limits the fault to the next {@code n} matching requests (default: every request until cleared).
   *
   * @param n at least 1
   * @return a copy with the limit
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Fault times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times < 1: " + n);
    }
    return new Fault(kind, latency, status, retryAfter, plainBody, n, afterHandling);
  }

  /**
   * Executes each matching request first, then replaces its response with this fault (status or reset), or
   * delays the response (latency).
   *
   * @return a copy that applies after handling
   */
  public Fault afterHandling() {
    return new Fault(kind, latency, status, retryAfter, plainBody, times, true);
  }

  /**
   * What this fault does.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The added latency ({@link Kind#LATENCY}; zero otherwise).
   *
   * @return the latency
   */
  public Duration latencyValue() {
    return latency;
  }

  /**
   * The status ({@link Kind#STATUS}; 0 otherwise).
   *
   * @return the status
   */
  public int statusValue() {
    return status;
  }

  /**
   * The announced {@code Retry-After}, if any.
   *
   * @return the delay, or empty
   */
  public Optional<Duration> retryAfterValue() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * The plain text body replacing the govdx error body, if any.
   *
   * @return the body, or empty
   */
  public Optional<String> plainBodyValue() {
    return Optional.ofNullable(plainBody);
  }

  /**
   * How many requests this fault applies to; 0 means every request until cleared.
   *
   * @return the count
   */
  public int timesValue() {
    return times;
  }

  /**
   * Whether the request is executed before the fault applies.
   *
   * @return {@code true} after {@link #afterHandling()}
   */
  public boolean isAfterHandling() {
    return afterHandling;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Fault)) {
      return false;
    }
    Fault f = (Fault) o;
    return kind == f.kind
        && status == f.status
        && times == f.times
        && afterHandling == f.afterHandling
        && latency.equals(f.latency)
        && Objects.equals(retryAfter, f.retryAfter)
        && Objects.equals(plainBody, f.plainBody);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, latency, status, retryAfter, plainBody, times, afterHandling);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Fault{").append(kind);
    if (kind == Kind.LATENCY) {
      sb.append(' ').append(latency.toMillis()).append(" ms");
    }
    if (kind == Kind.STATUS) {
      sb.append(' ').append(status);
    }
    if (retryAfter != null) {
      sb.append(", retryAfter=").append(retryAfter.toSeconds()).append(" s");
    }
    if (plainBody != null) {
      sb.append(", plain body");
    }
    if (times > 0) {
      sb.append(", times=").append(times);
    }
    if (afterHandling) {
      sb.append(", after handling");
    }
    return sb.append('}').toString();
  }
}
