package io.github.govdx.crypto.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.impl.ECDHCryptoProvider;
import com.nimbusds.jose.crypto.opts.OptionUtils;
import com.nimbusds.jose.crypto.utils.ECChecks;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import io.github.govdx.crypto.key.PrivateKeyHolder;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Nimbus {@link JWEDecrypter} for {@code ECDH-ES+A256KW} over a {@link PrivateKeyHolder}: the holder agrees the
 * shared secret Z with the sender's ephemeral key (after the point is checked to lie on P-256, against invalid-curve
 * attacks), and Nimbus derives the key-encryption key (Concat KDF), unwraps the content key and decrypts, exactly as
 * its own {@code ECDHDecrypter} does. Thread-safe if the holder is.
 */
public final class HolderEcdhDecrypter extends ECDHCryptoProvider implements JWEDecrypter {

  /** Nimbus's default bound on a decompressed plaintext (govdx refuses {@code zip} anyway). */
  private static final int MAX_PLAINTEXT =
      OptionUtils.resolveMaxDecompressedPlainTextLength(Set.of());

  private final PrivateKeyHolder holder;

  /**
   * Creates a decrypter.
   *
   * @param holder an INTL key holder
   * @throws JOSEException never for P-256
   */
  public HolderEcdhDecrypter(PrivateKeyHolder holder) throws JOSEException {
    super(Curve.P_256, null);
    this.holder = Objects.requireNonNull(holder, "holder == null");
    getJCAContext().setKeyEncryptionProvider(Bc.PROVIDER);
  }

  @Override
  public Set<Curve> supportedEllipticCurves() {
    return Set.of(Curve.P_256);
  }

  @Override
  public byte[] decrypt(
      JWEHeader header,
      @Nullable Base64URL encryptedKey,
      @Nullable Base64URL iv,
      Base64URL cipherText,
      @Nullable Base64URL authTag,
      byte @Nullable [] aad)
      throws JOSEException {
    if (!JWEAlgorithm.ECDH_ES_A256KW.equals(header.getAlgorithm())) {
      throw new JOSEException("unsupported JWE algorithm " + header.getAlgorithm());
    }
    if (!(header.getEphemeralPublicKey() instanceof ECKey)
        || !Curve.P_256.equals(((ECKey) header.getEphemeralPublicKey()).getCurve())) {
      throw new JOSEException("missing or non-P-256 ephemeral public key");
    }
    ECPublicKey epk = ((ECKey) header.getEphemeralPublicKey()).toECPublicKey();
    if (!ECChecks.isPointOnCurve(epk, Curve.P_256.toECParameterSpec())) {
      throw new JOSEException("ephemeral public key is not on P-256");
    }
    byte[] z;
    try {
      z = holder.agree(epk);
    } catch (RuntimeException e) {
      throw new JOSEException("key agreement failed in the key holder", e);
    }
    try {
      return decryptWithZ(
          header,
          aad,
          new SecretKeySpec(z, "AES"),
          encryptedKey,
          iv,
          cipherText,
          authTag,
          MAX_PLAINTEXT);
    } finally {
      java.util.Arrays.fill(z, (byte) 0);
    }
  }
}
