package io.github.govdx.client;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an exchange error arose: the {@code source} member of the error body ({@code docs/protocol.md}
 * section 3). Thread-safe.
 */
public enum ErrorSource {
  /** The gateway in front of the platform: authentication, rate limiting, edge routing. */
  GATEWAY,
  /** The exchange platform itself. */
  PLATFORM,
  /** The provider department's endpoint. */
  PROVIDER;

  /**
   * The wire form, e.g. {@code "gateway"}.
   *
   * @return the lower-case name used in the error body
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the wire form.
   *
   * @param text e.g. {@code "provider"}
   * @return the source, or empty if unknown
   * @throws NullPointerException if {@code text} is null
   */
  public static Optional<ErrorSource> parse(String text) {
    Objects.requireNonNull(text, "text == null");
    for (ErrorSource s : values()) {
      if (s.wireName().equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
