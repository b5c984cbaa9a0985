package io.github.govdx.client.application;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The states of an access application ({@code docs/protocol.md} section 8).
 *
 * <p>Thread-safe.
 */
public enum ApplicationState {
  /** Submitted, not yet picked up by the provider. */
  SUBMITTED,
  /** Being reviewed by the provider. */
  UNDER_REVIEW,
  /** Approved: the applicant may use the resource (final). */
  APPROVED,
  /** Rejected (final). */
  REJECTED,
  /** Withdrawn by the applicant (final). */
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
  public static Optional<ApplicationState> parse(String text) {
    Objects.requireNonNull(text, "text == null");
    for (ApplicationState v : values()) {
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
