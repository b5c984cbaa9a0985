package io.github.govdx.client.objection;

import io.github.govdx.client.EnvelopeDigest;
import java.util.List;

/**
 * What a data-quality objection (数据异议) disputes and why: the resource, the message that carried the data (its
 * id and envelope digest as received), the disputed places and what is wrong ({@code docs/protocol.md} section
 * 12.1). A {@link RaiseObjectionRequest} states the grounds and the {@link Objection} the platform keeps carries
 * them.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ObjectionGrounds {

  /** @return the resource */
  String resourceCode();

  /** @return the message id of the envelope that carried the data */
  String messageId();

  /** @return the digest of that envelope as received */
  EnvelopeDigest digest();

  /** @return JSON Pointers into the disputed payload, e.g. {@code /records/0/xb}; unmodifiable, possibly empty */
  List<String> pointers();

  /** @return what is wrong */
  ObjectionCategory category();

  /** @return what is wrong in words, without personal data; a request's has 1 to 1000 characters */
  String description();
}
