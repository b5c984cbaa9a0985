package io.github.govdx.crypto.internal;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.Requirement;

/**
 * The govdx names of the GM algorithms in JOSE headers (no IANA registration exists; see
 * {@code docs/envelope.md}). Thread-safe constants.
 */
public final class GmAlgorithms {

  /** JWS {@code alg}: SM2 signature with SM3 (GB/T 32918.2, GB/T 35276), r‖s, 64 bytes. */
  public static final JWSAlgorithm SM2_SM3 = new JWSAlgorithm("SM2-SM3", Requirement.OPTIONAL);

  /** JWE {@code alg}: the CEK encrypted with SM2 (GB/T 32918.4), GB/T 35276 DER ciphertext. */
  public static final JWEAlgorithm SM2 = new JWEAlgorithm("SM2", Requirement.OPTIONAL);

  /** JWE {@code enc}: SM4 in GCM mode (RFC 8998), 128-bit key, 96-bit IV, 128-bit tag. */
  public static final EncryptionMethod SM4_GCM =
      new EncryptionMethod("SM4-GCM", Requirement.OPTIONAL, 128);

  private GmAlgorithms() {}
}
