package io.github.govdx.spring.internal;

import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.crypto.key.Pkcs12;
import io.github.govdx.crypto.key.PrivateKeyHolder;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.spring.GovdxConfigurationException;
import io.github.govdx.spring.GovdxProperties;
import io.github.govdx.spring.SpringErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@code govdx.*} properties into govdx objects, refusing anything that cannot work with a {@link
 * GovdxConfigurationException} that names the property. Stateless.
 */
public final class ConfigChecks {

  private static final String P = "govdx.";

  private ConfigChecks() {}

  /**
   * The configured party.
   *
   * @param properties the properties
   * @return the party
   */
  public static PartyId party(GovdxProperties properties) {
    String text = properties.partyId();
    if (text == null || text.isBlank()) {
      throw missing(
          "party-id",
          "the department's unified social credit code, e.g. 11320500014160486F/hotline");
    }
    try {
      return PartyId.parse(text.trim());
    } catch (GovdxException e) {
      throw new GovdxConfigurationException(
          SpringErrorCode.PARTY_ID_INVALID,
          P + "party-id",
          "'" + text + "' is not a valid party id (" + e.getMessage() + ")",
          "Set govdx.party-id to the department's 18-character unified social credit code (GB 32100),"
              + " optionally followed by /system.",
          e);
    }
  }

  /**
   * The configured exchange endpoint.
   *
   * @param properties the properties
   * @return an absolute http(s) URI
   */
  public static URI endpoint(GovdxProperties properties) {
    String text = properties.endpoint();
    if (text == null || text.isBlank()) {
      throw missing(
          "endpoint", "the exchange platform's base URL, e.g. https://exchange.example.gov.cn/gdx");
    }
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute()
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null) {
        throw new URISyntaxException(text, "not an absolute http or https URI");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new GovdxConfigurationException(
          SpringErrorCode.ENDPOINT_INVALID,
          P + "endpoint",
          "'" + text + "' is not an absolute http or https URI",
          "Set govdx.endpoint to the platform's base URL without /v1, e.g."
              + " https://exchange.example.gov.cn/gdx.",
          e);
    }
  }

  /**
   * Loads the trust anchors.
   *
   * @param properties the properties
   * @return the trust store
   */
  public static TrustStore trustStore(GovdxProperties properties) {
    List<Path> anchors = properties.trust().anchors();
    TrustStore preloaded = StartupPreload.trustStore(anchors);
    return preloaded != null ? preloaded : trustStore(anchors);
  }

  /**
   * Loads trust anchors.
   *
   * @param anchors the configured files or directories
   * @return the trust store
   */
  static TrustStore trustStore(List<Path> anchors) {
    if (anchors.isEmpty()) {
      throw missing(
          "trust.anchors", "the PEM file (or directory) of the CAs that issue party certificates");
    }
    for (int i = 0; i < anchors.size(); i++) {
      String property = "trust.anchors[" + i + "]";
      Path path = readable(anchors.get(i), property, true);
      try {
        TrustStore.load(path); // read and checked per file, to name the property at fault
      } catch (GovdxException e) {
        throw new GovdxConfigurationException(
            SpringErrorCode.KEY_MATERIAL_INVALID,
            P + property,
            path + " holds no usable CA certificate (" + e.getMessage() + ")",
            "Point it at a PEM file of CA certificates, or a directory of *.pem/*.crt/*.cer files.",
            e);
      }
    }
    // The JCA certificates are made on the first validation (TrustStore.load).
    return TrustStore.load(anchors);
  }

  /**
   * Loads the department's credentials from PEM files, a PKCS#12 file or a PKCS#11 module, and checks that key
   * and certificate match, name the party and are valid now.
   *
   * @param properties the properties
   * @param party the configured party
   * @param now the current instant
   * @return the credentials
   */
  public static PartyCredentials credentials(
      GovdxProperties properties, PartyId party, Instant now) {
    GovdxProperties.Credentials c = properties.credentials();
    PartyCredentials loaded = StartupPreload.credentials(c, party);
    if (loaded == null) {
      loaded = load(c, party);
    }
    String certificateProperty =
        c.pkcs11().config() != null
            ? c.certificate() != null ? "credentials.certificate" : "credentials.pkcs11.alias"
            : c.pkcs12() != null ? "credentials.pkcs12" : "credentials.certificate";
    if (now.isAfter(loaded.notAfter())) {
      throw new GovdxConfigurationException(
          SpringErrorCode.CERTIFICATE_NOT_VALID,
          P + certificateProperty,
          "the certificate expired at " + loaded.notAfter(),
          "Renew the department certificate with your CA and point the property at the new one"
              + " (docs/keys.md, key rollover).",
          null);
    }
    if (now.isBefore(loaded.notBefore())) {
      throw new GovdxConfigurationException(
          SpringErrorCode.CERTIFICATE_NOT_VALID,
          P + certificateProperty,
          "the certificate is not valid before " + loaded.notBefore(),
          "Check this machine's clock, or wait until the certificate's notBefore.",
          null);
    }
    if (properties.suite() != null && properties.suite() != loaded.suite()) {
      throw new GovdxConfigurationException(
          SpringErrorCode.PROPERTY_INVALID,
          P + "suite",
          "suite " + properties.suite() + " but the key is a " + loaded.suite() + " key",
          "Remove govdx.suite (it defaults to the key's suite) or configure a key of that suite.",
          null);
    }
    return loaded;
  }

  /**
   * Loads the credentials and checks key and certificate against each other and the party (not the time or the
   * suite).
   *
   * @param c the credential properties
   * @param party the configured party
   * @return the credentials
   */
  static PartyCredentials load(GovdxProperties.Credentials c, PartyId party) {
    if (c.pkcs11().config() != null) {
      return pkcs11(c, party);
    } else if (c.pkcs12() != null) {
      return pkcs12(c, party);
    } else if (c.privateKey() != null || c.certificate() != null) {
      return pem(c, party);
    }
    throw missing(
        "credentials.private-key",
        "the department's key: credentials.private-key and credentials.certificate (PEM),"
            + " credentials.pkcs12, or credentials.pkcs11.config");
  }

  private static PartyCredentials pem(GovdxProperties.Credentials c, PartyId party) {
    if (c.privateKey() == null) {
      throw missing(
          "credentials.private-key", "the PEM file of the department's PKCS#8 private key");
    }
    if (c.certificate() == null) {
      throw missing(
          "credentials.certificate", "the PEM file of the department's certificate chain");
    }
    Path keyFile = readable(c.privateKey(), "credentials.private-key", false);
    Path certFile = readable(c.certificate(), "credentials.certificate", false);
    String keyPem;
    String certPem;
    try {
      keyPem = Pem.read(keyFile);
    } catch (GovdxException e) {
      throw invalidMaterial("credentials.private-key", keyFile + " holds no usable private key", e);
    }
    try {
      certPem = Pem.read(certFile);
    } catch (GovdxException e) {
      throw invalidMaterial(
          "credentials.certificate", certFile + " holds no usable certificate", e);
    }
    checkCertificateBlocks(certPem, certFile);
    // Checked with Bouncy Castle's ASN.1 and EC classes; the JCA objects are made on the first seal
    // or open.
    try {
      return PartyCredentials.fromPem(party, keyPem, certPem);
    } catch (GovdxException e) {
      throw invalidMaterial("credentials.private-key", keyFile + " holds no usable private key", e);
    } catch (IllegalArgumentException e) {
      throw new GovdxConfigurationException(
          SpringErrorCode.KEY_CERTIFICATE_MISMATCH,
          P + "credentials.certificate",
          e.getMessage() + " (party " + party + ")",
          "Configure the certificate issued for this private key, to the party in govdx.party-id.",
          e);
    }
  }

  /** Every CERTIFICATE block of the chain file is a DER certificate, and there is one at least. */
  private static void checkCertificateBlocks(String pem, Path file) {
    int n = 0;
    try (org.bouncycastle.util.io.pem.PemReader r =
        new org.bouncycastle.util.io.pem.PemReader(new java.io.StringReader(pem))) {
      org.bouncycastle.util.io.pem.PemObject o;
      while ((o = r.readPemObject()) != null) {
        if ("CERTIFICATE".equals(o.getType())) {
          org.bouncycastle.asn1.x509.Certificate.getInstance(o.getContent());
          n++;
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      throw invalidMaterial("credentials.certificate", file + " holds no usable certificate", e);
    }
    if (n == 0) {
      throw invalidMaterial("credentials.certificate", file + " holds no CERTIFICATE", null);
    }
  }

  private static PartyCredentials pkcs12(GovdxProperties.Credentials c, PartyId party) {
    Path file = readable(c.pkcs12(), "credentials.pkcs12", false);
    String password = c.pkcs12Password();
    if (password == null) {
      throw missing("credentials.pkcs12-password", "the PKCS#12 password");
    }
    PartyCredentials read;
    char[] pw = password.toCharArray();
    try {
      read = Pkcs12.read(file, pw);
    } catch (GovdxException e) {
      throw invalidMaterial(
          "credentials.pkcs12",
          file + " cannot be read as PKCS#12 (wrong password, corrupt, or no key entry)",
          e);
    } finally {
      java.util.Arrays.fill(pw, '\0');
    }
    return build(
        party, read.certificateChain(), "credentials.pkcs12", b -> b.privateKey(read.privateKey()));
  }

  private static PartyCredentials pkcs11(GovdxProperties.Credentials c, PartyId party) {
    GovdxProperties.Pkcs11 p = c.pkcs11();
    Path config = readable(p.config(), "credentials.pkcs11.config", false);
    if (p.alias() == null) {
      throw missing("credentials.pkcs11.alias", "the key's alias on the token");
    }
    Provider base = Security.getProvider("SunPKCS11");
    if (base == null) {
      throw new GovdxConfigurationException(
          SpringErrorCode.PROPERTY_INVALID,
          P + "credentials.pkcs11.config",
          "this JVM has no SunPKCS11 provider",
          "Run on a JDK that ships the jdk.crypto.cryptoki module.",
          null);
    }
    try {
      Provider p11 = base.configure(config.toString());
      KeyStore ks = KeyStore.getInstance("PKCS11", p11);
      char[] pin = p.pin() == null ? null : p.pin().toCharArray();
      ks.load(null, pin);
      Key key = ks.getKey(p.alias(), null);
      if (!(key instanceof PrivateKey handle)) {
        throw invalidMaterial(
            "credentials.pkcs11.alias", "the token holds no private key '" + p.alias() + "'", null);
      }
      List<X509Certificate> chain;
      if (c.certificate() != null) {
        chain =
            certificates(
                readable(c.certificate(), "credentials.certificate", false),
                "credentials.certificate");
      } else {
        Certificate[] onToken = ks.getCertificateChain(p.alias());
        if (onToken == null || onToken.length == 0) {
          throw missing(
              "credentials.certificate", "the key's certificate chain (the token holds none)");
        }
        chain = new ArrayList<>();
        for (Certificate cert : onToken) {
          chain.add((X509Certificate) cert);
        }
      }
      X509Certificate leaf = chain.get(0);
      return build(
          party,
          chain,
          c.certificate() != null ? "credentials.certificate" : "credentials.pkcs11.alias",
          b -> b.keyHolder(PrivateKeyHolder.jca(handle, leaf.getPublicKey(), p11)));
    } catch (GovdxConfigurationException e) {
      throw e;
    } catch (Exception e) {
      throw invalidMaterial(
          "credentials.pkcs11.config",
          "the PKCS#11 module could not be opened (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  private static List<X509Certificate> certificates(Path file, String property) {
    try {
      List<X509Certificate> chain = Pem.readCertificates(Pem.read(file));
      if (chain.isEmpty()) {
        throw invalidMaterial(property, file + " holds no CERTIFICATE", null);
      }
      return chain;
    } catch (GovdxException | IllegalArgumentException e) {
      throw invalidMaterial(property, file + " holds no usable certificate", e);
    }
  }

  private static PartyCredentials build(
      PartyId party,
      List<X509Certificate> chain,
      String certificateProperty,
      java.util.function.Consumer<PartyCredentials.Builder> key) {
    PartyCredentials.Builder b = PartyCredentials.builder().partyId(party).certificateChain(chain);
    key.accept(b);
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new GovdxConfigurationException(
          SpringErrorCode.KEY_CERTIFICATE_MISMATCH,
          P + certificateProperty,
          e.getMessage() + " (party " + party + ")",
          "Configure the certificate issued for this private key, to the party in govdx.party-id.",
          e);
    }
  }

  private static Path readable(@Nullable Path path, String property, boolean directoryAllowed) {
    if (path == null) {
      throw missing(property, "a file");
    }
    if (!Files.exists(path)) {
      throw new GovdxConfigurationException(
          SpringErrorCode.FILE_MISSING,
          P + property,
          "file " + path.toAbsolutePath() + " does not exist",
          "Point "
              + P
              + property
              + " at an existing file (relative paths start at the working directory "
              + Path.of("").toAbsolutePath()
              + ").",
          null);
    }
    if (!Files.isReadable(path) || (!directoryAllowed && Files.isDirectory(path))) {
      throw new GovdxConfigurationException(
          SpringErrorCode.FILE_MISSING,
          P + property,
          path.toAbsolutePath() + " is not a readable file",
          "Check the file's permissions for the user this application runs as.",
          null);
    }
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }

  /**
   * A required property that is not set.
   *
   * @param property the name below {@code govdx.}
   * @param what what it should hold
   * @return the exception
   */
  public static GovdxConfigurationException missing(String property, String what) {
    return new GovdxConfigurationException(
        SpringErrorCode.PROPERTY_MISSING,
        P + property,
        "not set",
        "Set " + P + property + ": " + what + ".",
        null);
  }

  /**
   * Redis stores without a connection.
   *
   * @return the exception
   */
  public static GovdxConfigurationException missingRedis() {
    return new GovdxConfigurationException(
        SpringErrorCode.STORE_UNAVAILABLE,
        P + "store.redis.uri",
        "store type redis but there is no Lettuce RedisClient or connection bean and no URI",
        "Declare a Lettuce RedisClient bean, or set govdx.store.redis.uri (e.g. redis://10.0.0.5:6379).",
        null);
  }

  private static GovdxConfigurationException invalidMaterial(
      String property, String problem, @Nullable Throwable cause) {
    return new GovdxConfigurationException(
        SpringErrorCode.KEY_MATERIAL_INVALID,
        P + property,
        problem,
        "Check that "
            + P
            + property
            + " names the right file (PEM: PKCS#8 key, X.509 chain leaf first) and"
            + " password.",
        cause);
  }
}
