package io.github.govdx.crypto.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 (GB/T 32918-2016) on the Bouncy Castle lightweight API, with the conventions of the govdx GM suite.
 *
 * <ul>
 *   <li>Signatures: SM3 digest, Z computed with the user ID {@link #USER_ID} passed explicitly (GB/T 35276
 *       and GM/T 0009 default), encoded as r‖s, each zero-padded to 32 bytes ({@link #SIGNATURE_LENGTH}).
 *   <li>Encryption: C1C3C2 order (GB/T 32918.4), carried as the GB/T 35276 ASN.1 DER
 *       {@code SEQUENCE {x INTEGER, y INTEGER, hash OCTET STRING(32), ciphertext OCTET STRING}}; decryption
 *       accepts only strict DER with minimal positive INTEGERs.
 * </ul>
 *
 * <p>Thread-safe. Bouncy Castle engines are stateful and not thread-safe; every call uses its own engine,
 * except that a {@link Signing} keeps a pool of signers already initialised with its key (initialising an
 * {@link SM2Signer} for signing recomputes the public point and Z, which costs as much as a signature).
 */
public final class Sm2 {

  /** The SM2 user ID (distinguishing identifier) used for Z: ASCII {@code 1234567812345678}. */
  public static final byte[] USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

  /** Length of an r‖s signature in bytes. */
  public static final int SIGNATURE_LENGTH = 64;

  /** OID of the curve sm2p256v1. */
  public static final ASN1ObjectIdentifier CURVE_OID = GMObjectIdentifiers.sm2p256v1;

  // CustomNamedCurves, not GMNamedCurves: the latter gives a generic ECCurve.Fp whose field
  // arithmetic runs on
  // BigInteger (mod per multiply); the custom SM2P256V1Curve uses fixed-width 256-bit arithmetic
  // and makes
  // every SM2 operation several times faster. Same curve, same points, same encodings.
  private static final X9ECParameters X9 = CustomNamedCurves.getByOID(CURVE_OID);

  /** The domain parameters of sm2p256v1 (Bouncy Castle's optimized curve implementation). */
  public static final ECDomainParameters DOMAIN =
      new ECDomainParameters(X9.getCurve(), X9.getG(), X9.getN(), X9.getH());

  private Sm2() {}

  /**
   * Whether a JCA EC parameter spec is the SM2 curve (by its order and field).
   *
   * @param spec the parameter spec
   * @return {@code true} for sm2p256v1
   */
  public static boolean isSm2(ECParameterSpec spec) {
    return spec.getOrder().equals(DOMAIN.getN())
        && spec.getCurve().getA().equals(DOMAIN.getCurve().getA().toBigInteger());
  }

  /**
   * Converts an SM2 public key (any provider) to Bouncy Castle parameters via its SubjectPublicKeyInfo.
   *
   * @param key an EC public key on sm2p256v1
   * @return the parameters
   * @throws IllegalArgumentException if the key is not an SM2 public key
   */
  public static ECPublicKeyParameters publicParameters(PublicKey key) {
    byte[] spki = key.getEncoded();
    if (spki == null) {
      throw new IllegalArgumentException("public key has no encoding");
    }
    return publicParameters(spki);
  }

  /**
   * Parses a DER SubjectPublicKeyInfo of an SM2 key.
   *
   * @param spki the DER bytes
   * @return the parameters
   * @throws IllegalArgumentException if the bytes are not an SM2 public key
   */
  public static ECPublicKeyParameters publicParameters(byte[] spki) {
    try {
      SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spki);
      ASN1Encodable params = info.getAlgorithm().getParameters();
      if (!CURVE_OID.equals(params)) {
        throw new IllegalArgumentException("not an SM2 public key");
      }
      ECPoint q = DOMAIN.getCurve().decodePoint(info.getPublicKeyData().getOctets());
      return new ECPublicKeyParameters(q, DOMAIN);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalArgumentException("not an SM2 public key", e);
    }
  }

  /**
   * Verifies an r‖s SM2-SM3 signature with the govdx user ID.
   *
   * @param key the signer's public key
   * @param message the signed message (Z is prepended internally)
   * @param signature the 64-byte r‖s signature
   * @return {@code true} if valid; {@code false} for any bad signature (never throws for bad input)
   */
  public static boolean verify(ECPublicKeyParameters key, byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    signer.init(false, new ParametersWithID(key, USER_ID));
    signer.update(message, 0, message.length);
    return signer.verifySignature(signature);
  }

  /**
   * Encrypts with SM2 (C1C3C2) and returns the GB/T 35276 DER form.
   *
   * @param key the receiver's public key
   * @param plaintext the data (in the envelope: the 16-byte SM4 CEK)
   * @return DER {@code SEQUENCE {x, y, hash, ciphertext}}
   */
  public static byte[] encrypt(ECPublicKeyParameters key, byte[] plaintext) {
    return encrypt(key, plaintext, Bc.random());
  }

  /**
   * Encrypts with SM2 (C1C3C2) with a given randomness source (fixed-k test vectors) and returns DER.
   *
   * @param key the receiver's public key
   * @param plaintext the data
   * @param random the source of k
   * @return DER {@code SEQUENCE {x, y, hash, ciphertext}}
   */
  public static byte[] encrypt(
      ECPublicKeyParameters key, byte[] plaintext, java.security.SecureRandom random) {
    SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
    engine.init(true, new ParametersWithRandom(key, random));
    try {
      byte[] raw = engine.processBlock(plaintext, 0, plaintext.length);
      return rawToDer(raw);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("SM2 encryption failed", e);
    }
  }

  /**
   * Decrypts the GB/T 35276 DER form.
   *
   * @param key the receiver's private key
   * @param der the DER ciphertext
   * @return the plaintext
   * @throws InvalidCipherTextException if the DER is not strict or the hash C3 does not match
   */
  public static byte[] decrypt(ECPrivateKeyParameters key, byte[] der)
      throws InvalidCipherTextException {
    byte[] raw = derToRaw(der);
    SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
    engine.init(false, key);
    return engine.processBlock(raw, 0, raw.length);
  }

  /**
   * Converts raw C1C3C2 ({@code 04 ‖ x ‖ y ‖ C3 ‖ C2}) to DER.
   *
   * @param raw the raw ciphertext
   * @return the DER form
   */
  public static byte[] rawToDer(byte[] raw) {
    if (raw.length < 97 || raw[0] != 0x04) {
      throw new IllegalArgumentException("not an uncompressed C1C3C2 ciphertext");
    }
    ASN1EncodableVector v = new ASN1EncodableVector(4);
    v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33))));
    v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 33, 65))));
    v.add(new DEROctetString(Arrays.copyOfRange(raw, 65, 97)));
    v.add(new DEROctetString(Arrays.copyOfRange(raw, 97, raw.length)));
    try {
      return new DERSequence(v).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Converts strict DER to raw C1C3C2.
   *
   * @param der the DER ciphertext
   * @return {@code 04 ‖ x ‖ y ‖ C3 ‖ C2}
   * @throws InvalidCipherTextException if the bytes are not strict DER of the expected shape
   */
  public static byte[] derToRaw(byte[] der) throws InvalidCipherTextException {
    ASN1Sequence seq;
    try {
      ASN1Primitive p = ASN1Primitive.fromByteArray(der);
      if (!(p instanceof ASN1Sequence) || !Arrays.equals(p.getEncoded(ASN1Encoding.DER), der)) {
        throw new InvalidCipherTextException("SM2 ciphertext is not strict DER");
      }
      seq = (ASN1Sequence) p;
    } catch (IOException | RuntimeException e) {
      throw new InvalidCipherTextException("SM2 ciphertext is not DER");
    }
    if (seq.size() != 4
        || !(seq.getObjectAt(0) instanceof ASN1Integer)
        || !(seq.getObjectAt(1) instanceof ASN1Integer)
        || !(seq.getObjectAt(2) instanceof ASN1OctetString)
        || !(seq.getObjectAt(3) instanceof ASN1OctetString)) {
      throw new InvalidCipherTextException(
          "SM2 ciphertext is not SEQUENCE {INTEGER, INTEGER, OCTET STRING, OCTET STRING}");
    }
    BigInteger x = ((ASN1Integer) seq.getObjectAt(0)).getValue();
    BigInteger y = ((ASN1Integer) seq.getObjectAt(1)).getValue();
    byte[] hash = ((ASN1OctetString) seq.getObjectAt(2)).getOctets();
    byte[] c2 = ((ASN1OctetString) seq.getObjectAt(3)).getOctets();
    BigInteger p = DOMAIN.getCurve().getField().getCharacteristic();
    if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      throw new InvalidCipherTextException("SM2 ciphertext point out of range");
    }
    if (hash.length != 32 || c2.length == 0) {
      throw new InvalidCipherTextException("SM2 ciphertext has a bad hash or empty ciphertext");
    }
    byte[] raw = new byte[1 + 64 + 32 + c2.length];
    raw[0] = 0x04;
    BigIntegers.asUnsignedByteArray(x, raw, 1, 32);
    BigIntegers.asUnsignedByteArray(y, raw, 33, 32);
    System.arraycopy(hash, 0, raw, 65, 32);
    System.arraycopy(c2, 0, raw, 97, c2.length);
    return raw;
  }

  /**
   * An SM2-SM3 signing key with a pool of initialised Bouncy Castle signers. Thread-safe: each call takes a
   * signer from the pool (or makes one) and returns it afterwards; the pool never holds more signers than
   * there were concurrent calls.
   */
  public static final class Signing {

    private final ECPrivateKeyParameters key;
    private final java.security.SecureRandom random;
    private final ConcurrentLinkedQueue<SM2Signer> pool = new ConcurrentLinkedQueue<>();

    /**
     * Creates a signing key.
     *
     * @param key the SM2 private key
     */
    public Signing(ECPrivateKeyParameters key) {
      this(key, Bc.random());
    }

    /**
     * Creates a signing key with a given randomness source (fixed-k test vectors only).
     *
     * @param key the SM2 private key
     * @param random the source of k
     */
    public Signing(ECPrivateKeyParameters key, java.security.SecureRandom random) {
      this.key = key;
      this.random = random;
    }

    /**
     * Signs with SM2-SM3 and the govdx user ID.
     *
     * @param message the message
     * @return the 64-byte r‖s signature
     */
    public byte[] sign(byte[] message) {
      SM2Signer signer = pool.poll();
      if (signer == null) {
        signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        signer.init(true, new ParametersWithID(new ParametersWithRandom(key, random), USER_ID));
      }
      try {
        signer.update(message, 0, message.length);
        byte[] sig = signer.generateSignature();
        pool.offer(signer);
        return sig;
      } catch (CryptoException | RuntimeException e) {
        // the signer's state is unknown now: drop it
        throw new IllegalStateException("SM2 signing failed", e);
      }
    }
  }
}
