package io.github.govdx.client;

import java.util.Optional;

/**
 * Filters shared by the listings of applications and objections ({@code GET /v1/applications}, {@code GET
 * /v1/objections}). Implementations are immutable and thread-safe.
 *
 * @param <S> the state type
 */
public interface CaseListRequest<S extends Enum<S>> extends PageRequest {

  /** @return only cases in this state, or empty for all */
  Optional<S> state();

  /** @return only cases for this resource, or empty for all */
  Optional<String> resourceCode();
}
