package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.crypto.key.TrustStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Loading keys, certificates and trust stores named on the command line, and describing certificates.
 * Every loading failure is a {@link CliException} with exit code 2 that keeps the library's error code.
 * Thread-safe (stateless).
 */
public final class KeyMaterial {

  private KeyMaterial() {}

  /** Reads a PEM file as text, size-checked. */
  static String readPem(Path file, String what) {
    return new String(CliFiles.read(file, CliFiles.SMALL_FILE_LIMIT, what), StandardCharsets.UTF_8);
  }

  /**
   * Reads the first private key of a PEM file (PKCS#8 or SEC 1).
   *
   * @param file the file
   * @param what the option, for messages
   * @return the key
   */
  static PrivateKey privateKey(Path file, String what) {
    String pem = readPem(file, what);
    try {
      return Pem.readPrivateKey(pem);
    } catch (GovdxException e) {
      throw CliException.inputFailure(what + " " + file, e);
    }
  }

  /**
   * Reads every certificate of a PEM file; at least one must be present.
   *
   * @param file the file
   * @param what the option, for messages
   * @return the certificates, leaf first
   */
  static List<X509Certificate> certificates(Path file, String what) {
    String pem = readPem(file, what);
    List<X509Certificate> certs;
    try {
      certs = Pem.readCertificates(pem);
    } catch (GovdxException e) {
      throw CliException.inputFailure(what + " " + file, e);
    }
    if (certs.isEmpty()) {
      throw CliException.error(
          CliErrorCode.INPUT_MALFORMED, what + " " + file + " holds no CERTIFICATE");
    }
    return certs;
  }

  /**
   * Loads trust anchors from a PEM file or a directory of PEM files.
   *
   * @param path the file or directory
   * @return the trust store
   */
  static TrustStore trustStore(Path path) {
    if (!Files.isDirectory(path)) {
      CliFiles.checkReadable(path, "--trust");
    }
    try {
      return TrustStore.load(path);
    } catch (GovdxException e) {
      throw CliException.inputFailure("--trust " + path, e);
    } catch (IllegalArgumentException e) {
      throw CliException.error(
          CliErrorCode.INPUT_MALFORMED, "--trust " + path + ": " + e.getMessage());
    }
  }

  /**
   * Builds a party's credentials from its key and certificate chain.
   *
   * @param key the private key
   * @param chain the certificate chain, leaf first
   * @param party the party, or {@code null} to take it from the leaf certificate
   * @return the credentials
   */
  static PartyCredentials credentials(
      PrivateKey key, List<X509Certificate> chain, @Nullable PartyId party) {
    PartyId who = party;
    if (who == null) {
      who =
          Certificates.partyOf(chain.get(0))
              .orElseThrow(
                  () ->
                      CliException.error(
                          CliErrorCode.PARTY_UNKNOWN,
                          "the certificate names no party (SAN urn:govdx:party:… or subject CN); pass the party explicitly"));
    }
    try {
      return PartyCredentials.builder()
          .partyId(who)
          .privateKey(key)
          .certificateChain(chain)
          .build();
    } catch (IllegalArgumentException e) {
      throw CliException.error(
          CliErrorCode.KEY_CERTIFICATE_MISMATCH, String.valueOf(e.getMessage()));
    } catch (GovdxException e) {
      throw CliException.inputFailure("credentials", e);
    }
  }

  /**
   * The certificate to use with a private key: the one given, else {@code cert.pem} beside the key file
   * (the layout {@code govdx keygen} writes).
   *
   * @param keyFile the private key file
   * @param certFile the certificate option, or {@code null}
   * @return the certificate file
   */
  static Path certificateFor(Path keyFile, @Nullable Path certFile) {
    if (certFile != null) {
      return certFile;
    }
    Path sibling = keyFile.toAbsolutePath().resolveSibling("cert.pem");
    if (!Files.isRegularFile(sibling)) {
      throw CliException.error(
          CliErrorCode.CERTIFICATE_REQUIRED,
          "no --cert given and no cert.pem beside "
              + keyFile
              + "; the own certificate is needed to know the key id and party");
    }
    return sibling;
  }

  /**
   * The SHA-256 fingerprint of a certificate's DER encoding, upper-case hex pairs separated by colons.
   *
   * @param cert the certificate
   * @return the fingerprint
   */
  static String sha256Fingerprint(X509Certificate cert) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < d.length; i++) {
        if (i > 0) {
          sb.append(':');
        }
        sb.append(String.format(Locale.ROOT, "%02X", d[i] & 0xff));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("SHA-256 fingerprint unavailable", e);
    }
  }

  /** Puts a certificate's description into a JSON object. */
  static void describe(ObjectNode node, X509Certificate cert) {
    node.put("subject", cert.getSubjectX500Principal().getName());
    node.put("issuer", cert.getIssuerX500Principal().getName());
    node.put("serialNumber", cert.getSerialNumber().toString(16));
    Certificates.partyOf(cert).ifPresent(p -> node.put("party", p.toString()));
    Certificates.suiteOf(cert).ifPresent(s -> node.put("suite", s.name()));
    node.put("keyId", Certificates.keyId(cert));
    node.put("sha256Fingerprint", sha256Fingerprint(cert));
    node.put("notBefore", cert.getNotBefore().toInstant().toString());
    node.put("notAfter", cert.getNotAfter().toInstant().toString());
  }

  /** Describes a certificate in indented text lines. */
  static List<String> describe(X509Certificate cert) {
    Optional<PartyId> party = Certificates.partyOf(cert);
    return List.of(
        "party          " + party.map(PartyId::toString).orElse("(none named)"),
        "subject        " + cert.getSubjectX500Principal().getName(),
        "issuer         " + cert.getIssuerX500Principal().getName(),
        "suite          " + Certificates.suiteOf(cert).map(Enum::name).orElse("(not SM2 or P-256)"),
        "key id (kid)   " + Certificates.keyId(cert),
        "SHA-256        " + sha256Fingerprint(cert),
        "valid          "
            + cert.getNotBefore().toInstant()
            + " .. "
            + cert.getNotAfter().toInstant());
  }
}
