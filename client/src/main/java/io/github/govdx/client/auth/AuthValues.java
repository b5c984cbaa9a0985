package io.github.govdx.client.auth;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Builder precondition helpers for the authenticators. Thread-safe. */
final class AuthValues {

  private AuthValues() {}

  static String headerSafe(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException(name + " contains a control character");
    }
    return value;
  }

  static <T> T required(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalStateException(name + " is required");
    }
    return value;
  }
}
