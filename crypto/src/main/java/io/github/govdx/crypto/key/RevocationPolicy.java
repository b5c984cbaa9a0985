package io.github.govdx.crypto.key;

/**
 * What a {@link TrustStore} does about certificate revocation (证书撤销) when it validates a chain.
 *
 * <p>A certificate known to be revoked is refused under {@link #SOFT_FAIL} and {@link #HARD_FAIL} alike
 * ({@code GDX-2208}). The two differ when the status cannot be established: an OCSP responder answers "unknown"
 * ({@code GDX-2209}), the only CRL is past its {@code nextUpdate} ({@code GDX-2210}), or no CRL or OCSP answer can
 * be had at all ({@code GDX-2211}). {@code SOFT_FAIL} accepts the certificate then and logs a warning;
 * {@code HARD_FAIL} refuses it with that code. For GB/T 39786 level 3 prefer {@code HARD_FAIL} with a revocation
 * source the department can rely on.
 */
public enum RevocationPolicy {
  /** No revocation check (the default, as before). */
  OFF,
  /** Refuse revoked certificates; accept, with a warning, when the status cannot be established. */
  SOFT_FAIL,
  /** Refuse revoked certificates and every certificate whose status cannot be established. */
  HARD_FAIL
}
