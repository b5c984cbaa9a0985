package io.github.govdx.client.observation;

import java.time.Duration;
import java.util.Optional;

/**
 * What the outcome of a client call ({@link CallOutcome}) and of a request a provider endpoint handled ({@link
 * ProviderOutcome}) both report. Implementations are immutable and thread-safe.
 */
public interface ExchangeOutcome {

  /** @return the fixed operation name, e.g. {@code data.query} */
  String operation();

  /** @return success, refused or error */
  Outcome outcome();

  /** @return the HTTP status of the answer, 0 when no answer came (connection failure, open circuit) */
  int status();

  /** @return the {@code GDX-} code of the failure; empty on success */
  Optional<String> errorCode();

  /**
   * Why an envelope was refused: the crypto code such as {@code GDX-2303} (replayed), {@code GDX-2301} (too old),
   * {@code GDX-2102} (signature invalid) or {@code GDX-2105} (another receiver).
   *
   * @return the code, or empty when no envelope was refused
   */
  Optional<String> envelopeErrorCode();

  /** @return the time taken, retries and their waits included */
  Duration latency();
}
