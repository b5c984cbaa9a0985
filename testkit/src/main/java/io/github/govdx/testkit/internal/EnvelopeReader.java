package io.github.govdx.testkit.internal;

/** Reads an envelope's routing facts without decrypting it. Implementations are thread-safe. */
@FunctionalInterface
public interface EnvelopeReader {

  /**
   * Parses the envelope's cleartext headers.
   *
   * @param body the envelope bytes
   * @return the facts
   * @throws ApiException {@code GDX-3001} if the body is not an envelope
   */
  EnvelopeFacts read(byte[] body);
}
