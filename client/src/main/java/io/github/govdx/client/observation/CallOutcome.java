package io.github.govdx.client.observation;

import io.github.govdx.client.internal.ValueStyle;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How one logical call of an {@link io.github.govdx.client.ExchangeClient} ended: its operation, outcome, HTTP
 * status, {@code GDX-} code, latency (all attempts and waits included) and number of attempts. A refused answer
 * envelope is reported with {@code GDX-3406} and its crypto code. Immutable and thread-safe.
 *
 * <p>Operation names are fixed, never built from input: {@code catalog.search}, {@code catalog.get},
 * {@code directory.get}, {@code applications.submit}, {@code applications.get}, {@code applications.list},
 * {@code applications.withdraw}, {@code applications.decide}, {@code data.query}, {@code data.push},
 * {@code subscriptions.create}, {@code subscriptions.get}, {@code subscriptions.delete},
 * {@code subscriptions.events}, {@code subscriptions.ack}, {@code objections.raise}, {@code objections.get},
 * {@code objections.list}, {@code objections.withdraw}, {@code objections.decide}.
 */
@ValueStyle
public abstract class CallOutcome implements ExchangeOutcome {

  CallOutcome() {}

  /**
   * Creates an outcome (the client makes them; this factory is for tests of listeners).
   *
   * @param operation the operation name, e.g. {@code data.query}
   * @param endpoint the host called
   * @param outcome the outcome
   * @param status the HTTP status of the last answer, 0 when none came
   * @param errorCode the {@code GDX-} code of the failure, or {@code null} on success
   * @param envelopeErrorCode the crypto code ({@code GDX-2xxx}) of an answer envelope the client refused, or
   *     {@code null}
   * @param latency from the call's start to its end
   * @param attempts attempts made (0 when none was sent)
   * @return the outcome
   * @throws NullPointerException if a non-null argument is {@code null}
   */
  public static CallOutcome of(
      String operation,
      String endpoint,
      Outcome outcome,
      int status,
      @Nullable String errorCode,
      @Nullable String envelopeErrorCode,
      Duration latency,
      int attempts) {
    return ImmutableCallOutcome.builder()
        .operation(operation)
        .endpoint(endpoint)
        .outcome(outcome)
        .status(status)
        .errorCode(errorCode)
        .envelopeErrorCode(envelopeErrorCode)
        .latency(latency)
        .attempts(attempts)
        .build();
  }

  /** @return the host called (from the client's endpoint) */
  public abstract String endpoint();

  /** @return the number of attempts made */
  public abstract int attempts();

  @Override
  public String toString() {
    return Outcomes.describe("CallOutcome", this, "", ", attempts=" + attempts());
  }
}
