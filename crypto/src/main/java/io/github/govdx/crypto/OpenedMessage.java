package io.github.govdx.crypto;

import java.security.cert.X509Certificate;

/**
 * The result of a successful {@link EnvelopeCodec#open(byte[])} or {@link EnvelopeCodec#verify(byte[])}: the
 * authenticated routing headers, the payload, the signer's certificate and the envelope as received.
 *
 * <p>Immutable and thread-safe ({@link #payload()} returns a copy).
 */
public final class OpenedMessage {

  private final RoutingHeaders headers;
  private final byte[] payload;
  private final X509Certificate signerCertificate;
  private final Envelope envelope;

  OpenedMessage(
      RoutingHeaders headers,
      byte[] payload,
      X509Certificate signerCertificate,
      Envelope envelope) {
    this.headers = headers;
    this.payload = payload;
    this.signerCertificate = signerCertificate;
    this.envelope = envelope;
  }

  /**
   * The routing headers, checked against the signature (and, for a sealed envelope, the JWE AAD).
   *
   * @return the headers
   */
  public RoutingHeaders headers() {
    return headers;
  }

  /**
   * The payload.
   *
   * @return a copy of the payload bytes
   */
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * The signer's leaf certificate (validated against the trust store).
   *
   * @return the certificate
   */
  public X509Certificate signerCertificate() {
    return signerCertificate;
  }

  /**
   * The suite of the envelope.
   *
   * @return the suite
   */
  public Suite suite() {
    return envelope.suite();
  }

  /**
   * The envelope as received (for its {@linkplain Envelope#digest() digest}, receipts and evidence).
   *
   * @return the envelope
   */
  public Envelope envelope() {
    return envelope;
  }

  /** Headers and payload size; never the payload. */
  @Override
  public String toString() {
    return "OpenedMessage{"
        + headers
        + ", "
        + payload.length
        + " payload bytes, "
        + envelope.suite()
        + "}";
  }
}
