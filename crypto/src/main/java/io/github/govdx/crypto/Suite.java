package io.github.govdx.crypto;

/**
 * The algorithm suites of the envelope (DESIGN §4). Both use JWS/JWE flattened JSON serialization; sealed
 * envelopes are signed, then encrypted. Thread-safe.
 *
 * <table>
 *   <caption>Algorithms per suite</caption>
 *   <tr><th>suite</th><th>JWS {@code alg}</th><th>JWE {@code alg}</th><th>JWE {@code enc}</th><th>digest</th></tr>
 *   <tr><td>GM</td><td>SM2-SM3</td><td>SM2</td><td>SM4-GCM</td><td>SM3</td></tr>
 *   <tr><td>INTL</td><td>ES256</td><td>ECDH-ES+A256KW</td><td>A256GCM</td><td>SHA-256</td></tr>
 * </table>
 */
public enum Suite {

  /**
   * The national (GM, 国密) suite, the default: SM2 signature with SM3 (GB/T 32918.2, user ID
   * {@code 1234567812345678}, r‖s), SM2 encryption of the CEK (GB/T 32918.4, GB/T 35276 DER), SM4-GCM
   * (GB/T 32907, RFC 8998). Keys on curve sm2p256v1.
   */
  GM("SM2-SM3", "SM2", "SM4-GCM", "SM3"),

  /** The international suite: ES256 (RFC 7518 §3.4), ECDH-ES+A256KW and A256GCM (RFC 7518 §4.6, §5.3). Keys on P-256. */
  INTL("ES256", "ECDH-ES+A256KW", "A256GCM", "SHA-256");

  private final String jws;
  private final String jwe;
  private final String enc;
  private final String digest;

  Suite(String jws, String jwe, String enc, String digest) {
    this.jws = jws;
    this.jwe = jwe;
    this.enc = enc;
    this.digest = digest;
  }

  /**
   * The JWS {@code alg} of this suite.
   *
   * @return e.g. {@code "SM2-SM3"}
   */
  public String jwsAlgorithm() {
    return jws;
  }

  /**
   * The JWE {@code alg} (CEK encryption) of this suite.
   *
   * @return e.g. {@code "SM2"}
   */
  public String jweAlgorithm() {
    return jwe;
  }

  /**
   * The JWE {@code enc} (content encryption) of this suite.
   *
   * @return e.g. {@code "SM4-GCM"}
   */
  public String encryptionMethod() {
    return enc;
  }

  /**
   * The digest of this suite, used for envelope digests and the evidence log of receipts.
   *
   * @return {@code "SM3"} or {@code "SHA-256"}
   */
  public String digestAlgorithm() {
    return digest;
  }
}
