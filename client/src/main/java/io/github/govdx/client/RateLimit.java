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
 *
 * @param permitsPerSecond the sustained rate, greater than 0 and at most 1 000 000; positive infinity when
 *     unlimited
 * @param burst the bucket size, at least 1; {@link Integer#MAX_VALUE} when unlimited
 */
public record RateLimit(double permitsPerSecond, int burst) {

  private static final RateLimit UNLIMITED =
      new RateLimit(Double.POSITIVE_INFINITY, Integer.MAX_VALUE);

  /**
   * Checks the values ({@link #perSecond(double, int)} reads better).
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public RateLimit {
    boolean unlimited = permitsPerSecond == Double.POSITIVE_INFINITY && burst == Integer.MAX_VALUE;
    if (!unlimited && (!(permitsPerSecond > 0) || permitsPerSecond > 1_000_000)) {
      throw new IllegalArgumentException("permits must be in (0, 1000000]: " + permitsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst < 1: " + burst);
    }
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

  @Override
  public String toString() {
    return isUnlimited()
        ? "RateLimit{unlimited}"
        : "RateLimit{permitsPerSecond=" + permitsPerSecond + ", burst=" + burst + "}";
  }
}
