package io.github.govdx.testkit.internal;

import io.github.govdx.core.party.PartyId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The grants of approved applications, shared by the instances of a clustered sandbox ({@link StateTables}), so a
 * conditional query is allowed at any instance once the application was approved at one. The applications
 * themselves (their history, list and withdrawal) stay with the instance that received them. Thread-safe.
 */
public interface SharedGrants {

  /**
   * Records or removes the grant of an application after a state change: present while it is {@code approved}.
   *
   * @param app the application
   */
  void changed(ApplicationStore.App app);

  /**
   * The items an approved, unexpired application of {@code party} for a resource grants (empty = all).
   *
   * @param party the applicant
   * @param resourceCode the resource
   * @param today the platform's date
   * @return the items, or empty when no instance holds such a grant
   */
  Optional<List<String>> find(PartyId party, String resourceCode, LocalDate today);
}
