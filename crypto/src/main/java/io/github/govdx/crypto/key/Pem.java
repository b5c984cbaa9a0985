package io.github.govdx.crypto.key;

import io.github.govdx.crypto.internal.KeyConversions;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM (RFC 7468) input and output of keys and certificates: PKCS#8 private keys ({@code PRIVATE KEY}; SEC1
 * {@code EC PRIVATE KEY} is also read), SubjectPublicKeyInfo public keys ({@code PUBLIC KEY}) and X.509
 * certificates ({@code CERTIFICATE}). Keys must be SM2 (sm2p256v1, the form OpenSSL 3 and Bouncy Castle
 * share) or P-256. Encrypted PEM is not supported; use {@link Pkcs12} for password-protected storage.
 *
 * <p>Errors are {@link KeyMaterialException} ({@code GDX-2401}) naming the PEM type, never key bytes.
 * Thread-safe.
 */
public final class Pem {

  private static final int MAX_PEM_CHARS = 4 * 1024 * 1024;

  private Pem() {}

  /**
   * Reads the first private key of a PEM text.
   *
   * @param pem the PEM text
   * @return the key (Bouncy Castle object for SM2, JDK for P-256)
   * @throws KeyMaterialException {@code GDX-2401} if there is no readable SM2 or P-256 private key
   */
  public static PrivateKey readPrivateKey(String pem) {
    byte[] pkcs8 = privateKeyInfo(pem);
    try {
      return KeyConversions.privateKey(pkcs8);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyMaterialException("PEM private key is not an SM2 or P-256 private key", e);
    } finally {
      java.util.Arrays.fill(pkcs8, (byte) 0);
    }
  }

  /**
   * The DER PKCS#8 PrivateKeyInfo of the first {@code PRIVATE KEY} or {@code EC PRIVATE KEY} block (SEC1, rewrapped
   * as PKCS#8), read with Bouncy Castle's ASN.1 classes only.
   */
  static byte[] privateKeyInfo(String pem) {
    for (PemObject o : objects(pem)) {
      try {
        if ("PRIVATE KEY".equals(o.getType())) {
          return PrivateKeyInfo.getInstance(o.getContent()).getEncoded();
        }
        if ("EC PRIVATE KEY".equals(o.getType())) {
          ECPrivateKey sec1 = ECPrivateKey.getInstance(o.getContent());
          PrivateKeyInfo info =
              new PrivateKeyInfo(
                  new AlgorithmIdentifier(
                      X9ObjectIdentifiers.id_ecPublicKey, sec1.getParametersObject()),
                  sec1);
          return info.getEncoded();
        }
      } catch (IOException | RuntimeException e) {
        throw new KeyMaterialException(
            "PEM " + o.getType() + " is not an SM2 or P-256 private key", e);
      }
    }
    throw new KeyMaterialException("no PRIVATE KEY in PEM input", null);
  }

  /** The DER bytes of every {@code CERTIFICATE} block, in order (not parsed). */
  static List<byte[]> certificateBlocks(String pem) {
    List<byte[]> out = new ArrayList<>();
    for (PemObject o : objects(pem)) {
      if ("CERTIFICATE".equals(o.getType())) {
        out.add(o.getContent());
      }
    }
    return out;
  }

  /**
   * Reads the first public key of a PEM text (a {@code PUBLIC KEY} or the key of the first
   * {@code CERTIFICATE}).
   *
   * @param pem the PEM text
   * @return the key (Bouncy Castle object for SM2, JDK for P-256)
   * @throws KeyMaterialException {@code GDX-2401} if there is no readable SM2 or P-256 public key
   */
  public static PublicKey readPublicKey(String pem) {
    for (PemObject o : objects(pem)) {
      try {
        if ("PUBLIC KEY".equals(o.getType())) {
          return KeyConversions.publicKey(o.getContent());
        }
        if ("CERTIFICATE".equals(o.getType())) {
          return Certificates.publicKey(Certificates.parse(o.getContent()));
        }
      } catch (GeneralSecurityException | RuntimeException e) {
        if (e instanceof KeyMaterialException) {
          throw (KeyMaterialException) e;
        }
        throw new KeyMaterialException(
            "PEM " + o.getType() + " is not an SM2 or P-256 public key", e);
      }
    }
    throw new KeyMaterialException("no PUBLIC KEY in PEM input", null);
  }

  /**
   * Reads every certificate of a PEM text, in order.
   *
   * @param pem the PEM text
   * @return the certificates (possibly empty)
   * @throws KeyMaterialException {@code GDX-2401} if a {@code CERTIFICATE} block is not a certificate
   */
  public static List<X509Certificate> readCertificates(String pem) {
    List<X509Certificate> out = new ArrayList<>();
    for (PemObject o : objects(pem)) {
      if ("CERTIFICATE".equals(o.getType())) {
        out.add(Certificates.parse(o.getContent()));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Reads a PEM file as UTF-8 text.
   *
   * @param file the file
   * @return its text
   * @throws KeyMaterialException {@code GDX-2401} if it cannot be read or is larger than 4 MiB
   */
  public static String read(Path file) {
    Objects.requireNonNull(file, "file == null");
    try {
      if (Files.size(file) > MAX_PEM_CHARS) {
        throw new KeyMaterialException("PEM file larger than 4 MiB", null);
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw new KeyMaterialException("cannot read PEM file " + file.getFileName(), e);
    }
  }

  /**
   * Writes a private key as PEM PKCS#8 ({@code PRIVATE KEY}).
   *
   * @param key the key
   * @return the PEM text
   */
  public static String write(PrivateKey key) {
    return write("PRIVATE KEY", Objects.requireNonNull(key, "key == null").getEncoded());
  }

  /**
   * Writes a public key as PEM SubjectPublicKeyInfo ({@code PUBLIC KEY}).
   *
   * @param key the key
   * @return the PEM text
   */
  public static String write(PublicKey key) {
    return write("PUBLIC KEY", Objects.requireNonNull(key, "key == null").getEncoded());
  }

  /**
   * Writes certificates as PEM ({@code CERTIFICATE} blocks, in order).
   *
   * @param certificates the certificates
   * @return the PEM text
   */
  public static String write(List<X509Certificate> certificates) {
    StringBuilder sb = new StringBuilder();
    for (X509Certificate c : certificates) {
      sb.append(write("CERTIFICATE", Certificates.der(c)));
    }
    return sb.toString();
  }

  /**
   * Writes one certificate as PEM.
   *
   * @param certificate the certificate
   * @return the PEM text
   */
  public static String write(X509Certificate certificate) {
    return write(List.of(certificate));
  }

  private static String write(String type, byte[] der) {
    StringWriter sw = new StringWriter();
    try (PemWriter w = new PemWriter(sw)) {
      w.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString();
  }

  private static List<PemObject> objects(String pem) {
    Objects.requireNonNull(pem, "pem == null");
    if (pem.length() > MAX_PEM_CHARS) {
      throw new KeyMaterialException("PEM input larger than 4 MiB", null);
    }
    List<PemObject> out = new ArrayList<>();
    try (PemReader r = new PemReader(new StringReader(pem))) {
      PemObject o;
      while ((o = r.readPemObject()) != null) {
        out.add(o);
      }
    } catch (IOException | RuntimeException e) {
      throw new KeyMaterialException("malformed PEM input", e);
    }
    return out;
  }
}
