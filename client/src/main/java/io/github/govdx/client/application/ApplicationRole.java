package io.github.govdx.client.application;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose applications a list shows: the caller's own, or those addressed to the caller as provider.
 *
 * <p>Thread-safe.
 */
public enum ApplicationRole {
  /** Applications the caller submitted. */
  APPLICANT,
  /** Applications for resources the caller provides. */
  PROVIDER;

  /**
   * The wire form, e.g. {@code "applicant"}.
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
  public static Optional<ApplicationRole> parse(String text) {
    Objects.requireNonNull(text, "text == null");
    for (ApplicationRole v : values()) {
      if (v.wireName().equals(text)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
