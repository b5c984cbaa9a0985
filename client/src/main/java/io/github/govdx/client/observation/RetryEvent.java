package io.github.govdx.client.observation;

import java.time.Duration;
import java.util.Objects;

/**
 * A retry the client is about to make: after {@code attempt} failed transiently it waits {@code delay} and sends
 * attempt {@code attempt + 1}. Immutable and thread-safe.
 *
 * @param operation the call's operation name, e.g. {@code data.query} (see {@link CallOutcome#operation()})
 * @param endpoint the host called
 * @param attempt the number of the attempt that failed (1-based)
 * @param reason why: the HTTP status ({@code "503"}) or the failure's kind ({@code "io"}, {@code "timeout"})
 * @param delay how long the client waits before the next attempt
 */
public record RetryEvent(
    String operation, String endpoint, int attempt, String reason, Duration delay) {

  /**
   * Checks the members.
   *
   * @throws NullPointerException if a member is {@code null}
   */
  public RetryEvent {
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(endpoint, "endpoint == null");
    Objects.requireNonNull(reason, "reason == null");
    Objects.requireNonNull(delay, "delay == null");
  }
}
