package io.github.govdx.core.validate;

import java.util.Optional;

/**
 * Resolves an identifier check key (e.g. {@code gb11643}) to a check, for the {@code x-govdx-identifier}
 * keyword. Resolved once per schema compilation. {@link #defaultLookup()} answers from govdx's identifier
 * checks (GB 11643, GB 32100, GB 11714, mobile phone, postal code). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface IdentifierLookup {

  /**
   * Resolves a check.
   *
   * @param key the check key, e.g. {@code gb11643}
   * @return the check, or empty if the key is unknown
   */
  Optional<IdentifierCheck> find(String key);

  /**
   * The lookup backed by govdx's built-in identifier checks.
   *
   * @return the default lookup
   */
  static IdentifierLookup defaultLookup() {
    return DefaultLookups.IDENTIFIERS;
  }
}
