package io.github.govdx.client.application;

import io.github.govdx.client.WireEnum;
import java.util.Optional;

/**
 * Whose applications a list shows: the caller's own, or those addressed to the caller as provider.
 *
 * <p>Thread-safe.
 */
public enum ApplicationRole implements WireEnum {
  /** Applications the caller submitted. */
  APPLICANT,
  /** Applications for resources the caller provides. */
  PROVIDER;

  /**
   * Parses the wire form.
   *
   * @param text the wire name
   * @return the constant, or empty if unknown
   * @throws NullPointerException if {@code text} is null
   */
  public static Optional<ApplicationRole> parse(String text) {
    return WireEnum.parse(ApplicationRole.class, text);
  }
}
