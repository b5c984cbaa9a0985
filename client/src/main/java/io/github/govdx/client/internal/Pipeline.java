package io.github.govdx.client.internal;

import io.github.govdx.core.party.PartyId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Assembles the govdx interceptor chain on a copy of an {@link OkHttpClient} (derived with
 * {@code newBuilder()}, so a caller's client keeps its connection pool and dispatcher and is never changed).
 * Order, outermost first: request id; retries; circuit breaker; rate limit; per-call timeout; attempt
 * counting and buffering; trace context ({@code traceparent}, only with tracing on); sealing; gateway
 * authentication; masked logging. Each attempt thus gets a fresh
 * rate-limit permit, circuit check, envelope (queries) and gateway signature, and is logged as sent.
 */
public final class Pipeline {

  private Pipeline() {}

  /**
   * Builds the pipeline client.
   *
   * @param base the client to derive from
   * @param self the calling party
   * @param clock the clock
   * @param connectTimeout connect timeout
   * @param readTimeout read timeout
   * @param writeTimeout write timeout
   * @param callTimeout whole-call timeout ({@link Duration#ZERO} for none)
   * @param resilience the retry, circuit breaker and rate limit interceptors, outermost first
   * @param sealer the sealer, or {@code null} when sealing is off
   * @param authentication the gateway authentication interceptor, or {@code null}
   * @param maxResponseBytes the response size limit
   * @return the client
   */
  public static OkHttpClient build(
      OkHttpClient base,
      PartyId self,
      Clock clock,
      Duration connectTimeout,
      Duration readTimeout,
      Duration writeTimeout,
      Duration callTimeout,
      List<Interceptor> resilience,
      @Nullable MessageSealer sealer,
      @Nullable Interceptor authentication,
      long maxResponseBytes) {
    OkHttpClient.Builder b =
        base.newBuilder()
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .writeTimeout(writeTimeout)
            .callTimeout(callTimeout)
            // govdx's retry policy is the only one: OkHttp's silent retry would hide attempts
            .retryOnConnectionFailure(false);
    b.addInterceptor(new RequestIdInterceptor(self));
    resilience.forEach(b::addInterceptor);
    b.addInterceptor(new TimeoutInterceptor());
    b.addInterceptor(new BufferingInterceptor(maxResponseBytes));
    b.addInterceptor(new TraceContextInterceptor());
    if (sealer != null) {
      b.addInterceptor(new SealingInterceptor(sealer, self, clock, maxResponseBytes));
    }
    if (authentication != null) {
      b.addInterceptor(authentication);
    }
    b.addInterceptor(new LoggingInterceptor());
    return b.build();
  }
}
