package io.github.govdx.client.provider;

import io.github.govdx.core.party.PartyId;

/**
 * What {@link ProviderEndpoint} tells every handler about the request it verified: who sent it, for which resource,
 * under which message id. Implemented by {@link ProviderQuery}, {@link ProviderPush} and {@link ProviderFile};
 * immutable and thread-safe.
 */
public interface VerifiedCall {

  /** @return the verified calling or sending party (for a file, the stream's signer) */
  PartyId caller();

  /** @return the resource concerned */
  String resourceCode();

  /** @return the message id of the request envelope or of the sealed stream (the sender's own id) */
  String messageId();
}
