package io.github.govdx.client.provider;

import io.github.govdx.core.party.PartyId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a caller may use a resource with an action ({@code query}, {@code push}): the provider's
 * own check, after the platform's ({@code docs/protocol.md} section 13, step 5). Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface AccessPolicy {

  /**
   * Whether the caller may perform the action.
   *
   * @param caller the authenticated calling party (the envelope's verified sender)
   * @param resourceCode the resource
   * @param action {@code query} or {@code push}
   * @return {@code true} to allow
   */
  boolean permits(PartyId caller, String resourceCode, String action);

  /**
   * Allows everything (the platform's checks only).
   *
   * @return the policy
   */
  static AccessPolicy allowAll() {
    return (caller, resourceCode, action) -> true;
  }

  /**
   * Allows the listed departments (a system is allowed when its department is listed) per resource code.
   *
   * @param allowed resource code to the departments allowed to use it
   * @return the policy
   */
  static AccessPolicy allowList(Map<String, Set<PartyId>> allowed) {
    Map<String, Set<PartyId>> copy = Map.copyOf(Objects.requireNonNull(allowed, "allowed == null"));
    return (caller, resourceCode, action) -> {
      Set<PartyId> s = copy.get(resourceCode);
      return s != null && (s.contains(caller) || s.contains(caller.department()));
    };
  }
}
