package io.github.govdx.client.observation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link io.github.govdx.client.provider.ProviderEndpoint} answered one request: the operation
 * ({@code data.query}, {@code data.push}, or {@code unknown} for a request to no route), the outcome, the HTTP
 * status, the {@code GDX-} code of a refusal and, for a refused envelope ({@code GDX-3304}), why it was refused — the
 * crypto code such as {@code GDX-2303} (replayed), {@code GDX-2301} (too old), {@code GDX-2102} (signature invalid,
 * tampered) or {@code GDX-2105} (another receiver). Immutable and thread-safe.
 */
public final class ProviderOutcome {

  private final String operation;
  private final Outcome outcome;
  private final int status;
  private final @Nullable String errorCode;
  private final @Nullable String envelopeErrorCode;
  private final boolean replayed;
  private final Duration latency;

  private ProviderOutcome(
      String operation,
      Outcome outcome,
      int status,
      @Nullable String errorCode,
      @Nullable String envelopeErrorCode,
      boolean replayed,
      Duration latency) {
    this.operation = Objects.requireNonNull(operation, "operation == null");
    this.outcome = Objects.requireNonNull(outcome, "outcome == null");
    this.status = status;
    this.errorCode = errorCode;
    this.envelopeErrorCode = envelopeErrorCode;
    this.replayed = replayed;
    this.latency = Objects.requireNonNull(latency, "latency == null");
  }

  /**
   * Creates an outcome (the endpoint makes them; this factory is for tests of listeners).
   *
   * @param operation {@code data.query}, {@code data.push}, the file transfer operations {@code transfer.create},
   *     {@code transfer.get}, {@code transfer.part} and {@code transfer.complete}, or {@code unknown}
   * @param outcome the outcome
   * @param status the HTTP status answered
   * @param errorCode the {@code GDX-} code answered, or {@code null} on success
   * @param envelopeErrorCode why the request envelope was refused (a {@code GDX-2xxx} code, or {@code GDX-3304}
   *     when the envelope opened but did not match its route), or {@code null}
   * @param replayed whether a push was answered from the idempotency store ({@code Idempotency-Replayed})
   * @param latency from receipt of the request to the answer
   * @return the outcome
   * @throws NullPointerException if a non-null argument is {@code null}
   */
  public static ProviderOutcome of(
      String operation,
      Outcome outcome,
      int status,
      @Nullable String errorCode,
      @Nullable String envelopeErrorCode,
      boolean replayed,
      Duration latency) {
    return new ProviderOutcome(
        operation, outcome, status, errorCode, envelopeErrorCode, replayed, latency);
  }

  /** @return {@code data.query}, {@code data.push} or {@code unknown} */
  public String operation() {
    return operation;
  }

  /** @return success, refused or error */
  public Outcome outcome() {
    return outcome;
  }

  /** @return the HTTP status answered */
  public int status() {
    return status;
  }

  /** @return the {@code GDX-} code answered; empty on success */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** @return why the request envelope was refused, or empty when it was not */
  public Optional<String> envelopeErrorCode() {
    return Optional.ofNullable(envelopeErrorCode);
  }

  /** @return whether a push was answered from the idempotency store */
  public boolean replayed() {
    return replayed;
  }

  /** @return the time taken to answer */
  public Duration latency() {
    return latency;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ProviderOutcome)) {
      return false;
    }
    ProviderOutcome that = (ProviderOutcome) o;
    return status == that.status
        && replayed == that.replayed
        && operation.equals(that.operation)
        && outcome == that.outcome
        && Objects.equals(errorCode, that.errorCode)
        && Objects.equals(envelopeErrorCode, that.envelopeErrorCode)
        && latency.equals(that.latency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        operation, outcome, status, errorCode, envelopeErrorCode, replayed, latency);
  }

  @Override
  public String toString() {
    return "ProviderOutcome{"
        + operation
        + ", "
        + outcome.tagValue()
        + ", status="
        + status
        + (errorCode == null ? "" : ", code=" + errorCode)
        + (envelopeErrorCode == null ? "" : ", envelopeCode=" + envelopeErrorCode)
        + (replayed ? ", replayed" : "")
        + ", latency="
        + latency.toMillis()
        + "ms}";
  }
}
