package io.github.govdx.testkit;

import io.github.govdx.core.party.PartyId;
import java.util.Objects;

/**
 * An access application as the sandbox holds it ({@code docs/protocol.md} §8), for tests that review
 * applications themselves ({@link ReviewMode#MANUAL}).
 *
 * @param applicationId the id
 * @param resourceCode the resource applied for
 * @param applicant the applying party
 * @param provider the resource's provider
 * @param state {@code submitted}, {@code under_review}, {@code approved}, {@code rejected} or {@code withdrawn}
 */
public record ApplicationSnapshot(
    String applicationId, String resourceCode, PartyId applicant, PartyId provider, String state) {

  /**
   * Checks the members.
   *
   * @param applicationId the id
   * @param resourceCode the resource
   * @param applicant the applicant
   * @param provider the provider
   * @param state the state
   */
  public ApplicationSnapshot {
    Objects.requireNonNull(applicationId, "applicationId == null");
    Objects.requireNonNull(resourceCode, "resourceCode == null");
    Objects.requireNonNull(applicant, "applicant == null");
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(state, "state == null");
  }
}
