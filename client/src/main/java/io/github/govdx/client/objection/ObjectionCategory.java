package io.github.govdx.client.objection;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What is wrong with the disputed data.
 *
 * <p>Thread-safe.
 */
public enum ObjectionCategory {
  /** The data is wrong. */
  INACCURATE,
  /** Data is missing. */
  INCOMPLETE,
  /** The data is out of date. */
  OUTDATED,
  /** Anything else. */
  OTHER;

  /**
   * The wire form, e.g. {@code "inaccurate"}.
   *
   * @return the lower-case wire name
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the wire form.
   *
   * @param text the wire name
   * @return the constant, or empty if unknown
   * @throws NullPointerException if {@code text} is null
   */
  public static Optional<ObjectionCategory> parse(String text) {
    Objects.requireNonNull(text, "text == null");
    for (ObjectionCategory v : values()) {
      if (v.wireName().equals(text)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
