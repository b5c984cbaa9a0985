package io.github.govdx.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets (令牌桶) that enforce {@link RateLimit}s, possibly shared by every instance of a department so
 * that N instances together stay under the quota agreed for the department, not N times it (DESIGN section 7).
 * The client takes one permit per attempt from its party's bucket ({@code party:<party id>}) and, for data
 * calls, from the resource's bucket ({@code resource:<party id>:<resource code>}) when a limit is set for it
 * ({@link ExchangeClientBuilder#rateLimit(String, RateLimit)}).
 *
 * <p><b>Contract.</b> A bucket named {@code bucket} starts full ({@link RateLimit#burst()} permits) and refills
 * continuously at {@link RateLimit#permitsPerSecond()}. {@link #reserve(String, RateLimit, Duration)} takes
 * one permit atomically (across all instances sharing the bucket): now, or reserved ahead when the next permit
 * comes within {@code maxWait}, in which case the caller waits the returned time before it uses the permit. Over
 * any interval of length {@code t} the permits granted from one bucket are at most
 * {@code burst + t × permitsPerSecond}. A bucket may be forgotten once it would be full again.
 *
 * <p><b>Failure contract: fail closed.</b> A limiter whose store cannot answer throws
 * {@link io.github.govdx.core.state.StateStoreException} ({@code GDX-1601}, retryable); the call is then not
 * sent ({@code GDX-3418}) rather than sent over the quota.
 *
 * <p>Implementations: {@link InMemoryRateLimiter} (one JVM, the default) and the Redis limiter of
 * {@code govdx-store-redis}. Thread-safe.
 */
@FunctionalInterface
public interface RateLimiter {

  /**
   * Takes one permit, now or reserved within {@code maxWait}.
   *
   * @param bucket the bucket's name
   * @param limit the limit of that bucket (the same for every caller of one bucket)
   * @param maxWait the longest the caller is willing to wait, {@link Duration#ZERO} for none
   * @return how long to wait before using the permit ({@link Duration#ZERO}: use it now); empty if no permit
   *     comes within {@code maxWait} (then nothing was taken)
   * @throws io.github.govdx.core.state.StateStoreException if the limiter's store cannot answer
   */
  Optional<Duration> reserve(String bucket, RateLimit limit, Duration maxWait);
}
