package io.github.govdx.core.fuzz;

import io.github.govdx.core.GovdxException;
import java.util.regex.Pattern;

/**
 * The contract every fuzz target of this module checks: an input is either handled or refused with a
 * {@link GovdxException} whose code is {@code GDX-nnnn} and whose message starts with it. Any other exception,
 * a {@link StackOverflowError} or an {@link OutOfMemoryError} escapes and is a finding (Jazzer also reports a
 * hang as a timeout).
 */
final class FuzzContract {

  private static final Pattern CODE = Pattern.compile("GDX-[0-9]{4}");

  private FuzzContract() {}

  /** Runs {@code action}, letting through only a well-formed govdx refusal. */
  static void handledOrRefused(Runnable action) {
    try {
      action.run();
    } catch (GovdxException e) {
      if (!CODE.matcher(e.code()).matches() || !e.getMessage().startsWith(e.code() + ": ")) {
        throw new AssertionError("a GovdxException without a GDX- code: " + e.getMessage(), e);
      }
    }
  }
}
