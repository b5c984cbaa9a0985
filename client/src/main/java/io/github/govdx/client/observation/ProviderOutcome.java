package io.github.govdx.client.observation;

import io.github.govdx.client.internal.ValueStyle;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link io.github.govdx.client.provider.ProviderEndpoint} answered one request: the operation
 * ({@code data.query}, {@code data.push}, or {@code unknown} for a request to no route), the outcome, the HTTP
 * status, the {@code GDX-} code of a refusal and, for a refused envelope ({@code GDX-3304}), why it was refused — the
 * crypto code such as {@code GDX-2303} (replayed), {@code GDX-2301} (too old), {@code GDX-2102} (signature invalid,
 * tampered) or {@code GDX-2105} (another receiver). Immutable and thread-safe.
 */
@ValueStyle
public abstract class ProviderOutcome implements ExchangeOutcome {

  ProviderOutcome() {}

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
    ImmutableProviderOutcome.Builder b = ImmutableProviderOutcome.builder();
    b.operation(operation).outcome(outcome).status(status).replayed(replayed);
    return b.errorCode(errorCode).envelopeErrorCode(envelopeErrorCode).latency(latency).build();
  }

  /** @return whether a push was answered from the idempotency store */
  public abstract boolean replayed();

  @Override
  public String toString() {
    return Outcomes.describe("ProviderOutcome", this, replayed() ? ", replayed" : "", "");
  }
}
