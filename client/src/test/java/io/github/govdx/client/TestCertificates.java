package io.github.govdx.client;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Throwaway self-signed P-256 certificates for directory tests (no key is kept). */
final class TestCertificates {

  private TestCertificates() {}

  static X509Certificate selfSigned(String cn) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair kp = g.generateKeyPair();
    X500Name name = new X500Name("CN=" + cn);
    Date from = new Date(1_767_225_600_000L); // 2026-01-01
    Date to = new Date(1_830_297_600_000L); // 2028-01-01
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            name, BigInteger.valueOf(cn.hashCode() & 0xffff), from, to, name, kp.getPublic());
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
  }

  static String pem(X509Certificate c) throws Exception {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter p = new JcaPEMWriter(w)) {
      p.writeObject(c);
    }
    return w.toString();
  }
}
