package io.github.govdx.crypto.key;

import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.internal.JcaKeyHolder;
import io.github.govdx.crypto.internal.SoftwareKeyHolder;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;

/**
 * The private-key operations of one key pair, so that the private key never has to leave the place that holds
 * it (DESIGN section 8): a software key in this JVM, a key in a cryptographic module reached through a JCA
 * provider (PKCS#11 through SunPKCS11: a hardware security module, 密码机, or a USB key), or a vendor SDF/SKF
 * module (GM/T 0018, GM/T 0016) or signing server (GM/T 0029) behind an adapter a department writes by
 * implementing this interface. govdx calls exactly these operations and nothing else of the key:
 *
 * <ul>
 *   <li>{@link #sign(byte[])}: the suite's signature over a message — GM: SM2 with SM3 (GB/T 32918.2), the
 *       signer's Z computed with the user id {@code 1234567812345678} (GM/T 0009); INTL: ECDSA on P-256 with
 *       SHA-256. Always {@code r ‖ s}, each 32 bytes, 64 bytes in all (as JOSE carries them).
 *   <li>{@link #decrypt(byte[])}, GM only: SM2 decryption of the content key, the ciphertext in the GB/T 35276
 *       DER form (SEQUENCE x, y, hash, ciphertext).
 *   <li>{@link #agree(ECPublicKey)}, INTL only: the ECDH shared secret with the sender's ephemeral P-256 key
 *       (RFC 7518 section 4.6: the x coordinate, 32 bytes), from which govdx derives and unwraps the content key.
 * </ul>
 *
 * <p>An implementation must be thread-safe, must never return or log the private key, and throws
 * {@link UnsupportedOperationException} for the operation its suite does not have. A failure of the module
 * (unavailable, PIN locked) is an unchecked exception of the implementation's choice; govdx reports it with the
 * operation's code without its message.
 *
 * <pre>{@code
 * KeyStore p11 = KeyStore.getInstance("PKCS11", sunPkcs11);   // configured for the module
 * p11.load(null, pin);
 * PrivateKeyHolder holder = PrivateKeyHolder.jca(
 *     (PrivateKey) p11.getKey("dept-sign", null), certificate.getPublicKey(), sunPkcs11);
 * PartyCredentials credentials = PartyCredentials.builder()
 *     .partyId(party).keyHolder(holder).certificateChain(chain).build();
 * }</pre>
 */
public interface PrivateKeyHolder {

  /**
   * The suite of the key pair.
   *
   * @return GM for SM2, INTL for P-256
   */
  Suite suite();

  /**
   * The public key of the pair, matched against the certificate.
   *
   * @return the public key
   */
  PublicKey publicKey();

  /**
   * Signs a message with the suite's signature.
   *
   * @param message the message (for JOSE, the signing input)
   * @return {@code r ‖ s}, 64 bytes
   */
  byte[] sign(byte[] message);

  /**
   * Decrypts an SM2 ciphertext (GM only).
   *
   * @param ciphertext the GB/T 35276 DER ciphertext
   * @return the plaintext (a content key)
   * @throws IllegalArgumentException if the ciphertext does not decrypt
   * @throws UnsupportedOperationException for an INTL key
   */
  byte[] decrypt(byte[] ciphertext);

  /**
   * Agrees an ECDH shared secret (INTL only).
   *
   * @param ephemeral the other party's ephemeral P-256 public key (already checked to lie on the curve)
   * @return the shared secret Z, 32 bytes
   * @throws UnsupportedOperationException for a GM key
   */
  byte[] agree(ECPublicKey ephemeral);

  /**
   * A holder for a software private key in this JVM (SM2 or P-256): today's behaviour, fast, and the only
   * implementation that reads the private scalar.
   *
   * @param key an SM2 or P-256 EC private key
   * @return the holder
   * @throws IllegalArgumentException if the key is neither SM2 nor P-256
   */
  static PrivateKeyHolder software(PrivateKey key) {
    return SoftwareKeyHolder.of(key);
  }

  /**
   * A holder for a private key that stays in a JCA provider, typically a key in a PKCS#11 module through
   * SunPKCS11. INTL uses the provider's {@code SHA256withECDSA} signature and {@code ECDH} key agreement; GM uses
   * its {@code SM3withSM2} signature (with the user id {@code 1234567812345678} where the provider takes an
   * {@code SM2ParameterSpec}) and {@code SM2} cipher, as vendor providers that follow Bouncy Castle's names offer
   * them.
   *
   * @param key the provider's handle of the private key (its value never leaves the provider)
   * @param publicKey the pair's public key (e.g. from the certificate)
   * @param provider the provider that holds the key
   * @return the holder
   * @throws IllegalArgumentException if the public key is neither SM2 nor P-256
   */
  static PrivateKeyHolder jca(PrivateKey key, PublicKey publicKey, Provider provider) {
    return new JcaKeyHolder(key, publicKey, provider);
  }
}
