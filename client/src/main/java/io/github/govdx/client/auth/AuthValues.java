package io.github.govdx.client.auth;

import java.util.Objects;
import java.util.function.Supplier;
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

  /** Calls a nonce supplier and checks its output is header-safe. */
  static String nonce(Supplier<String> supplier) {
    String nonce = supplier.get();
    if (nonce == null || nonce.isBlank()) {
      throw new IllegalStateException("nonce supplier returned an empty nonce");
    }
    if (nonce.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
      throw new IllegalStateException(
          "nonce supplier returned a nonce with a non-printable character");
    }
    return nonce;
  }
}
