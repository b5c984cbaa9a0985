package io.github.govdx.client.objection;

import io.github.govdx.client.WireEnum;
import java.util.Optional;

/**
 * What is wrong with the disputed data.
 *
 * <p>Thread-safe.
 */
public enum ObjectionCategory implements WireEnum {
  /** The data is wrong. */
  INACCURATE,
  /** Data is missing. */
  INCOMPLETE,
  /** The data is out of date. */
  OUTDATED,
  /** Anything else. */
  OTHER;

  /**
   * Parses the wire form.
   *
   * @param text the wire name
   * @return the constant, or empty if unknown
   * @throws NullPointerException if {@code text} is null
   */
  public static Optional<ObjectionCategory> parse(String text) {
    return WireEnum.parse(ObjectionCategory.class, text);
  }
}
