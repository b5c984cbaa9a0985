package io.github.govdx.crypto.internal;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.jca.JWEJCAContext;
import com.nimbusds.jose.util.Base64URL;
import io.github.govdx.crypto.key.PrivateKeyHolder;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.jspecify.annotations.Nullable;

/**
 * Nimbus {@link JWEDecrypter} for {@code alg: SM2}, {@code enc: SM4-GCM}. Every failure (bad DER, bad SM2
 * hash, wrong CEK or IV length, tag mismatch) is the same {@link JOSEException} message, so the failure mode
 * is not an oracle. Thread-safe.
 */
public final class GmJweDecrypter implements JWEDecrypter {

  private final PrivateKeyHolder key;
  private final JWEJCAContext jca =
      new JWEJCAContext(Bc.PROVIDER, Bc.PROVIDER, Bc.PROVIDER, Bc.PROVIDER, Bc.random());

  /**
   * Creates a decrypter.
   *
   * @param key the holder of the receiver's SM2 private key
   */
  public GmJweDecrypter(PrivateKeyHolder key) {
    this.key = java.util.Objects.requireNonNull(key, "key == null");
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
    if (!GmAlgorithms.SM2.equals(header.getAlgorithm())
        || !GmAlgorithms.SM4_GCM.equals(header.getEncryptionMethod())) {
      throw new JOSEException("unsupported JWE algorithm or encryption method");
    }
    if (encryptedKey == null || iv == null || authTag == null || aad == null) {
      throw new JOSEException("decryption failed");
    }
    byte[] cek = null;
    try {
      java.util.Base64.Decoder b64 = java.util.Base64.getUrlDecoder();
      cek = key.decrypt(b64.decode(encryptedKey.toString()));
      byte[] ivBytes = b64.decode(iv.toString());
      byte[] tag = b64.decode(authTag.toString());
      if (cek.length != Sm4Gcm.KEY_LENGTH
          || ivBytes.length != Sm4Gcm.IV_LENGTH
          || tag.length != Sm4Gcm.TAG_LENGTH) {
        throw new JOSEException("decryption failed");
      }
      byte[] ct = b64.decode(cipherText.toString());
      byte[] in = Arrays.copyOf(ct, ct.length + tag.length);
      System.arraycopy(tag, 0, in, ct.length, tag.length);
      return Sm4Gcm.decrypt(cek, ivBytes, aad, in);
    } catch (InvalidCipherTextException | RuntimeException e) {
      // one message for every failure: no oracle
      throw new JOSEException("decryption failed");
    } finally {
      if (cek != null) {
        Arrays.fill(cek, (byte) 0);
      }
    }
  }

  @Override
  public Set<JWEAlgorithm> supportedJWEAlgorithms() {
    return Set.of(GmAlgorithms.SM2);
  }

  @Override
  public Set<EncryptionMethod> supportedEncryptionMethods() {
    return Set.of(GmAlgorithms.SM4_GCM);
  }

  @Override
  public JWEJCAContext getJCAContext() {
    return jca;
  }
}
