package io.github.govdx.client;

/**
 * The state of an application or an objection: open while {@code submitted} or {@code under_review}, final in
 * any other state. Implemented by enums; thread-safe.
 */
public interface CaseState extends WireEnum {

  /**
   * Whether the state is final (no further transition).
   *
   * @return {@code true} for a final state
   */
  default boolean isFinal() {
    String wire = wireName();
    return !wire.equals("submitted") && !wire.equals("under_review");
  }
}
