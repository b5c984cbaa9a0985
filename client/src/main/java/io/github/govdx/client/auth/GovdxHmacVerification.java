package io.github.govdx.client.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link GovdxHmacVerifier#verify}: whether the request is authentic, and if not why, with the
 * server-side signing string and server time so that a 401 can be diagnosed. A result, not an exception: a request
 * that fails authentication is bad input, not a fault.
 *
 * <p>Immutable and thread-safe.
 */
public final class GovdxHmacVerification {

  /** Why verification succeeded or failed. */
  public enum Reason {
    /** The request is authentic. */
    OK,
    /** {@code Authorization}, {@code X-Gdx-Timestamp}, {@code X-Gdx-Nonce} or {@code X-Gdx-Content-SM3} is absent. */
    MISSING_HEADER,
    /** A header is present but malformed (bad syntax, repeated, bad Base64, non-numeric timestamp). */
    MALFORMED_HEADER,
    /** The scheme in {@code Authorization} is not one this verifier accepts. */
    UNSUPPORTED_ALGORITHM,
    /** No secret is known for the key id. */
    UNKNOWN_KEY,
    /** The timestamp is further from server time than the allowed skew. */
    CLOCK_SKEW,
    /** The nonce was already used by this key within the skew window. */
    NONCE_REPLAYED,
    /** {@code X-Gdx-Content-SM3} does not match the SM3 of the received body. */
    BODY_DIGEST_MISMATCH,
    /** The MAC does not match: wrong secret, or method, path, query or a signed header changed. */
    SIGNATURE_MISMATCH,
    /**
     * The request is authentic, but the {@link NonceCache} could not answer whether its nonce is new, so it is
     * refused (fail closed); the same request can be sent again once the cache is back.
     */
    STATE_UNAVAILABLE
  }

  private final Reason reason;
  private final String detail;
  private final Instant serverTime;
  private final @Nullable String keyId;
  private final @Nullable String signingString;

  GovdxHmacVerification(
      Reason reason,
      String detail,
      Instant serverTime,
      @Nullable String keyId,
      @Nullable String signingString) {
    this.reason = Objects.requireNonNull(reason, "reason == null");
    this.detail = Objects.requireNonNull(detail, "detail == null");
    this.serverTime = Objects.requireNonNull(serverTime, "serverTime == null");
    this.keyId = keyId;
    this.signingString = signingString;
  }

  /**
   * Returns whether the request is authentic.
   *
   * @return {@code true} if {@link #reason()} is {@link Reason#OK}
   */
  public boolean isValid() {
    return reason == Reason.OK;
  }

  /**
   * Returns the reason.
   *
   * @return {@link Reason#OK} or the first check that failed
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns a short, secret-free explanation suitable for a 401 body, e.g. the skew in seconds.
   *
   * @return the explanation
   */
  public String detail() {
    return detail;
  }

  /**
   * Returns the server time used for the skew check.
   *
   * @return the server time
   */
  public Instant serverTime() {
    return serverTime;
  }

  /**
   * Returns the key id from the {@code Authorization} header, when it could be parsed.
   *
   * @return the key id
   */
  public Optional<String> keyId() {
    return Optional.ofNullable(keyId);
  }

  /**
   * Returns the signing string the server computed from what it received (with the digest of the received body),
   * when the headers could be parsed; compare it with the client's {@link AuthenticatedRequest#signingString()}.
   *
   * @return the server-side signing string, which contains no secret
   */
  public Optional<String> signingString() {
    return Optional.ofNullable(signingString);
  }

  /** Returns reason, key id and detail; the signing string is left out to keep log lines short. */
  @Override
  public String toString() {
    return "GovdxHmacVerification{"
        + reason
        + (keyId == null ? "" : ", keyId=" + keyId)
        + ", "
        + detail
        + "}";
  }
}
