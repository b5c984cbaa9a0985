package io.github.govdx.client;

import java.util.Optional;

/**
 * A provider's decision on an application or an objection: the state it moves to and the reason given.
 * Implementations are immutable and thread-safe.
 *
 * @param <S> the state type
 */
public interface CaseDecision<S extends Enum<S>> {

  /** @return the state the case moves to */
  S state();

  /** @return the reason or resolution, or empty when none is given */
  Optional<String> reason();
}
