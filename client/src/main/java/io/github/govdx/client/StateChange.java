package io.github.govdx.client;

import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an application's or objection's {@code history}: the state entered, when, by whom and why.
 * Immutable and thread-safe.
 */
@ValueStyle
public abstract class StateChange {

  StateChange() {}

  /**
   * Creates a history entry.
   *
   * @param state the wire name of the state entered, e.g. {@code "approved"}
   * @param at when
   * @param by the party that made the change
   * @param reason the stated reason, or {@code null}
   * @return the entry
   * @throws NullPointerException if {@code state}, {@code at} or {@code by} is null
   */
  public static StateChange of(String state, Instant at, PartyId by, @Nullable String reason) {
    return ImmutableStateChange.builder().state(state).at(at).by(by).reason(reason).build();
  }

  /** @return the wire name of the state entered, e.g. {@code "under_review"} */
  public abstract String state();

  /** @return when the state was entered */
  public abstract Instant at();

  /** @return the party that made the change */
  public abstract PartyId by();

  /** @return the stated reason, or empty */
  public abstract Optional<String> reason();

  @Override
  public String toString() {
    return "StateChange{" + state() + " at " + at() + " by " + by() + "}";
  }
}
