package io.github.govdx.client.application;

import io.github.govdx.client.CaseState;
import io.github.govdx.client.WireEnum;
import java.util.Optional;

/**
 * The states of an access application ({@code docs/protocol.md} section 8).
 *
 * <p>Thread-safe.
 */
public enum ApplicationState implements CaseState {
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
   * Parses the wire form.
   *
   * @param text the wire name
   * @return the constant, or empty if unknown
   * @throws NullPointerException if {@code text} is null
   */
  public static Optional<ApplicationState> parse(String text) {
    return WireEnum.parse(ApplicationState.class, text);
  }
}
