package io.github.govdx.client.observation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How one logical call of an {@link io.github.govdx.client.ExchangeClient} ended: its operation, outcome, HTTP
 * status, {@code GDX-} code, latency (all attempts and waits included) and number of attempts. Immutable and
 * thread-safe.
 *
 * <p>Operation names are fixed, never built from input: {@code catalog.search}, {@code catalog.get},
 * {@code directory.get}, {@code applications.submit}, {@code applications.get}, {@code applications.list},
 * {@code applications.withdraw}, {@code applications.decide}, {@code data.query}, {@code data.push},
 * {@code subscriptions.create}, {@code subscriptions.get}, {@code subscriptions.delete},
 * {@code subscriptions.events}, {@code subscriptions.ack}, {@code objections.raise}, {@code objections.get},
 * {@code objections.list}, {@code objections.withdraw}, {@code objections.decide}.
 */
public final class CallOutcome {

  private final String operation;
  private final String endpoint;
  private final Outcome outcome;
  private final int status;
  private final @Nullable String errorCode;
  private final @Nullable String envelopeErrorCode;
  private final Duration latency;
  private final int attempts;

  private CallOutcome(
      String operation,
      String endpoint,
      Outcome outcome,
      int status,
      @Nullable String errorCode,
      @Nullable String envelopeErrorCode,
      Duration latency,
      int attempts) {
    this.operation = Objects.requireNonNull(operation, "operation == null");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
    this.outcome = Objects.requireNonNull(outcome, "outcome == null");
    this.status = status;
    this.errorCode = errorCode;
    this.envelopeErrorCode = envelopeErrorCode;
    this.latency = Objects.requireNonNull(latency, "latency == null");
    this.attempts = attempts;
  }

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
    return new CallOutcome(
        operation, endpoint, outcome, status, errorCode, envelopeErrorCode, latency, attempts);
  }

  /** @return the operation name, e.g. {@code data.query} */
  public String operation() {
    return operation;
  }

  /** @return the host called (from the client's endpoint) */
  public String endpoint() {
    return endpoint;
  }

  /** @return success, refused or error */
  public Outcome outcome() {
    return outcome;
  }

  /** @return the HTTP status of the last answer, 0 when no answer came (connection failure, open circuit) */
  public int status() {
    return status;
  }

  /** @return the {@code GDX-} code of the failure; empty on success */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * The crypto code of an answer envelope the client refused ({@code GDX-3406}): why it did not open — e.g.
   * {@code GDX-2303} replayed, {@code GDX-2301} too old, {@code GDX-2102} signature invalid.
   *
   * @return the code, or empty
   */
  public Optional<String> envelopeErrorCode() {
    return Optional.ofNullable(envelopeErrorCode);
  }

  /** @return the whole call's latency, retries and their waits included */
  public Duration latency() {
    return latency;
  }

  /** @return the number of attempts made */
  public int attempts() {
    return attempts;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CallOutcome)) {
      return false;
    }
    CallOutcome that = (CallOutcome) o;
    return status == that.status
        && attempts == that.attempts
        && operation.equals(that.operation)
        && endpoint.equals(that.endpoint)
        && outcome == that.outcome
        && Objects.equals(errorCode, that.errorCode)
        && Objects.equals(envelopeErrorCode, that.envelopeErrorCode)
        && latency.equals(that.latency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        operation, endpoint, outcome, status, errorCode, envelopeErrorCode, latency, attempts);
  }

  @Override
  public String toString() {
    return "CallOutcome{"
        + operation
        + ", "
        + outcome.tagValue()
        + ", status="
        + status
        + (errorCode == null ? "" : ", code=" + errorCode)
        + (envelopeErrorCode == null ? "" : ", envelopeCode=" + envelopeErrorCode)
        + ", latency="
        + latency.toMillis()
        + "ms, attempts="
        + attempts
        + "}";
  }
}
