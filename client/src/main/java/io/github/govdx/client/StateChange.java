package io.github.govdx.client;

import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an application's or objection's {@code history}: the state entered, when, by whom and why.
 * Immutable and thread-safe.
 */
public final class StateChange {

  private final String state;
  private final Instant at;
  private final PartyId by;
  private final @Nullable String reason;

  private StateChange(String state, Instant at, PartyId by, @Nullable String reason) {
    this.state = state;
    this.at = at;
    this.by = by;
    this.reason = reason;
  }

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
    return new StateChange(
        Objects.requireNonNull(state, "state == null"),
        Objects.requireNonNull(at, "at == null"),
        Objects.requireNonNull(by, "by == null"),
        reason);
  }

  /**
   * The state entered, as its wire name.
   *
   * @return e.g. {@code "under_review"}
   */
  public String state() {
    return state;
  }

  /**
   * When the state was entered.
   *
   * @return the instant
   */
  public Instant at() {
    return at;
  }

  /**
   * The party that made the change.
   *
   * @return the party
   */
  public PartyId by() {
    return by;
  }

  /**
   * The stated reason.
   *
   * @return the reason, or empty
   */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StateChange)) {
      return false;
    }
    StateChange that = (StateChange) o;
    return state.equals(that.state)
        && at.equals(that.at)
        && by.equals(that.by)
        && Objects.equals(reason, that.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, at, by, reason);
  }

  @Override
  public String toString() {
    return "StateChange{" + state + " at " + at + " by " + by + "}";
  }
}
