package io.github.govdx.client.objection;

import io.github.govdx.client.CaseState;
import io.github.govdx.client.WireEnum;
import java.util.Optional;

/**
 * The states of a data objection ({@code docs/protocol.md} section 12).
 *
 * <p>Thread-safe.
 */
public enum ObjectionState implements CaseState {
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
   * Parses the wire form.
   *
   * @param text the wire name
   * @return the constant, or empty if unknown
   * @throws NullPointerException if {@code text} is null
   */
  public static Optional<ObjectionState> parse(String text) {
    return WireEnum.parse(ObjectionState.class, text);
  }
}
