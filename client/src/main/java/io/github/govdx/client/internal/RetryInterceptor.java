package io.github.govdx.client.internal;

import io.github.govdx.client.RetryPolicy;
import io.github.govdx.client.observation.RetryEvent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries an attempt that failed transiently — a connection failure, a timeout, or a status the
 * {@link RetryPolicy} calls retryable (408, 429, 500, 502, 503, 504) — with jittered exponential backoff,
 * waiting at least as long as the response's {@code Retry-After} asks. Only calls that are safe to repeat are
 * retried: {@code GET}/{@code DELETE}, data queries (sealed afresh per attempt) and calls carrying an
 * {@code Idempotency-Key} (pushes re-send the identical envelope). Failures govdx itself raised inside the
 * pipeline (envelope, binding, circuit open, local rate limit) are never retried. Thread-safe.
 */
public final class RetryInterceptor implements Interceptor {

  /** Sleeps; replaceable in tests. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Sleeps.
     *
     * @param d how long
     * @throws InterruptedException if interrupted
     */
    void sleep(Duration d) throws InterruptedException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);

  private final RetryPolicy policy;
  private final Clock clock;
  private final @Nullable RandomGenerator random;
  private final Sleeper sleeper;

  /**
   * Creates the interceptor.
   *
   * @param policy the retry policy
   * @param clock the clock (for HTTP-date {@code Retry-After})
   * @param random the jitter source, or {@code null} for {@link ThreadLocalRandom}
   * @param sleeper how to wait
   */
  public RetryInterceptor(
      RetryPolicy policy, Clock clock, @Nullable RandomGenerator random, Sleeper sleeper) {
    this.policy = Objects.requireNonNull(policy, "policy == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.random = random;
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
  }

  /**
   * Whether a request may be repeated.
   *
   * @param request the request
   * @return {@code true} for idempotent methods, data queries and requests with an idempotency key
   */
  static boolean safeToRetry(Request request) {
    CallState st = request.tag(CallState.class);
    if (st != null) {
      return st.safeToRetry();
    }
    String m = request.method();
    return m.equals("GET")
        || m.equals("HEAD")
        || m.equals("DELETE")
        || m.equals("PUT")
        || request.header("Idempotency-Key") != null;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    int max = safeToRetry(request) ? policy.maxAttempts() : 1;
    for (int attempt = 1; ; attempt++) {
      Duration wait;
      String why;
      String reason;
      try {
        Response r = chain.proceed(request);
        if (attempt >= max || !policy.isRetryableStatus(r.code())) {
          return r;
        }
        Duration backoff =
            policy.backoff(attempt, random != null ? random : ThreadLocalRandom.current());
        Duration retryAfter = RetryAfter.parse(r.header("Retry-After"), clock).orElse(null);
        wait = retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
        reason = Integer.toString(r.code());
        why =
            "HTTP "
                + r.code()
                + (retryAfter != null ? " (Retry-After " + retryAfter.toMillis() + " ms)" : "");
        r.close();
      } catch (GovdxIoException e) {
        throw e;
      } catch (IOException e) {
        if (attempt >= max || chain.call().isCanceled() || isInterrupt(e)) {
          throw e;
        }
        wait = policy.backoff(attempt, random != null ? random : ThreadLocalRandom.current());
        why = e.getClass().getSimpleName();
        reason =
            e instanceof java.net.SocketTimeoutException || "timeout".equals(e.getMessage())
                ? "timeout"
                : "io";
      }
      CallState st = request.tag(CallState.class);
      if (st != null && !st.observers().isEmpty()) {
        st.observers()
            .retryScheduled(
                new RetryEvent(st.operation(), request.url().host(), attempt, reason, wait));
      }
      LOG.debug(
          "retrying {} {} after {}: attempt {} of {} in {} ms",
          request.method(),
          request.url().encodedPath(),
          why,
          attempt + 1,
          max,
          wait.toMillis());
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException ie =
            new InterruptedIOException("interrupted while waiting to retry");
        ie.initCause(e);
        throw ie;
      }
    }
  }

  private static boolean isInterrupt(@Nullable IOException e) {
    return e instanceof InterruptedIOException
        && !(e instanceof java.net.SocketTimeoutException)
        && !"timeout".equals(e.getMessage());
  }
}
