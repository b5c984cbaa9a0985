package io.github.govdx.cli;

import io.github.govdx.cli.internal.CliContext;
import io.github.govdx.cli.internal.Commands;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;

/**
 * The entry point of the {@code govdx} command line (see {@code docs/cli.md}).
 *
 * <p>{@link #main(String...)} runs one command and exits the JVM with its exit code;
 * {@link #run(PrintStream, PrintStream, String...)} runs one command in-process and returns the code, for
 * tools and tests that embed the command line. Exit codes: {@link #EXIT_OK} when the command did its job and
 * every check passed, {@link #EXIT_CHECK_FAILED} when a check ran and failed (a signature, a certificate, an
 * identifier, a record; or the exchange refused a call), {@link #EXIT_ERROR} when the check could not run at
 * all (a bad command line, an unreadable file, an internal error), {@link #EXIT_TRY_AGAIN} when an exchange call
 * failed in a way a retry can help. Every failure names its stable {@code GDX-} error code.
 *
 * <p>Thread-safe: each call builds its own command objects; output goes only to the given streams.
 */
public final class GovdxCli {

  /** Exit code: the command succeeded and every check passed. */
  public static final int EXIT_OK = 0;

  /** Exit code: a check ran and failed (invalid signature, untrusted signer, invalid record or identifier). */
  public static final int EXIT_CHECK_FAILED = 1;

  /** Exit code: the check could not run: a usage error, an I/O error or an internal error. */
  public static final int EXIT_ERROR = 2;

  /**
   * Exit code: an exchange call failed in a way a retry can help (unreachable, timed out, busy, a retryable
   * {@code GDX-} code); running the same command again — with the same {@code --idempotency-key} for a push — is
   * safe.
   */
  public static final int EXIT_TRY_AGAIN = 3;

  private GovdxCli() {}

  /**
   * Runs the command line and exits the JVM with the command's exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String... args) {
    int code = run(System.out, System.err, args);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /**
   * Runs one command in-process; never calls {@link System#exit(int)}.
   *
   * <p>Text goes to {@code out} and {@code err} in UTF-8; a payload written to standard output (by
   * {@code govdx open}) is written to {@code out} byte for byte.
   *
   * @param out where results go (standard output)
   * @param err where diagnostics go (standard error)
   * @param args the command-line arguments
   * @return the exit code: {@link #EXIT_OK}, {@link #EXIT_CHECK_FAILED} or {@link #EXIT_ERROR}
   * @throws NullPointerException if an argument is null
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(Clock.systemUTC(), out, err, args);
  }

  static int run(Clock clock, PrintStream out, PrintStream err, String... args) {
    return run(clock, System.in, out, err, args);
  }

  static int run(Clock clock, InputStream in, PrintStream out, PrintStream err, String... args) {
    Objects.requireNonNull(clock, "clock == null");
    Objects.requireNonNull(in, "in == null");
    Objects.requireNonNull(out, "out == null");
    Objects.requireNonNull(err, "err == null");
    Objects.requireNonNull(args, "args == null");
    return Commands.execute(new CliContext(clock, in, out, err), args);
  }
}
