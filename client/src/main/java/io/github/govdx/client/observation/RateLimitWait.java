package io.github.govdx.client.observation;

import java.time.Duration;
import java.util.Objects;

/**
 * An attempt waited for a permit of the client's rate limit ({@link io.github.govdx.client.RateLimit}); only waits
 * longer than zero are reported. Immutable and thread-safe.
 *
 * @param operation the call's operation name
 * @param scope which bucket: {@code party} (all calls of the party) or {@code resource} (the data calls to one
 *     resource)
 * @param waited how long the attempt waited
 */
public record RateLimitWait(String operation, String scope, Duration waited) {

  /**
   * Checks the members.
   *
   * @throws NullPointerException if a member is {@code null}
   */
  public RateLimitWait {
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(scope, "scope == null");
    Objects.requireNonNull(waited, "waited == null");
  }
}
