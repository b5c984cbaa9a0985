package io.github.govdx.crypto.evidence;

import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.KeyPairs;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A test time-stamping authority (RFC 3161) on Bouncy Castle's tsp: an SM2-SM3 or ES256 TSA certificate (extended
 * key usage timeStamping, critical) issued by its own CA.
 */
final class TestTsa implements TimestampAuthority {

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  final Suite suite;
  final KeyPair caKeys;
  final X509Certificate ca;
  final X509Certificate tsaCert;
  private final KeyPair tsaKeys;
  private final AtomicLong serial = new AtomicLong(1);

  TestTsa(Suite suite) throws Exception {
    this.suite = suite;
    Instant from = Instant.now().minus(Duration.ofDays(1));
    Instant to = Instant.now().plus(Duration.ofDays(3650));
    caKeys = KeyPairs.generate(suite);
    ca = Certificates.selfSignedCa("govdx test TSA CA " + suite, caKeys, from, to);
    tsaKeys = KeyPairs.generate(suite);
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            new JcaX509CertificateHolder(ca).getSubject(),
            BigInteger.valueOf(System.nanoTime()),
            Date.from(from),
            Date.from(to),
            new org.bouncycastle.asn1.x500.X500Name("CN=govdx test TSA " + suite),
            tsaKeys.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    b.addExtension(
        Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    tsaCert =
        new JcaX509CertificateConverter().setProvider(BC).getCertificate(b.build(signer(caKeys)));
  }

  private ContentSigner signer(KeyPair keys) throws Exception {
    return new JcaContentSignerBuilder(suite == Suite.GM ? "SM3withSM2" : "SHA256withECDSA")
        .setProvider(BC)
        .build(keys.getPrivate());
  }

  @Override
  public byte[] respond(byte[] timeStampQuery) {
    try {
      TimeStampRequest req = new TimeStampRequest(timeStampQuery);
      ASN1ObjectIdentifier digestOid =
          suite == Suite.GM ? GMObjectIdentifiers.sm3 : NISTObjectIdentifiers.id_sha256;
      DigestCalculator certIdDigest =
          new JcaDigestCalculatorProviderBuilder()
              .setProvider(BC)
              .build()
              .get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(digestOid));
      TimeStampTokenGenerator g =
          new TimeStampTokenGenerator(
              new JcaSignerInfoGeneratorBuilder(
                      new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                  .build(signer(tsaKeys), tsaCert),
              certIdDigest,
              new ASN1ObjectIdentifier("1.2.156.10197.1.999.1"));
      g.addCertificates(new JcaCertStore(java.util.List.of(tsaCert)));
      TimeStampResponseGenerator rg =
          new TimeStampResponseGenerator(
              g, java.util.Set.of(TSPAlgorithms.SHA256, GMObjectIdentifiers.sm3));
      return rg.generate(req, BigInteger.valueOf(serial.getAndIncrement()), new Date())
          .getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
