package io.github.govdx.crypto;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * What {@link EnvelopeCodec#openStream} established about a sealed stream once every check passed: its routing
 * headers (from the sealed stream header, opened with every envelope check), the signer's certificate, the number
 * of plaintext bytes written, and their digest (SM3 for GM, SHA-256 for INTL), which the trailer signature covers.
 *
 * <p>Immutable and thread-safe.
 */
public final class OpenedStream {

  private final RoutingHeaders headers;
  private final X509Certificate signer;
  private final long length;
  private final long chunks;
  private final String digest;

  OpenedStream(
      RoutingHeaders headers, X509Certificate signer, long length, long chunks, String digest) {
    this.headers = headers;
    this.signer = signer;
    this.length = length;
    this.chunks = chunks;
    this.digest = digest;
  }

  /** @return the routing headers of the stream */
  public RoutingHeaders headers() {
    return headers;
  }

  /** @return the sender's certificate */
  public X509Certificate signerCertificate() {
    return signer;
  }

  /** @return the plaintext length in bytes */
  public long length() {
    return length;
  }

  /** @return the number of chunks */
  public long chunks() {
    return chunks;
  }

  /** @return the plaintext digest, lowercase hex (SM3 for GM, SHA-256 for INTL) */
  public String digest() {
    return digest;
  }

  @Override
  public String toString() {
    return "OpenedStream{mid="
        + headers.messageId()
        + ", bytes="
        + length
        + ", chunks="
        + chunks
        + ", digest="
        + digest
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpenedStream
        && ((OpenedStream) o).headers.equals(headers)
        && ((OpenedStream) o).digest.equals(digest)
        && ((OpenedStream) o).length == length;
  }

  @Override
  public int hashCode() {
    return Objects.hash(headers, digest, length);
  }
}
