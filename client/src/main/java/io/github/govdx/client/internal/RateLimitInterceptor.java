package io.github.govdx.client.internal;

import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ExchangeClientException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Takes a permit from the client's {@link TokenBucket} for every attempt, waiting up to a bound; when no
 * permit comes in time the attempt fails with {@code GDX-3408} (retryable later). Thread-safe.
 */
public final class RateLimitInterceptor implements Interceptor {

  private final TokenBucket bucket;
  private final Duration maxWait;

  /**
   * Creates the interceptor.
   *
   * @param bucket the bucket, shared by every call of one client
   * @param maxWait the longest an attempt waits for a permit
   */
  public RateLimitInterceptor(TokenBucket bucket, Duration maxWait) {
    this.bucket = Objects.requireNonNull(bucket, "bucket == null");
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait == null");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (!bucket.tryAcquire(maxWait)) {
      CallState st = chain.request().tag(CallState.class);
      throw new GovdxIoException(
          new ExchangeClientException(
              ClientErrorCode.RATE_LIMITED_LOCALLY,
              "the client's rate limit gave no permit within " + maxWait.toMillis() + " ms",
              null,
              true,
              st == null ? null : st.requestId(),
              st == null ? 0 : st.attempts()));
    }
    return chain.proceed(chain.request());
  }
}
