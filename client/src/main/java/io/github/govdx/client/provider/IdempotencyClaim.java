package io.github.govdx.client.provider;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link IdempotencyStore#claim(String, String, java.time.Instant, java.time.Instant)} found: the key is now ours, another
 * caller is working on it, its answer is stored, or it was used with another request.
 *
 * <p>Immutable and thread-safe.
 */
public final class IdempotencyClaim {

  /** The outcome of a claim. */
  public enum Outcome {
    /** The key was free and is now owned by the caller ({@link #token()}) until the lease ends. */
    ACQUIRED,
    /** Another caller owns the key and has not finished; answer {@code 409}/{@code GDX-3009}. */
    IN_PROGRESS,
    /** The key's answer is stored ({@link #answer()}); serve it again. */
    COMPLETED,
    /** The key is live with another fingerprint; answer {@code 422}/{@code GDX-3008}. */
    CONFLICT
  }

  private static final IdempotencyClaim IN_PROGRESS_CLAIM =
      new IdempotencyClaim(Outcome.IN_PROGRESS, null, null, false);
  private static final IdempotencyClaim CONFLICT_CLAIM =
      new IdempotencyClaim(Outcome.CONFLICT, null, null, false);

  private final Outcome outcome;
  private final @Nullable String token;
  private final @Nullable ProviderResponse answer;
  private final boolean resumed;

  private IdempotencyClaim(
      Outcome outcome, @Nullable String token, @Nullable ProviderResponse answer, boolean resumed) {
    this.outcome = outcome;
    this.token = token;
    this.answer = answer;
    this.resumed = resumed;
  }

  /**
   * The key was free and is now the caller's.
   *
   * @param token the owner token for {@code complete} and {@code release}
   * @return the claim
   */
  public static IdempotencyClaim acquired(String token) {
    return new IdempotencyClaim(
        Outcome.ACQUIRED, Objects.requireNonNull(token, "token == null"), null, false);
  }

  /**
   * The key is now the caller's, and an earlier attempt with the <em>same</em> fingerprint ended without an
   * answer (it was released after a refusal or failure, or its owner died and its lease ran out): the same request
   * is being resumed, so the endpoint accepts its envelope although the earlier attempt may already have recorded
   * the envelope's message id as seen.
   *
   * @param token the owner token for {@code complete} and {@code release}
   * @return the claim
   */
  public static IdempotencyClaim resumed(String token) {
    return new IdempotencyClaim(
        Outcome.ACQUIRED, Objects.requireNonNull(token, "token == null"), null, true);
  }

  /**
   * Another caller owns the key.
   *
   * @return the claim
   */
  public static IdempotencyClaim inProgress() {
    return IN_PROGRESS_CLAIM;
  }

  /**
   * The key's answer is stored.
   *
   * @param answer the stored answer
   * @return the claim
   */
  public static IdempotencyClaim completed(ProviderResponse answer) {
    return new IdempotencyClaim(
        Outcome.COMPLETED, null, Objects.requireNonNull(answer, "answer == null"), false);
  }

  /**
   * The key is live with another fingerprint.
   *
   * @return the claim
   */
  public static IdempotencyClaim conflict() {
    return CONFLICT_CLAIM;
  }

  /**
   * The outcome.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * The owner token of an {@link Outcome#ACQUIRED ACQUIRED} claim.
   *
   * @return the token, or empty for the other outcomes
   */
  public Optional<String> token() {
    return Optional.ofNullable(token);
  }

  /**
   * Whether an {@link Outcome#ACQUIRED ACQUIRED} claim took over an abandoned claim of the same fingerprint
   * ({@link #resumed(String)}).
   *
   * @return {@code true} for a resumed claim
   */
  public boolean isResumed() {
    return resumed;
  }

  /**
   * The stored answer of a {@link Outcome#COMPLETED COMPLETED} claim.
   *
   * @return the answer, or empty for the other outcomes
   */
  public Optional<ProviderResponse> answer() {
    return Optional.ofNullable(answer);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IdempotencyClaim
        && ((IdempotencyClaim) o).outcome == outcome
        && Objects.equals(((IdempotencyClaim) o).token, token)
        && Objects.equals(((IdempotencyClaim) o).answer, answer)
        && ((IdempotencyClaim) o).resumed == resumed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(outcome, token, answer, resumed);
  }

  @Override
  public String toString() {
    return "IdempotencyClaim{"
        + outcome
        + (resumed ? ", resumed" : "")
        + (answer == null ? "" : ", " + answer)
        + "}";
  }
}
