package io.github.govdx.core.catalog;

import io.github.govdx.core.CoreErrorCode;
import java.util.Objects;

/**
 * One problem found in a catalog entry by {@link CatalogEntries#check(CatalogEntry)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the stable code ({@code GDX-13xx}, or {@code GDX-1201} for an item format)
 * @param field the JSON path of the offending attribute, e.g. {@code items[2].format}
 * @param message what is wrong, in English
 */
public record CatalogProblem(CoreErrorCode code, String field, String message) {

  /**
   * Creates a problem.
   *
   * @param code the code
   * @param field the attribute path
   * @param message the message
   * @throws NullPointerException if an argument is null
   */
  public CatalogProblem {
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(field, "field == null");
    Objects.requireNonNull(message, "message == null");
  }

  @Override
  public String toString() {
    return code.code() + " " + field + ": " + message;
  }
}
