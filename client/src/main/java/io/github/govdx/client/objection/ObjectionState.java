package io.github.govdx.client.objection;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The states of a data objection ({@code docs/protocol.md} section 12).
 *
 * <p>Thread-safe.
 */
public enum ObjectionState {
  /** Submitted. */
  SUBMITTED,
  /** Being reviewed by the provider. */
  UNDER_REVIEW,
  /** Resolved: corrected or confirmed (final). */
  RESOLVED,
  /** Rejected (final). */
  REJECTED,
  /** Withdrawn by the objector (final). */
  WITHDRAWN;

  /**
   * The wire form, e.g. {@code "submitted"}.
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
  public static Optional<ObjectionState> parse(String text) {
    Objects.requireNonNull(text, "text == null");
    for (ObjectionState v : values()) {
      if (v.wireName().equals(text)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the state is final (no further transition).
   *
   * @return {@code true} for a final state
   */
  public boolean isFinal() {
    return this != SUBMITTED && this != UNDER_REVIEW;
  }
}
