package io.github.govdx.client.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What an access application asks for (申请事项): the resource, the purpose of use (用途), the legal basis (依据),
 * the items and how long ({@code docs/protocol.md} section 8.1). An {@link ApplyRequest} states the terms and the
 * {@link Application} the platform keeps carries them, so a rejected or expired application can be filed again
 * with {@code ApplyRequest.builder().from(application)}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ApplicationTerms {

  /** @return the resource code */
  String resourceCode();

  /** @return the purpose of use; a request's has 1 to 500 characters */
  String purpose();

  /** @return the legal basis, or empty */
  Optional<String> legalBasis();

  /** @return the item names requested, unmodifiable; empty means all */
  List<String> items();

  /** @return the day access should end, or empty */
  Optional<LocalDate> validUntil();
}
