package io.github.govdx.client.internal;

import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.RateLimit;
import io.github.govdx.client.RateLimiter;
import io.github.govdx.client.observation.RateLimitWait;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.core.state.StateStoreException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Takes a permit from the {@link RateLimiter} for every attempt: from the party's bucket and, for a data call to
 * a resource with its own limit, from that resource's bucket, waiting up to a bound. When no permit comes in
 * time the attempt fails with {@code GDX-3408}; when the limiter cannot answer, with {@code GDX-3418} (both
 * retryable later). Thread-safe.
 */
public final class RateLimitInterceptor implements Interceptor {

  private static final Pattern DATA_ROUTE =
      Pattern.compile("/v1/data/([0-9A-Za-z]{1,32})/([0-9A-Za-z]{1,32})/.*");

  private final RateLimiter limiter;
  private final String partyBucket;
  private final RateLimit partyLimit;
  private final Map<String, RateLimit> resourceLimits;
  private final String resourcePrefix;
  private final Duration maxWait;
  private final RetryInterceptor.Sleeper sleeper;

  /**
   * Creates the interceptor.
   *
   * @param limiter the limiter (in memory or shared)
   * @param party the calling party, which names its buckets
   * @param partyLimit the limit of all calls of the party
   * @param resourceLimits limits of data calls per resource code
   * @param maxWait the longest an attempt waits for a permit
   * @param sleeper how to wait
   */
  public RateLimitInterceptor(
      RateLimiter limiter,
      PartyId party,
      RateLimit partyLimit,
      Map<String, RateLimit> resourceLimits,
      Duration maxWait,
      RetryInterceptor.Sleeper sleeper) {
    this.limiter = Objects.requireNonNull(limiter, "limiter == null");
    this.partyBucket = "party:" + party;
    this.resourcePrefix = "resource:" + party + ":";
    this.partyLimit = Objects.requireNonNull(partyLimit, "partyLimit == null");
    this.resourceLimits = Map.copyOf(resourceLimits);
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    CallState st = chain.request().tag(CallState.class);
    if (!partyLimit.isUnlimited()) {
      take(partyBucket, partyLimit, st, "party");
    }
    if (!resourceLimits.isEmpty()) {
      Matcher m = DATA_ROUTE.matcher(chain.request().url().encodedPath());
      if (m.matches()) {
        String code = m.group(1) + "/" + m.group(2);
        RateLimit limit = resourceLimits.get(code);
        if (limit != null) {
          take(resourcePrefix + code, limit, st, "resource");
        }
      }
    }
    return chain.proceed(chain.request());
  }

  private void take(String bucket, RateLimit limit, @Nullable CallState st, String scope)
      throws IOException {
    Optional<Duration> wait;
    try {
      wait = limiter.reserve(bucket, limit, maxWait);
    } catch (StateStoreException e) {
      throw fail(
          ClientErrorCode.STATE_STORE_UNAVAILABLE,
          "the shared rate limiter could not answer (" + e.code() + "); call not sent",
          e,
          st);
    }
    if (wait.isEmpty()) {
      throw fail(
          ClientErrorCode.RATE_LIMITED_LOCALLY,
          "the client's rate limit gave no permit within " + maxWait.toMillis() + " ms",
          null,
          st);
    }
    if (!wait.get().isZero()) {
      try {
        sleeper.sleep(wait.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw fail(ClientErrorCode.CANCELLED, "interrupted waiting for a permit", null, st);
      }
      if (st != null && !st.observers().isEmpty()) {
        st.observers().rateLimitWaited(new RateLimitWait(st.operation(), scope, wait.get()));
      }
    }
  }

  private static GovdxIoException fail(
      ClientErrorCode code, String message, @Nullable Throwable cause, @Nullable CallState st) {
    return new GovdxIoException(CallState.clientError(code, message, cause, code.retryable(), st));
  }
}
