package io.github.govdx.client;

/**
 * A client-side rate limit (客户端限流): a token bucket refilled at {@link #permitsPerSecond()} up to
 * {@link #burst()} tokens, so that a client stays under a gateway's quota instead of collecting 429s.
 *
 * <pre>{@code
 * RateLimit limit = RateLimit.perSecond(20, 40);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RateLimit {

  private static final RateLimit UNLIMITED =
      new RateLimit(Double.POSITIVE_INFINITY, Integer.MAX_VALUE);

  private final double permitsPerSecond;
  private final int burst;

  private RateLimit(double permitsPerSecond, int burst) {
    this.permitsPerSecond = permitsPerSecond;
    this.burst = burst;
  }

  /**
   * Returns a limit of {@code permits} requests per second with bursts of up to {@code burst}.
   *
   * @param permits the sustained rate, greater than 0 and at most 1 000 000
   * @param burst the bucket size, at least 1
   * @return the limit
   * @throws IllegalArgumentException if a value is out of range
   */
  public static RateLimit perSecond(double permits, int burst) {
    if (!(permits > 0) || permits > 1_000_000) {
      throw new IllegalArgumentException("permits must be in (0, 1000000]: " + permits);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst < 1: " + burst);
    }
    return new RateLimit(permits, burst);
  }

  /**
   * Returns the absence of a limit.
   *
   * @return the unlimited rate
   */
  public static RateLimit unlimited() {
    return UNLIMITED;
  }

  /**
   * Returns whether this is {@link #unlimited()}.
   *
   * @return {@code true} if no limit applies
   */
  public boolean isUnlimited() {
    return Double.isInfinite(permitsPerSecond);
  }

  /**
   * Returns the sustained rate.
   *
   * @return permits per second; positive infinity when unlimited
   */
  public double permitsPerSecond() {
    return permitsPerSecond;
  }

  /**
   * Returns the bucket size.
   *
   * @return the burst; {@link Integer#MAX_VALUE} when unlimited
   */
  public int burst() {
    return burst;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateLimit other
        && Double.compare(permitsPerSecond, other.permitsPerSecond) == 0
        && burst == other.burst;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(permitsPerSecond) * 31 + burst;
  }

  @Override
  public String toString() {
    return isUnlimited()
        ? "RateLimit{unlimited}"
        : "RateLimit{permitsPerSecond=" + permitsPerSecond + ", burst=" + burst + "}";
  }
}
