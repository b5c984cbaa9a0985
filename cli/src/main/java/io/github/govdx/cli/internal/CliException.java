package io.github.govdx.cli.internal;

import io.github.govdx.cli.GovdxCli;
import io.github.govdx.core.ErrorCode;
import io.github.govdx.core.GovdxException;
import org.jspecify.annotations.Nullable;

/**
 * A failure of a command together with the exit code it maps to. The error code may be a CLI code
 * ({@code GDX-5xxx}) or the code of a library failure that happened while loading an input (for example a
 * malformed key), which is a usage or I/O error of the command rather than a failed check.
 *
 * <p>Immutable once thrown.
 */
public final class CliException extends GovdxException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(ErrorCode code, String detail, int exitCode, @Nullable Throwable cause) {
    super(code, detail, cause);
    this.exitCode = exitCode;
  }

  /**
   * A usage or I/O error (exit code 2).
   *
   * @param code the error code
   * @param detail the detail, without secrets
   * @return the exception
   */
  static CliException error(ErrorCode code, String detail) {
    return new CliException(code, detail, GovdxCli.EXIT_ERROR, null);
  }

  static CliException error(ErrorCode code, String detail, @Nullable Throwable cause) {
    return new CliException(code, detail, GovdxCli.EXIT_ERROR, cause);
  }

  /**
   * A library failure while loading an input, reported under the library's own code with exit code 2.
   *
   * @param what what was being loaded, e.g. {@code "--key key.pem"}
   * @param e the library failure
   * @return the exception
   */
  static CliException inputFailure(String what, GovdxException e) {
    String message = String.valueOf(e.getMessage());
    String prefix = e.code() + ": ";
    String detail = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    return new CliException(e.errorCode(), what + ": " + detail, GovdxCli.EXIT_ERROR, e);
  }

  /**
   * An exchange call that failed, under the library's code: exit 1 when the exchange refused (a retry cannot
   * help), exit 3 when a retry can (unreachable, busy, failed; the same command with the same idempotency key is
   * safe to run again).
   *
   * @param e the failure
   * @return the exception
   */
  static CliException exchange(io.github.govdx.client.ExchangeException e) {
    String message = String.valueOf(e.getMessage());
    String prefix = e.code() + ": ";
    String detail = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    return new CliException(
        e.errorCode(),
        detail,
        e.retryable() ? GovdxCli.EXIT_TRY_AGAIN : GovdxCli.EXIT_CHECK_FAILED,
        e);
  }

  /**
   * The exit code this failure maps to.
   *
   * @return the exit code
   */
  public int exitCode() {
    return exitCode;
  }
}
