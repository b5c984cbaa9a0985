package io.github.govdx.core;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one unchecked root of every exception govdx throws for bad data, failed checks and failed calls.
 *
 * <p>Every instance carries a stable {@link ErrorCode}; its message starts with that code, e.g.
 * {@code "GDX-2103: signer is not the claimed sender"}, so logs and support tickets can be searched by code.
 * Messages never contain secrets or unmasked personal data. Misuse of the API itself (a {@code null}
 * argument, a builder missing a required field) is reported with the standard
 * {@link IllegalArgumentException}, {@link NullPointerException} and {@link IllegalStateException} instead.
 *
 * <p>Subclasses in each module refine this (for example envelope, gateway, platform or transport failures).
 * Instances are immutable once thrown and safe to share between threads.
 */
public class GovdxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ErrorCode errorCode;
  private final String code;
  private final boolean retryable;
  private final @Nullable String requestId;

  /**
   * Creates an exception that is not retryable and has no request id.
   *
   * @param errorCode the stable code
   * @param detail what went wrong, in English, without secrets or personal data
   */
  public GovdxException(ErrorCode errorCode, String detail) {
    this(errorCode, detail, null, false, null);
  }

  /**
   * Creates an exception that is not retryable and has no request id.
   *
   * @param errorCode the stable code
   * @param detail what went wrong, in English, without secrets or personal data
   * @param cause the underlying cause, or {@code null}
   */
  public GovdxException(ErrorCode errorCode, String detail, @Nullable Throwable cause) {
    this(errorCode, detail, cause, false, null);
  }

  /**
   * Creates an exception.
   *
   * @param errorCode the stable code
   * @param detail what went wrong, in English, without secrets or personal data
   * @param cause the underlying cause, or {@code null}
   * @param retryable whether sending the same request again may succeed
   * @param requestId the request id of the failed call, or {@code null} when there was no call
   */
  public GovdxException(
      ErrorCode errorCode,
      String detail,
      @Nullable Throwable cause,
      boolean retryable,
      @Nullable String requestId) {
    super(
        Objects.requireNonNull(errorCode, "errorCode == null").code()
            + ": "
            + Objects.requireNonNull(detail, "detail == null"),
        cause);
    this.errorCode = errorCode;
    this.code = errorCode.code();
    this.retryable = retryable;
    this.requestId = requestId;
  }

  /**
   * The stable code of this failure.
   *
   * @return the error code
   */
  public ErrorCode errorCode() {
    return errorCode;
  }

  /**
   * The code as text, e.g. {@code "GDX-2103"}.
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * Whether repeating the same call may succeed (a transient fault, throttling, a timeout).
   *
   * @return {@code true} if a retry can help
   */
  public boolean retryable() {
    return retryable;
  }

  /**
   * The request id of the failed exchange call, when the failure belongs to one.
   *
   * @return the request id, or empty
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
