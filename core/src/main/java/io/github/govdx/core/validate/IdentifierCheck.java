package io.github.govdx.core.validate;

/**
 * Checks one identifier value (check digit, structure, embedded codes). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface IdentifierCheck {

  /**
   * Checks a value.
   *
   * @param value the identifier text
   * @return the verdict
   */
  IdentifierVerdict check(String value);
}
