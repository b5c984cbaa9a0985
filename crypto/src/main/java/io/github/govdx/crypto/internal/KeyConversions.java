package io.github.govdx.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.jspecify.annotations.Nullable;

/** Conversions between key encodings and the JCA objects each suite uses. Thread-safe. */
public final class KeyConversions {

  /** Curve name of GM keys. */
  public static final String GM = "GM";

  /** Curve name of INTL keys. */
  public static final String INTL = "INTL";

  private KeyConversions() {}

  /**
   * The suite name ({@link #GM} or {@link #INTL}) of an EC SubjectPublicKeyInfo or PKCS#8 curve parameter.
   *
   * @param params the AlgorithmIdentifier parameters
   * @return the suite name, or {@code null} for another curve
   */
  public static @Nullable String suiteOfCurve(@Nullable ASN1Encodable params) {
    if (org.bouncycastle.asn1.gm.GMObjectIdentifiers.sm2p256v1.equals(
        params)) { // not Sm2: no curve set-up
      return GM;
    }
    if (X9ObjectIdentifiers.prime256v1.equals(params)
        || SECObjectIdentifiers.secp256r1.equals(params)) {
      return INTL;
    }
    return null;
  }

  /**
   * The suite name of a public key encoding.
   *
   * @param spki DER SubjectPublicKeyInfo
   * @return the suite name, or {@code null}
   */
  public static @Nullable String suiteOfPublicKey(byte[] spki) {
    try {
      SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spki);
      if (!X9ObjectIdentifiers.id_ecPublicKey.equals(info.getAlgorithm().getAlgorithm())) {
        return null;
      }
      return suiteOfCurve(info.getAlgorithm().getParameters());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Reads a PKCS#8 EC private key: Bouncy Castle object for SM2, JDK object for P-256.
   *
   * @param pkcs8 DER PKCS#8
   * @return the key
   * @throws GeneralSecurityException if not an SM2 or P-256 key
   */
  public static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
    String suite;
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8);
      suite = suiteOfCurve(info.getPrivateKeyAlgorithm().getParameters());
    } catch (RuntimeException e) {
      throw new GeneralSecurityException("not PKCS#8");
    }
    if (suite == null) {
      throw new GeneralSecurityException("not an SM2 or P-256 private key");
    }
    KeyFactory kf =
        GM.equals(suite) ? KeyFactory.getInstance("EC", Bc.PROVIDER) : KeyFactory.getInstance("EC");
    return kf.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }

  /**
   * Reads a SubjectPublicKeyInfo EC public key: Bouncy Castle object for SM2, JDK object for P-256.
   *
   * @param spki DER SubjectPublicKeyInfo
   * @return the key
   * @throws GeneralSecurityException if not an SM2 or P-256 key
   */
  public static PublicKey publicKey(byte[] spki) throws GeneralSecurityException {
    String suite = suiteOfPublicKey(spki);
    if (suite == null) {
      throw new GeneralSecurityException("not an SM2 or P-256 public key");
    }
    KeyFactory kf =
        GM.equals(suite) ? KeyFactory.getInstance("EC", Bc.PROVIDER) : KeyFactory.getInstance("EC");
    return kf.generatePublic(new X509EncodedKeySpec(spki));
  }

  /**
   * An SM2 public key from its point.
   *
   * @param q the public point on sm2p256v1
   * @return the key (a Bouncy Castle object)
   */
  public static PublicKey sm2PublicKey(org.bouncycastle.math.ec.ECPoint q) {
    try {
      byte[] spki =
          new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(
                  new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                      org.bouncycastle.asn1.x9.X9ObjectIdentifiers.id_ecPublicKey, Sm2.CURVE_OID),
                  q.getEncoded(false))
              .getEncoded();
      return publicKey(spki);
    } catch (java.io.IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("not an SM2 point", e);
    }
  }

  /**
   * A P-256 private key as a JDK object (Nimbus uses the JDK provider for ES256 and ECDH-ES).
   *
   * @param key a P-256 private key from any provider
   * @return the JDK key
   */
  public static ECPrivateKey jdkPrivate(PrivateKey key) {
    try {
      return (ECPrivateKey)
          KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not a P-256 private key", e);
    }
  }

  /**
   * A P-256 public key as a JDK object.
   *
   * @param key a P-256 public key from any provider
   * @return the JDK key
   */
  public static ECPublicKey jdkPublic(PublicKey key) {
    try {
      return (ECPublicKey)
          KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(key.getEncoded()));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not a P-256 public key", e);
    }
  }
}
