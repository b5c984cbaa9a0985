package io.github.govdx.crypto.key;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Fetches revocation information for a {@link TrustStore}: CRLs and OCSP responses as bytes. govdx-crypto knows
 * nothing of HTTP; the client module's {@code HttpRevocationSource} fetches from the URIs in the certificates, and a
 * department may answer from its own mirror or a configured directory instead. govdx verifies everything it is
 * given (the CRL's or response's signature by the issuing CA or its delegated OCSP signer, its times, the serial)
 * and caches CRLs until their {@code nextUpdate}.
 *
 * <p>Implementations are thread-safe, bound their own time and size, and return empty (or throw an unchecked
 * exception, which counts the same) when the information cannot be had.
 */
public interface RevocationSource {

  /**
   * The current CRL (DER) of an issuer.
   *
   * @param issuer the CA that issued the certificate being checked
   * @param distributionPoints the certificate's CRL distribution points (may be empty; a configured source may
   *     know the CRL anyway)
   * @return the CRL, or empty when none can be had
   */
  Optional<byte[]> crl(X509Certificate issuer, List<URI> distributionPoints);

  /**
   * Asks an OCSP responder (RFC 6960) about a certificate.
   *
   * @param responder the responder URI from the certificate's authority information access
   * @param request the DER OCSP request
   * @return the DER OCSP response, or empty when the responder cannot be reached (the default: no OCSP)
   */
  default Optional<byte[]> ocsp(URI responder, byte[] request) {
    return Optional.empty();
  }
}
