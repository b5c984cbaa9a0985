package io.github.govdx.client;

import java.util.Optional;

/**
 * Where an exchange error arose: the {@code source} member of the error body ({@code docs/protocol.md}
 * section 3). Thread-safe.
 */
public enum ErrorSource implements WireEnum {
  /** The gateway in front of the platform: authentication, rate limiting, edge routing. */
  GATEWAY,
  /** The exchange platform itself. */
  PLATFORM,
  /** The provider department's endpoint. */
  PROVIDER;

  /**
   * Parses the wire form.
   *
   * @param text e.g. {@code "provider"}
   * @return the source, or empty if unknown
   * @throws NullPointerException if {@code text} is null
   */
  public static Optional<ErrorSource> parse(String text) {
    return WireEnum.parse(ErrorSource.class, text);
  }
}
