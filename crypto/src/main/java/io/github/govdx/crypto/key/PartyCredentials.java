package io.github.govdx.crypto.key;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.internal.KeyConversions;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.jspecify.annotations.Nullable;

/**
 * A party's own signing and decryption credentials: its party id, the holder of its private key and its
 * certificate chain (leaf first, intermediates after; the trust anchor may be omitted).
 *
 * <p>The private key is either a software key ({@link Builder#privateKey(PrivateKey)}) or stays where it is held
 * — a PKCS#11 module, a vendor SDF/SKF module, a signing server — behind a {@link PrivateKeyHolder}
 * ({@link Builder#keyHolder(PrivateKeyHolder)}); govdx only ever asks the holder to sign, decrypt or agree.
 *
 * <p>{@link Builder#build()} checks that the leaf certificate holds the key pair's public key and names
 * the party (or the party's department, see {@link Certificates#partyOf(X509Certificate)}). The
 * {@linkplain #suite() suite} follows from the key: SM2 → GM, P-256 → INTL.
 *
 * <p>{@link #toString()} shows the party, suite and key id, never the private key. Immutable and thread-safe.
 */
public final class PartyCredentials {

  private final PartyId partyId;
  private final Suite suite;
  private final String keyId;
  private final String decryptionKeyId;
  private final boolean softwareKey;
  private final boolean dualPair;
  private final Instant notBefore;
  private final Instant notAfter;
  private volatile @Nullable Material material;
  private @Nullable Supplier<Material> loader;

  /** The JCA objects: made at once by the builder, on first use by {@link #fromPem}. */
  private record Material(
      @Nullable PrivateKey privateKey,
      PrivateKeyHolder holder,
      List<X509Certificate> chain,
      @Nullable PrivateKeyHolder encryptionHolder,
      @Nullable X509Certificate encryptionCertificate) {}

  private PartyCredentials(PartyId partyId, Material m) {
    this.partyId = partyId;
    this.material = m;
    this.suite = m.holder().suite();
    X509Certificate leaf = m.chain().get(0);
    this.keyId = Certificates.keyId(leaf);
    this.decryptionKeyId =
        m.encryptionCertificate() == null ? keyId : Certificates.keyId(m.encryptionCertificate());
    this.softwareKey = m.privateKey() != null;
    this.dualPair = m.encryptionCertificate() != null;
    this.notBefore = leaf.getNotBefore().toInstant();
    this.notAfter = leaf.getNotAfter().toInstant();
  }

  private PartyCredentials(
      PartyId partyId,
      Suite suite,
      String keyId,
      Instant notBefore,
      Instant notAfter,
      Supplier<Material> loader) {
    this.partyId = partyId;
    this.suite = suite;
    this.keyId = keyId;
    this.decryptionKeyId = keyId;
    this.softwareKey = true;
    this.dualPair = false;
    this.notBefore = notBefore;
    this.notAfter = notAfter;
    this.loader = loader;
  }

  private Material material() {
    Material m = material;
    if (m == null) {
      synchronized (this) {
        m = material;
        if (m == null) {
          m = Objects.requireNonNull(loader).get();
          material = m;
          loader = null;
        }
      }
    }
    return m;
  }

  /**
   * Reads software credentials from PEM text (经过检查的 PEM 凭据): a PKCS#8 {@code PRIVATE KEY} (or SEC1 {@code EC
   * PRIVATE KEY}) and the certificate chain, leaf first, with the checks of {@link Builder#build()} — the leaf holds
   * the key's public key and names the party or its department.
   *
   * <p>The checks use Bouncy Castle's ASN.1 and elliptic-curve classes only. The JCA key and certificate objects
   * ({@link #privateKey()}, {@link #certificateChain()}, {@link #keyHolder()}) are made on their first use — the
   * first seal or open — so an application that loads and checks its credentials at start-up does not build the
   * JCA provider then. {@link #partyId()}, {@link #suite()}, {@link #keyId()}, {@link #isValidAt(Instant)} and
   * {@link #validFor(Instant)} are answered from the checked text.
   *
   * @param partyId the party
   * @param privateKeyPem the PEM text of the private key
   * @param certificateChainPem the PEM text of the certificate chain, leaf first
   * @return the credentials
   * @throws KeyMaterialException {@code GDX-2401} if the key or a certificate cannot be read, or the key is
   *     neither SM2 nor P-256
   * @throws IllegalArgumentException if there is no certificate, or the leaf does not hold the key's public key
   *     or does not name the party
   */
  public static PartyCredentials fromPem(
      PartyId partyId, String privateKeyPem, String certificateChainPem) {
    Objects.requireNonNull(partyId, "partyId == null");
    Objects.requireNonNull(certificateChainPem, "certificateChainPem == null");
    byte[] pkcs8 =
        Pem.privateKeyInfo(Objects.requireNonNull(privateKeyPem, "privateKeyPem == null"));
    boolean done = false;
    try {
      List<byte[]> blocks = Pem.certificateBlocks(certificateChainPem);
      if (blocks.isEmpty()) {
        throw new IllegalArgumentException("certificateChain is empty");
      }
      List<org.bouncycastle.asn1.x509.Certificate> parsed = new ArrayList<>();
      for (byte[] der : blocks) {
        try {
          parsed.add(org.bouncycastle.asn1.x509.Certificate.getInstance(der));
        } catch (RuntimeException e) {
          throw new KeyMaterialException("not a DER X.509 certificate", e);
        }
      }
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8);
      String curve = KeyConversions.suiteOfCurve(info.getPrivateKeyAlgorithm().getParameters());
      if (curve == null) {
        throw new KeyMaterialException("PEM private key is not an SM2 or P-256 private key", null);
      }
      Suite suite = Suite.valueOf(curve);
      BigInteger d;
      try {
        d = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
      } catch (java.io.IOException | RuntimeException e) {
        throw new KeyMaterialException("PEM private key is not an EC private key", e);
      }
      // The generic curve definitions: a single d·G needs none of the optimised curves' classes.
      X9ECParameters x9 =
          suite == Suite.GM
              ? org.bouncycastle.asn1.gm.GMNamedCurves.getByOID(
                  org.bouncycastle.asn1.gm.GMObjectIdentifiers.sm2p256v1)
              : org.bouncycastle.asn1.sec.SECNamedCurves.getByOID(
                  org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1);
      if (d.signum() <= 0 || d.compareTo(x9.getN()) >= 0) {
        throw new KeyMaterialException("PEM private key is out of range for its curve", null);
      }
      org.bouncycastle.asn1.x509.Certificate leaf = parsed.get(0);
      SubjectPublicKeyInfo certified = leaf.getSubjectPublicKeyInfo();
      if (!samePoint(certified, x9, x9.getG().multiply(d), suite)) {
        throw new IllegalArgumentException(
            "the leaf certificate does not hold the private key's public key");
      }
      PartyId named =
          Certificates.partyOf(blocks.get(0))
              .orElseThrow(
                  () -> new IllegalArgumentException("the leaf certificate names no party"));
      if (!named.equals(partyId) && !named.equals(partyId.department())) {
        throw new IllegalArgumentException(
            "the leaf certificate names party " + named + ", not " + partyId);
      }
      Instant notBefore = instant(leaf.getStartDate());
      Instant notAfter = instant(leaf.getEndDate());
      byte[] key = pkcs8;
      done = true;
      return new PartyCredentials(
          partyId,
          suite,
          Certificates.keyId(blocks.get(0)),
          notBefore,
          notAfter,
          () -> {
            try {
              PrivateKey k = KeyConversions.privateKey(key);
              List<X509Certificate> chain = new ArrayList<>();
              for (byte[] der : blocks) {
                chain.add(Certificates.parse(der));
              }
              return new Material(
                  suite == Suite.INTL ? KeyConversions.jdkPrivate(k) : k,
                  PrivateKeyHolder.software(k),
                  List.copyOf(chain),
                  null,
                  null);
            } catch (java.security.GeneralSecurityException e) {
              throw new KeyMaterialException("the checked private key cannot be made a JCA key", e);
            } finally {
              java.util.Arrays.fill(key, (byte) 0);
            }
          });
    } finally {
      if (!done) {
        java.util.Arrays.fill(pkcs8, (byte) 0);
      }
    }
  }

  /**
   * A certificate time as an instant. DER certificate times are whole seconds in UTC (RFC 5280 §4.1.2.5), which
   * Bouncy Castle gives as {@code yyyyMMddHHmmssGMT+00:00}; read with java.time, not {@link
   * org.bouncycastle.asn1.x509.Time#getDate()} (a {@code SimpleDateFormat}, slow on a cold start). Anything else
   * goes through {@code getDate()}.
   */
  private static Instant instant(org.bouncycastle.asn1.x509.Time time) {
    String t = time.getTime();
    if (t.length() == 23 && t.endsWith("GMT+00:00")) {
      try {
        return java.time.LocalDateTime.parse(t.substring(0, 14), Times.DIGITS)
            .toInstant(java.time.ZoneOffset.UTC);
      } catch (java.time.format.DateTimeParseException e) {
        // fall through
      }
    }
    return time.getDate().toInstant();
  }

  private static final class Times {
    static final java.time.format.DateTimeFormatter DIGITS =
        java.time.format.DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
  }

  private static boolean samePoint(
      SubjectPublicKeyInfo certified, X9ECParameters x9, ECPoint held, Suite suite) {
    try {
      if (!suite.name().equals(KeyConversions.suiteOfPublicKey(certified.getEncoded()))) {
        return false;
      }
      ECPoint p = x9.getCurve().decodePoint(certified.getPublicKeyData().getOctets()).normalize();
      // normalizeAll inverts without a random blinding factor (normalize() asks for a SecureRandom,
      // which would
      // set up the JCA providers here); the point is public, so there is nothing to blind.
      ECPoint[] q = {held};
      x9.getCurve().normalizeAll(q);
      return p.equals(q[0]);
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The party these credentials belong to.
   *
   * @return the party id
   */
  public PartyId partyId() {
    return partyId;
  }

  /**
   * The software private key. Handle with care: never log it.
   *
   * @return the private key
   * @throws IllegalStateException if the key is held by a module ({@link #keyHolder()}) and cannot be had
   */
  public PrivateKey privateKey() {
    Material m = material();
    if (m.privateKey() == null) {
      throw new IllegalStateException(
          "the private key of " + partyId + " is held by " + m.holder() + " and never leaves it");
    }
    return m.privateKey();
  }

  /**
   * Whether the private key is a software key in this JVM (and so can be exported, e.g. to PKCS#12).
   *
   * @return {@code true} for a software key
   */
  public boolean isSoftwareKey() {
    return softwareKey;
  }

  /**
   * What does the private-key operations (sign; decrypt or agree the content key).
   *
   * @return the holder
   */
  public PrivateKeyHolder keyHolder() {
    return material().holder();
  }

  /**
   * The certificate chain, leaf first.
   *
   * @return an unmodifiable, non-empty list
   */
  public List<X509Certificate> certificateChain() {
    return material().chain();
  }

  /**
   * The leaf certificate.
   *
   * @return the first certificate of the chain
   */
  public X509Certificate certificate() {
    return material().chain().get(0);
  }

  /**
   * The suite of the key.
   *
   * @return GM for SM2 keys, INTL for P-256 keys
   */
  public Suite suite() {
    return suite;
  }

  /**
   * The key id of the leaf certificate ({@link Certificates#keyId(X509Certificate)}).
   *
   * @return the key id
   */
  public String keyId() {
    return keyId;
  }

  /**
   * The encryption certificate of a dual pair (双证书), to publish in the party directory so that senders seal to
   * it.
   *
   * @return the certificate, or empty for a single certificate that serves both uses
   */
  public Optional<X509Certificate> encryptionCertificate() {
    return dualPair ? Optional.ofNullable(material().encryptionCertificate()) : Optional.empty();
  }

  /**
   * The key id that mail sealed to this party names ({@code kid} of the JWE): the encryption certificate's for a
   * dual pair, else {@link #keyId()}.
   *
   * @return the key id
   */
  public String decryptionKeyId() {
    return decryptionKeyId;
  }

  /**
   * What opens mail sealed to this party: the encryption key's holder of a dual pair, else {@link #keyHolder()}.
   *
   * @return the holder
   */
  public PrivateKeyHolder decryptionKeyHolder() {
    Material m = material();
    return m.encryptionHolder() == null ? m.holder() : m.encryptionHolder();
  }

  /**
   * Whether the leaf certificate is valid at an instant ({@code notBefore ≤ at ≤ notAfter}).
   *
   * @param at the instant
   * @return {@code true} if valid
   */
  public boolean isValidAt(Instant at) {
    Objects.requireNonNull(at, "at == null");
    return !at.isBefore(notBefore) && !at.isAfter(notAfter);
  }

  /**
   * How long the leaf certificate stays valid after an instant (its {@code notAfter} minus {@code at});
   * negative once it has expired. Renew the pair well before this reaches zero (docs/keys.md).
   *
   * @param at the instant
   * @return the time left
   */
  public Duration validFor(Instant at) {
    return Duration.between(Objects.requireNonNull(at, "at == null"), notAfter);
  }

  /**
   * When the leaf certificate becomes valid (its {@code notBefore}).
   *
   * @return the instant
   */
  public Instant notBefore() {
    return notBefore;
  }

  /**
   * When the leaf certificate expires (its {@code notAfter}).
   *
   * @return the instant
   */
  public Instant notAfter() {
    return notAfter;
  }

  /** Returns party, suite and key id; never the private key. */
  @Override
  public String toString() {
    return "PartyCredentials{party="
        + partyId
        + ", suite="
        + suite
        + ", kid="
        + keyId
        + ", privateKey=[REDACTED]}";
  }

  /** Builder of {@link PartyCredentials}. Not thread-safe. */
  public static final class Builder {

    private @Nullable PartyId partyId;
    private @Nullable PrivateKey privateKey;
    private @Nullable PrivateKeyHolder holder;
    private @Nullable List<X509Certificate> chain;
    private @Nullable PrivateKeyHolder encryptionHolder;
    private @Nullable X509Certificate encryptionCertificate;

    private Builder() {}

    /**
     * Sets the party (required).
     *
     * @param partyId the party id
     * @return this builder
     */
    public Builder partyId(PartyId partyId) {
      this.partyId = Objects.requireNonNull(partyId, "partyId == null");
      return this;
    }

    /**
     * Sets a software private key: an SM2 or P-256 EC private key (this or {@link #keyHolder}, not both).
     *
     * @param privateKey the key
     * @return this builder
     */
    public Builder privateKey(PrivateKey privateKey) {
      this.privateKey = Objects.requireNonNull(privateKey, "privateKey == null");
      return this;
    }

    /**
     * Sets the holder of a private key that stays in a module (this or {@link #privateKey}, not both).
     *
     * @param holder the holder, e.g. {@link PrivateKeyHolder#jca}
     * @return this builder
     */
    public Builder keyHolder(PrivateKeyHolder holder) {
      this.holder = Objects.requireNonNull(holder, "holder == null");
      return this;
    }

    /**
     * Adds the encryption key pair of a dual pair (双证书, GM/T 0015): the key the CA's key management centre
     * escrowed, and its encryption certificate. The key set with {@link #privateKey} or {@link #keyHolder} and the
     * {@link #certificateChain} are then the signing pair.
     *
     * @param key the holder of the encryption private key (e.g. {@link PrivateKeyHolder#software})
     * @param certificate the encryption certificate (keyUsage keyEncipherment or keyAgreement)
     * @return this builder
     */
    public Builder encryptionKey(PrivateKeyHolder key, X509Certificate certificate) {
      this.encryptionHolder = Objects.requireNonNull(key, "key == null");
      this.encryptionCertificate = Objects.requireNonNull(certificate, "certificate == null");
      return this;
    }

    /**
     * Sets the certificate chain (required), leaf first.
     *
     * @param chain the chain
     * @return this builder
     */
    public Builder certificateChain(List<X509Certificate> chain) {
      this.chain = List.copyOf(Objects.requireNonNull(chain, "chain == null"));
      return this;
    }

    /**
     * Builds the credentials.
     *
     * @return the credentials
     * @throws IllegalStateException naming the missing field
     * @throws IllegalArgumentException if the key is neither SM2 nor P-256, the chain is empty, the leaf does
     *     not hold the key's public key or does not name the party
     */
    public PartyCredentials build() {
      if (partyId == null) {
        throw new IllegalStateException("partyId is required");
      }
      if (privateKey == null && holder == null) {
        throw new IllegalStateException("privateKey or keyHolder is required");
      }
      if (privateKey != null && holder != null) {
        throw new IllegalStateException("privateKey and keyHolder are both set");
      }
      if (chain == null) {
        throw new IllegalStateException("certificateChain is required");
      }
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("certificateChain is empty");
      }
      PrivateKeyHolder h = holder != null ? holder : PrivateKeyHolder.software(privateKey);
      X509Certificate leaf = chain.get(0);
      if (!samePublicKey(leaf.getPublicKey(), h.publicKey(), h.suite())) {
        throw new IllegalArgumentException(
            "the leaf certificate does not hold the private key's public key");
      }
      PartyId named =
          Certificates.partyOf(leaf)
              .orElseThrow(
                  () -> new IllegalArgumentException("the leaf certificate names no party"));
      if (!named.equals(partyId) && !named.equals(partyId.department())) {
        throw new IllegalArgumentException(
            "the leaf certificate names party " + named + ", not " + partyId);
      }
      if (encryptionHolder != null && encryptionCertificate != null) {
        if (encryptionHolder.suite() != h.suite()
            || !samePublicKey(
                encryptionCertificate.getPublicKey(), encryptionHolder.publicKey(), h.suite())) {
          throw new IllegalArgumentException(
              "the encryption certificate does not hold the encryption key's public key");
        }
        if (!Certificates.allowsEncryption(encryptionCertificate)) {
          throw new IllegalArgumentException(
              "the encryption certificate's keyUsage does not allow encryption");
        }
        if (!Certificates.partyOf(encryptionCertificate).map(named::equals).orElse(false)) {
          throw new IllegalArgumentException(
              "the encryption certificate names another party than the signing certificate");
        }
        if (!Certificates.allowsSigning(leaf)) {
          throw new IllegalArgumentException(
              "the signing certificate's keyUsage does not allow signing");
        }
      }
      PrivateKey key =
          privateKey == null
              ? null
              : h.suite() == Suite.INTL ? KeyConversions.jdkPrivate(privateKey) : privateKey;
      return new PartyCredentials(
          partyId, new Material(key, h, chain, encryptionHolder, encryptionCertificate));
    }

    private static boolean samePublicKey(PublicKey certified, PublicKey held, Suite suite) {
      try {
        X9ECParameters x9 =
            suite == Suite.GM
                ? CustomNamedCurves.getByName("sm2p256v1")
                : CustomNamedCurves.getByName("secp256r1");
        SubjectPublicKeyInfo a = SubjectPublicKeyInfo.getInstance(certified.getEncoded());
        SubjectPublicKeyInfo b = SubjectPublicKeyInfo.getInstance(held.getEncoded());
        if (!suite.name().equals(KeyConversions.suiteOfPublicKey(a.getEncoded()))
            || !suite.name().equals(KeyConversions.suiteOfPublicKey(b.getEncoded()))) {
          return false;
        }
        ECPoint p = x9.getCurve().decodePoint(a.getPublicKeyData().getOctets()).normalize();
        ECPoint q = x9.getCurve().decodePoint(b.getPublicKeyData().getOctets()).normalize();
        return p.equals(q);
      } catch (java.io.IOException | RuntimeException e) {
        return false;
      }
    }
  }
}
