package io.github.govdx.crypto.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.impl.ECDH;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PrivateKeyHolder;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * The software {@link PrivateKeyHolder}: the private key is a JCA object in this JVM. This is the one class of
 * govdx that reads a private scalar ({@link ECPrivateKey#getS()}); {@code PrivateScalarTest} fails if any other
 * main class does. Thread-safe.
 */
public final class SoftwareKeyHolder implements PrivateKeyHolder {

  private final Suite suite;
  private final PublicKey publicKey;
  private final Sm2.@org.jspecify.annotations.Nullable Signing sm2;
  private final @org.jspecify.annotations.Nullable ECPrivateKeyParameters sm2Key;
  private final @org.jspecify.annotations.Nullable ECPrivateKey p256;
  private final @org.jspecify.annotations.Nullable ECDSASigner es256;

  private SoftwareKeyHolder(Suite suite, PrivateKey key) {
    this.suite = suite;
    if (suite == Suite.GM) {
      this.sm2Key = privateParameters(key);
      this.sm2 = new Sm2.Signing(sm2Key);
      this.p256 = null;
      this.es256 = null;
      this.publicKey = sm2PublicKey(sm2Key);
    } else {
      this.p256 = KeyConversions.jdkPrivate(key);
      try {
        this.es256 = Es256.signer(p256);
      } catch (JOSEException e) {
        throw new IllegalArgumentException("P-256 key unusable", e);
      }
      this.sm2 = null;
      this.sm2Key = null;
      this.publicKey = p256PublicKey(p256);
    }
  }

  /**
   * A holder for a software key.
   *
   * @param key an SM2 or P-256 private key
   * @return the holder
   * @throws IllegalArgumentException if the key is neither
   */
  public static SoftwareKeyHolder of(PrivateKey key) {
    Objects.requireNonNull(key, "key == null");
    Suite suite =
        KeyPairs.suiteOf(key)
            .orElseThrow(
                () -> new IllegalArgumentException("private key is neither SM2 nor P-256"));
    return new SoftwareKeyHolder(suite, key);
  }

  /**
   * Converts a JCA SM2 private key to Bouncy Castle parameters (also for fixed-k test vectors).
   *
   * @param key an EC private key on sm2p256v1
   * @return the parameters
   * @throws IllegalArgumentException if the key is not an SM2 private key
   */
  public static ECPrivateKeyParameters privateParameters(PrivateKey key) {
    if (!(key instanceof ECPrivateKey) || !Sm2.isSm2(((ECPrivateKey) key).getParams())) {
      throw new IllegalArgumentException("not an SM2 private key");
    }
    return new ECPrivateKeyParameters(((ECPrivateKey) key).getS(), Sm2.DOMAIN);
  }

  private static PublicKey sm2PublicKey(ECPrivateKeyParameters key) {
    org.bouncycastle.math.ec.ECPoint q = Sm2.DOMAIN.getG().multiply(key.getD()).normalize();
    return KeyConversions.sm2PublicKey(q);
  }

  private static PublicKey p256PublicKey(ECPrivateKey key) {
    try {
      org.bouncycastle.asn1.x9.X9ECParameters x9 =
          org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256r1");
      org.bouncycastle.math.ec.ECPoint q = x9.getG().multiply(key.getS()).normalize();
      return KeyFactory.getInstance("EC")
          .generatePublic(
              new ECPublicKeySpec(
                  new ECPoint(
                      q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()),
                  key.getParams()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("P-256 key unusable", e);
    }
  }

  @Override
  public Suite suite() {
    return suite;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] message) {
    if (sm2 != null) {
      return sm2.sign(message);
    }
    try {
      return Objects.requireNonNull(es256)
          .sign(new JWSHeader(JWSAlgorithm.ES256), message)
          .decode();
    } catch (JOSEException e) {
      throw new IllegalStateException("ES256 signing failed", e);
    }
  }

  @Override
  public byte[] decrypt(byte[] ciphertext) {
    if (sm2Key == null) {
      throw new UnsupportedOperationException("SM2 decryption needs a GM key");
    }
    try {
      return Sm2.decrypt(sm2Key, ciphertext);
    } catch (InvalidCipherTextException | RuntimeException e) {
      throw new IllegalArgumentException("SM2 decryption failed");
    }
  }

  @Override
  public byte[] agree(ECPublicKey ephemeral) {
    if (p256 == null) {
      throw new UnsupportedOperationException("ECDH needs an INTL key");
    }
    try {
      return ECDH.deriveSharedSecret(ephemeral, p256, Bc.PROVIDER).getEncoded();
    } catch (JOSEException e) {
      throw new IllegalArgumentException("ECDH failed");
    }
  }

  @Override
  public String toString() {
    return "SoftwareKeyHolder{" + suite + ", privateKey=[REDACTED]}";
  }
}
