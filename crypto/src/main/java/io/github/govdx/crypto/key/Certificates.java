package io.github.govdx.crypto.key;

import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.internal.Bc;
import io.github.govdx.crypto.internal.Hex;
import io.github.govdx.crypto.internal.KeyConversions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * X.509 certificates for exchange parties: issuing (self-signed and CA-issued, SM2 via Bouncy Castle
 * {@code SM3withSM2}, P-256 via {@code SHA256withECDSA}), parsing, key ids and the party a certificate names.
 *
 * <p><b>Party naming.</b> A party certificate names its party twice: the subject is {@code CN=<party id>}
 * (e.g. {@code CN=11320500014160477X/hotline}) and the subjectAltName holds the URI
 * {@code urn:govdx:party:<party id>}. {@link #partyOf(X509Certificate)} reads the SAN URI first and falls back
 * to the CN. Party certificates carry keyUsage digitalSignature, keyEncipherment and keyAgreement, and
 * basicConstraints {@code CA:false}; CA certificates carry keyCertSign and cRLSign and {@code CA:true}.
 * The signature algorithm follows the issuer's key: {@code SM3withSM2} (user ID {@code 1234567812345678},
 * GM/T 0015) or {@code SHA256withECDSA}.
 *
 * <p><b>Key id.</b> {@link #keyId(X509Certificate)} is the base64url (no padding) SHA-256 of the
 * certificate's DER encoding, the same value as the JOSE {@code x5t#S256} thumbprint (RFC 7515 §4.1.8).
 *
 * <p>Thread-safe.
 */
public final class Certificates {

  /** The SAN URI prefix naming a party: {@code urn:govdx:party:}. */
  public static final String PARTY_URI_PREFIX = "urn:govdx:party:";

  private Certificates() {}

  /**
   * Parses one DER certificate (Bouncy Castle, so SM2 certificates work everywhere).
   *
   * @param der the DER bytes
   * @return the certificate
   * @throws KeyMaterialException {@code GDX-2401} if the bytes are not a certificate
   */
  public static X509Certificate parse(byte[] der) {
    Objects.requireNonNull(der, "der == null");
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509", Bc.PROVIDER);
      X509Certificate c = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
      if (c == null) {
        throw new KeyMaterialException("not a DER X.509 certificate", null);
      }
      return c;
    } catch (GeneralSecurityException | RuntimeException e) {
      if (e instanceof KeyMaterialException) {
        throw (KeyMaterialException) e;
      }
      throw new KeyMaterialException("not a DER X.509 certificate", e);
    }
  }

  /**
   * The key id of a certificate: base64url SHA-256 of its DER encoding (equal to {@code x5t#S256}).
   *
   * @param certificate the certificate
   * @return the key id, 43 characters
   */
  public static String keyId(X509Certificate certificate) {
    return keyId(der(certificate));
  }

  /** {@link #keyId(X509Certificate)} of a DER certificate. */
  static String keyId(byte[] der) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Hex.sha256NoJca(der));
  }

  /**
   * The party a certificate names: the SAN URI {@code urn:govdx:party:<id>}, or else the subject CN.
   *
   * @param certificate the certificate
   * @return the party, or empty when the certificate names no valid party
   */
  public static Optional<PartyId> partyOf(X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate == null");
    return partyOf(der(certificate));
  }

  /** {@link #partyOf(X509Certificate)} of a DER certificate (empty if it is not one). */
  static Optional<PartyId> partyOf(byte[] der) {
    try {
      X509CertificateHolder h = new X509CertificateHolder(der);
      Extension san = h.getExtension(Extension.subjectAlternativeName);
      if (san != null) {
        for (GeneralName n : GeneralNames.getInstance(san.getParsedValue()).getNames()) {
          if (n.getTagNo() == GeneralName.uniformResourceIdentifier) {
            String uri = ((ASN1String) n.getName()).getString();
            if (uri.startsWith(PARTY_URI_PREFIX)) {
              return parseParty(uri.substring(PARTY_URI_PREFIX.length()));
            }
          }
        }
      }
      RDN[] cn = h.getSubject().getRDNs(BCStyle.CN);
      if (cn.length == 1 && !cn[0].isMultiValued()) {
        return parseParty(((ASN1String) cn[0].getFirst().getValue()).getString());
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<PartyId> parseParty(String text) {
    try {
      return Optional.of(PartyId.parse(text));
    } catch (GovdxException e) {
      return Optional.empty();
    }
  }

  /**
   * The suite of a certificate's public key.
   *
   * @param certificate the certificate
   * @return GM for SM2 keys, INTL for P-256 keys, empty otherwise
   */
  public static Optional<Suite> suiteOf(X509Certificate certificate) {
    String s = KeyConversions.suiteOfPublicKey(certificate.getPublicKey().getEncoded());
    if (s == null) {
      return Optional.empty();
    }
    return Optional.of(KeyConversions.GM.equals(s) ? Suite.GM : Suite.INTL);
  }

  /**
   * The public key of a certificate as the object its suite uses (Bouncy Castle for SM2, JDK for P-256).
   *
   * @param certificate the certificate
   * @return the public key
   * @throws KeyMaterialException {@code GDX-2401} if the key is neither SM2 nor P-256
   */
  public static PublicKey publicKey(X509Certificate certificate) {
    try {
      return KeyConversions.publicKey(certificate.getPublicKey().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new KeyMaterialException("certificate key is neither SM2 nor P-256", e);
    }
  }

  /**
   * Issues a self-signed party certificate (usable as its own trust anchor, e.g. for pinning).
   *
   * @param party the party named in the subject and SAN
   * @param keyPair the party's key pair (SM2 or P-256)
   * @param notBefore start of validity
   * @param notAfter end of validity
   * @return the certificate
   * @throws IllegalArgumentException if the key is neither SM2 nor P-256 or the validity is empty
   */
  public static X509Certificate selfSigned(
      PartyId party, java.security.KeyPair keyPair, Instant notBefore, Instant notAfter) {
    Objects.requireNonNull(party, "party == null");
    X500Name name = partyName(party);
    return build(
        name,
        keyPair.getPublic(),
        name,
        null,
        keyPair.getPrivate(),
        notBefore,
        notAfter,
        party,
        false,
        CertificateProfile.defaultProfile());
  }

  /**
   * Issues a self-signed CA certificate (a trust anchor).
   *
   * @param commonName the CA's common name
   * @param keyPair the CA's key pair (SM2 or P-256)
   * @param notBefore start of validity
   * @param notAfter end of validity
   * @return the certificate
   * @throws IllegalArgumentException if the key is neither SM2 nor P-256 or the validity is empty
   */
  public static X509Certificate selfSignedCa(
      String commonName, java.security.KeyPair keyPair, Instant notBefore, Instant notAfter) {
    X500Name name = cnName(commonName);
    return build(
        name,
        keyPair.getPublic(),
        name,
        null,
        keyPair.getPrivate(),
        notBefore,
        notAfter,
        null,
        true,
        CertificateProfile.defaultProfile());
  }

  /**
   * Issues a party certificate signed by a CA.
   *
   * @param party the party named in the subject and SAN
   * @param subjectKey the party's public key (SM2 or P-256)
   * @param issuer the CA certificate
   * @param issuerKey the CA's private key
   * @param notBefore start of validity
   * @param notAfter end of validity
   * @return the certificate
   * @throws IllegalArgumentException if a key is neither SM2 nor P-256 or the validity is empty
   */
  public static X509Certificate issue(
      PartyId party,
      PublicKey subjectKey,
      X509Certificate issuer,
      PrivateKey issuerKey,
      Instant notBefore,
      Instant notAfter) {
    return issue(party, subjectKey, issuer, issuerKey, notBefore, notAfter, CertificateUsage.BOTH);
  }

  /**
   * Issues a party certificate for one use: a signing or an encryption certificate of a dual pair (双证书), or
   * one for both.
   *
   * @param party the party (CN and SAN URI)
   * @param subjectKey the party's public key
   * @param issuer the issuing CA certificate
   * @param issuerKey the issuing CA's private key
   * @param notBefore start of validity
   * @param notAfter end of validity
   * @param usage what the key may do (the keyUsage extension, critical)
   * @return the certificate
   * @throws IllegalArgumentException if a key is neither SM2 nor P-256 or the validity is empty
   */
  public static X509Certificate issue(
      PartyId party,
      PublicKey subjectKey,
      X509Certificate issuer,
      PrivateKey issuerKey,
      Instant notBefore,
      Instant notAfter,
      CertificateUsage usage) {
    return issue(
        party,
        subjectKey,
        issuer,
        issuerKey,
        notBefore,
        notAfter,
        CertificateProfile.builder().usage(usage).build());
  }

  /**
   * Issues a party certificate with a profile: its usage, and its CRL distribution point and OCSP responder.
   *
   * @param party the party (CN and SAN URI)
   * @param subjectKey the party's public key
   * @param issuer the issuing CA certificate
   * @param issuerKey the issuing CA's private key
   * @param notBefore start of validity
   * @param notAfter end of validity
   * @param profile usage and revocation pointers
   * @return the certificate
   * @throws IllegalArgumentException if a key is neither SM2 nor P-256 or the validity is empty
   */
  public static X509Certificate issue(
      PartyId party,
      PublicKey subjectKey,
      X509Certificate issuer,
      PrivateKey issuerKey,
      Instant notBefore,
      Instant notAfter,
      CertificateProfile profile) {
    Objects.requireNonNull(party, "party == null");
    Objects.requireNonNull(issuer, "issuer == null");
    Objects.requireNonNull(profile, "profile == null");
    return build(
        partyName(party),
        subjectKey,
        X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
        issuer,
        issuerKey,
        notBefore,
        notAfter,
        party,
        false,
        profile);
  }

  /**
   * Whether a certificate's key may sign: no keyUsage extension, or {@code digitalSignature} or
   * {@code nonRepudiation} set.
   *
   * @param certificate the certificate
   * @return {@code true} if it may sign
   */
  public static boolean allowsSigning(X509Certificate certificate) {
    boolean[] ku = certificate.getKeyUsage();
    return ku == null || (ku.length > 1 && (ku[0] || ku[1]));
  }

  /**
   * Whether a certificate's key may receive sealed mail: no keyUsage extension, or {@code keyEncipherment},
   * {@code dataEncipherment} or {@code keyAgreement} set.
   *
   * @param certificate the certificate
   * @return {@code true} if it may be sealed to
   */
  public static boolean allowsEncryption(X509Certificate certificate) {
    boolean[] ku = certificate.getKeyUsage();
    return ku == null || (ku.length > 4 && (ku[2] || ku[3] || ku[4]));
  }

  /**
   * Issues an intermediate CA certificate signed by a CA.
   *
   * @param commonName the intermediate's common name
   * @param subjectKey the intermediate's public key
   * @param issuer the issuing CA certificate
   * @param issuerKey the issuing CA's private key
   * @param notBefore start of validity
   * @param notAfter end of validity
   * @return the certificate
   * @throws IllegalArgumentException if a key is neither SM2 nor P-256 or the validity is empty
   */
  public static X509Certificate issueCa(
      String commonName,
      PublicKey subjectKey,
      X509Certificate issuer,
      PrivateKey issuerKey,
      Instant notBefore,
      Instant notAfter) {
    return build(
        cnName(commonName),
        subjectKey,
        X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
        issuer,
        issuerKey,
        notBefore,
        notAfter,
        null,
        true,
        CertificateProfile.defaultProfile());
  }

  private static int keyUsageBits(CertificateUsage usage) {
    switch (usage) {
      case SIGNING:
        return KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
      case ENCRYPTION:
        return KeyUsage.keyEncipherment | KeyUsage.dataEncipherment | KeyUsage.keyAgreement;
      default:
        return KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyAgreement;
    }
  }

  private static X500Name partyName(PartyId party) {
    return cnName(party.toString());
  }

  private static X500Name cnName(String cn) {
    Objects.requireNonNull(cn, "commonName == null");
    return new org.bouncycastle.asn1.x500.X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.CN, cn)
        .build();
  }

  private static X509Certificate build(
      X500Name subject,
      PublicKey subjectKey,
      X500Name issuerName,
      @Nullable X509Certificate issuer,
      PrivateKey issuerKey,
      Instant notBefore,
      Instant notAfter,
      @Nullable PartyId party,
      boolean ca,
      CertificateProfile profile) {
    Objects.requireNonNull(subjectKey, "subjectKey == null");
    Objects.requireNonNull(issuerKey, "issuerKey == null");
    Objects.requireNonNull(notBefore, "notBefore == null");
    Objects.requireNonNull(notAfter, "notAfter == null");
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException("notAfter must be after notBefore");
    }
    Suite issuerSuite =
        KeyPairs.suiteOf(issuerKey)
            .orElseThrow(() -> new IllegalArgumentException("issuer key is neither SM2 nor P-256"));
    if (KeyConversions.suiteOfPublicKey(subjectKey.getEncoded()) == null) {
      throw new IllegalArgumentException("subject key is neither SM2 nor P-256");
    }
    try {
      BigInteger serial = new BigInteger(127, Bc.random()).add(BigInteger.ONE);
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              issuerName, serial, Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(
          Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
      if (issuer != null) {
        b.addExtension(
            Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer));
      }
      if (ca) {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsageBits(profile.usage())));
        if (profile.crlDistributionPoint().isPresent()) {
          GeneralNames where =
              new GeneralNames(
                  new GeneralName(
                      GeneralName.uniformResourceIdentifier,
                      profile.crlDistributionPoint().get().toString()));
          b.addExtension(
              Extension.cRLDistributionPoints,
              false,
              new CRLDistPoint(
                  new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(where), null, null)
                  }));
        }
        if (profile.ocspResponder().isPresent()) {
          b.addExtension(
              Extension.authorityInfoAccess,
              false,
              new AuthorityInformationAccess(
                  AccessDescription.id_ad_ocsp,
                  new GeneralName(
                      GeneralName.uniformResourceIdentifier,
                      profile.ocspResponder().get().toString())));
        }
        b.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(
                new GeneralName(GeneralName.uniformResourceIdentifier, PARTY_URI_PREFIX + party)));
      }
      String alg = issuerSuite == Suite.GM ? "SM3withSM2" : "SHA256withECDSA";
      ContentSigner signer =
          new JcaContentSignerBuilder(alg).setProvider(Bc.PROVIDER).build(issuerKey);
      return new JcaX509CertificateConverter()
          .setProvider(Bc.PROVIDER)
          .getCertificate(b.build(signer));
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("certificate issuance failed", e);
    }
  }

  static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new KeyMaterialException("certificate cannot be encoded", e);
    }
  }
}
