package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * What one run of the command line reads from, writes to and reads the time from. Not thread-safe: one per run.
 */
public final class CliContext {

  private final Clock clock;
  private final InputStream in;
  private final PrintStream rawOut;
  private final PrintWriter out;
  private final PrintWriter err;
  private final ObjectMapper mapper;

  /**
   * Creates a context writing text as UTF-8 to the given streams.
   *
   * @param clock the clock for issued-at times and freshness checks
   * @param out standard output
   * @param err standard error
   */
  public CliContext(Clock clock, PrintStream out, PrintStream err) {
    this(clock, System.in, out, err);
  }

  /**
   * Creates a context reading standard input from {@code in} and writing text as UTF-8 to the given streams.
   *
   * @param clock the clock for issued-at times and freshness checks
   * @param in standard input (read by {@code govdx push --records -}; never closed)
   * @param out standard output
   * @param err standard error
   */
  public CliContext(Clock clock, InputStream in, PrintStream out, PrintStream err) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.in = Objects.requireNonNull(in, "in == null");
    this.rawOut = Objects.requireNonNull(out, "out == null");
    this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    this.err =
        new PrintWriter(
            new OutputStreamWriter(
                Objects.requireNonNull(err, "err == null"), StandardCharsets.UTF_8),
            true);
    this.mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Returns the clock for issued-at times and freshness checks. */
  public Clock clock() {
    return clock;
  }

  /** Returns standard input; commands read it but never close it. */
  public InputStream in() {
    return in;
  }

  /** Returns standard output as bytes, for payloads, after flushing the text written so far. */
  public PrintStream rawOut() {
    out.flush();
    return rawOut;
  }

  /** Returns standard output as UTF-8 text. */
  public PrintWriter out() {
    return out;
  }

  /** Returns standard error as UTF-8 text. */
  public PrintWriter err() {
    return err;
  }

  /** Returns the JSON mapper for {@code --json} output and JSON inputs. */
  public ObjectMapper mapper() {
    return mapper;
  }

  void flush() {
    out.flush();
    err.flush();
    rawOut.flush();
  }
}
