package io.github.govdx.client.directory;

import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import java.util.List;
import java.util.Optional;

/**
 * A party as listed in the directory, with its current certificates ({@code docs/protocol.md} section 7).
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class PartyInfo {

  PartyInfo() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the party id */
  public abstract PartyId partyId();

  /** @return the party's name, or empty */
  public abstract Optional<String> name();

  /** @return the party's certificates, current first per suite; unmodifiable */
  public abstract List<PartyCertificate> certificates();

  /**
   * Builds a {@link PartyInfo}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutablePartyInfo.Builder {
    Builder() {}
  }
}
