package io.github.govdx.crypto.key;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.internal.Bc;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * PKCS#12 (RFC 7292) input and output of {@link PartyCredentials}, through the Bouncy Castle key store passed
 * as a provider instance (so SM2 keys and SM3withSM2 certificates work). One key entry per file, aliased by
 * the party id; the party is read back from the leaf certificate
 * ({@link Certificates#partyOf(X509Certificate)}).
 *
 * <p>Errors (wrong password, no key entry, unreadable file) are {@link KeyMaterialException}
 * ({@code GDX-2401}); messages never contain the password. Thread-safe.
 */
public final class Pkcs12 {

  private static final int MAX_BYTES = 1024 * 1024;

  private Pkcs12() {}

  /**
   * Writes credentials as PKCS#12.
   *
   * @param credentials the credentials
   * @param password the store and key password
   * @return the PKCS#12 bytes
   */
  public static byte[] write(PartyCredentials credentials, char[] password) {
    Objects.requireNonNull(credentials, "credentials == null");
    Objects.requireNonNull(password, "password == null");
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12", Bc.PROVIDER);
      ks.load(null, null);
      ks.setKeyEntry(
          credentials.partyId().toString(),
          credentials.privateKey(),
          password,
          credentials.certificateChain().toArray(new Certificate[0]));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ks.store(out, password);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("PKCS#12 encoding failed", e);
    }
  }

  /**
   * Reads the first key entry of a PKCS#12 store as credentials.
   *
   * @param pkcs12 the PKCS#12 bytes
   * @param password the store and key password
   * @return the credentials
   * @throws KeyMaterialException {@code GDX-2401} if the store cannot be read (e.g. wrong password), holds no
   *     key entry, or its leaf certificate names no party
   */
  public static PartyCredentials read(byte[] pkcs12, char[] password) {
    Objects.requireNonNull(pkcs12, "pkcs12 == null");
    Objects.requireNonNull(password, "password == null");
    if (pkcs12.length > MAX_BYTES) {
      throw new KeyMaterialException("PKCS#12 input larger than 1 MiB", null);
    }
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12", Bc.PROVIDER);
      ks.load(new ByteArrayInputStream(pkcs12), password);
      for (String alias : Collections.list(ks.aliases())) {
        if (!ks.isKeyEntry(alias)) {
          continue;
        }
        Key key = ks.getKey(alias, password);
        Certificate[] chain = ks.getCertificateChain(alias);
        if (!(key instanceof PrivateKey) || chain == null || chain.length == 0) {
          continue;
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (Certificate c : chain) {
          certs.add(Certificates.parse(c.getEncoded()));
        }
        PartyId party =
            Certificates.partyOf(certs.get(0))
                .orElseThrow(
                    () ->
                        new KeyMaterialException("PKCS#12 leaf certificate names no party", null));
        PrivateKey normalized =
            io.github.govdx.crypto.internal.KeyConversions.privateKey(key.getEncoded());
        return PartyCredentials.builder()
            .partyId(party)
            .privateKey(normalized)
            .certificateChain(certs)
            .build();
      }
      throw new KeyMaterialException(
          "PKCS#12 store holds no key entry with a certificate chain", null);
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      throw new KeyMaterialException("cannot read PKCS#12 store (wrong password or corrupt)", e);
    }
  }

  /**
   * Reads PKCS#12 credentials from a file.
   *
   * @param file the file
   * @param password the store and key password
   * @return the credentials
   * @throws KeyMaterialException {@code GDX-2401} if the file cannot be read or is not a usable store
   */
  public static PartyCredentials read(Path file, char[] password) {
    Objects.requireNonNull(file, "file == null");
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new KeyMaterialException("PKCS#12 file larger than 1 MiB", null);
      }
      return read(Files.readAllBytes(file), password);
    } catch (IOException e) {
      throw new KeyMaterialException("cannot read PKCS#12 file " + file.getFileName(), e);
    }
  }
}
