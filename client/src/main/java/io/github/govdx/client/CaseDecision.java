package io.github.govdx.client;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A provider's decision on an application or an objection: the state it moves to and the reason given.
 * Implementations are immutable and thread-safe.
 *
 * @param <S> the state type
 */
public interface CaseDecision<S extends Enum<S> & CaseState> {

  /** @return the state the case moves to */
  S state();

  /** @return the reason or resolution, or empty when none is given */
  Optional<String> reason();

  /**
   * Checks that the decision moves the case to a state a provider may set: {@code under_review} or a final state
   * other than {@code withdrawn}.
   *
   * @throws IllegalArgumentException for {@code submitted} or {@code withdrawn}
   */
  @Value.Check
  default void checkDecidedState() {
    String wire = state().wireName();
    if (wire.equals("submitted") || wire.equals("withdrawn")) {
      throw new IllegalArgumentException(
          "a decision moves to under_review or a final state other than withdrawn, not " + wire);
    }
  }
}
