package io.github.govdx.examples;

import io.github.govdx.core.mask.MaskingPolicy;
import io.github.govdx.core.mask.PiiKind;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The readable record of a demo run: numbered steps with their parties, resource codes, results and timings.
 * Personal data goes through {@link #name}, {@link #id} and {@link #phone}, which mask it with the default
 * {@link MaskingPolicy} of govdx-core before it is printed; nothing unmasked reaches the output. Not thread-safe.
 */
public final class Transcript {

  private static final MaskingPolicy MASK = MaskingPolicy.defaultPolicy();

  private final PrintStream out;
  private int step;
  private int failures;
  private long stepStart;
  private final long start = System.nanoTime();

  /**
   * Writes to a stream.
   *
   * @param out the stream (UTF-8)
   */
  public Transcript(PrintStream out) {
    this.out = out;
  }

  /**
   * Opens the next step.
   *
   * @param title what the step does
   */
  public void step(String title) {
    closeStep();
    step++;
    stepStart = System.nanoTime();
    out.println();
    out.printf(Locale.ROOT, "[%d] %s%n", step, title);
  }

  private void closeStep() {
    if (step > 0) {
      out.printf(
          Locale.ROOT, "    (%d ms)%n", Duration.ofNanos(System.nanoTime() - stepStart).toMillis());
    }
  }

  /**
   * A line of detail under the current step.
   *
   * @param format the format
   * @param args the arguments (mask personal data first)
   */
  public void info(String format, Object... args) {
    out.println("    " + String.format(Locale.ROOT, format, args));
  }

  /**
   * A check that must hold; a failed check makes the run fail.
   *
   * @param ok whether it holds
   * @param what what was checked
   */
  public void check(boolean ok, String what) {
    if (!ok) {
      failures++;
    }
    out.println("    " + (ok ? "OK   " : "FAIL ") + what);
  }

  /**
   * A masked person name (姓名).
   *
   * @param name the name
   * @return the masked form
   */
  public static String name(String name) {
    return MASK.mask(PiiKind.NAME, name);
  }

  /**
   * A masked ID number (身份证号).
   *
   * @param id the number
   * @return the masked form
   */
  public static String id(String id) {
    return MASK.mask(PiiKind.ID_NUMBER, id);
  }

  /**
   * A masked phone number.
   *
   * @param phone the number
   * @return the masked form
   */
  public static String phone(String phone) {
    return MASK.mask(PiiKind.PHONE, phone);
  }

  /**
   * Ends the run with a summary.
   *
   * @return whether every check held
   */
  public boolean finish() {
    closeStep();
    out.println();
    out.printf(
        Locale.ROOT,
        "%s: %d steps in %d ms, %d failed checks%n",
        failures == 0 ? "SUCCESS" : "FAILURE",
        step,
        Duration.ofNanos(System.nanoTime() - start).toMillis(),
        failures);
    out.flush();
    return failures == 0;
  }

  /**
   * The number of failed checks so far.
   *
   * @return the count
   */
  public int failures() {
    return failures;
  }
}
