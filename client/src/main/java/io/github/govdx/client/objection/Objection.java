package io.github.govdx.client.objection;

import io.github.govdx.client.CaseRecord;
import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import java.util.Optional;

/**
 * A data objection and its state ({@code docs/protocol.md} section 12).
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class Objection implements CaseRecord<ObjectionState>, ObjectionGrounds {

  Objection() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the platform's id of the objection */
  public abstract String objectionId();

  /** @return the objecting party */
  public abstract PartyId objector();

  /** @return the provider's resolution, or empty when absent */
  public abstract Optional<String> resolution();

  /**
   * Builds an {@link Objection}; {@code build()} throws {@link IllegalStateException} naming the missing
   * attributes. Not thread-safe.
   */
  public static final class Builder extends ImmutableObjection.Builder {
    Builder() {}
  }
}
