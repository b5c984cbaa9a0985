package io.github.govdx.crypto.internal;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWECryptoParts;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.jca.JWEJCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * Nimbus {@link JWEEncrypter} for {@code alg: SM2}, {@code enc: SM4-GCM}: a random 128-bit CEK encrypted with
 * SM2 to the receiver (GB/T 35276 DER), a random 96-bit IV, the content encrypted with SM4-GCM under the
 * RFC 7516 AAD. Thread-safe.
 */
public final class GmJweEncrypter implements JWEEncrypter {

  private final ECPublicKeyParameters key;
  private final JWEJCAContext jca =
      new JWEJCAContext(Bc.PROVIDER, Bc.PROVIDER, Bc.PROVIDER, Bc.PROVIDER, Bc.random());

  /**
   * Creates an encrypter.
   *
   * @param key the receiver's SM2 public key
   */
  public GmJweEncrypter(ECPublicKeyParameters key) {
    this.key = key;
  }

  @Override
  public JWECryptoParts encrypt(JWEHeader header, byte[] clearText, byte[] aad)
      throws JOSEException {
    if (!GmAlgorithms.SM2.equals(header.getAlgorithm())
        || !GmAlgorithms.SM4_GCM.equals(header.getEncryptionMethod())) {
      throw new JOSEException("unsupported JWE algorithm or encryption method");
    }
    byte[] cek = new byte[Sm4Gcm.KEY_LENGTH];
    byte[] iv = new byte[Sm4Gcm.IV_LENGTH];
    Bc.random().nextBytes(cek);
    Bc.random().nextBytes(iv);
    try {
      byte[] encryptedKey = Sm2.encrypt(key, cek);
      byte[] out = Sm4Gcm.encrypt(cek, iv, aad, clearText);
      int ctLen = out.length - Sm4Gcm.TAG_LENGTH;
      // the 5-argument constructor: Nimbus's JSON path needs the header back
      // java.util.Base64 is several times faster than Nimbus's constant-time codec on large
      // ciphertexts
      java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
      return new JWECryptoParts(
          header,
          new Base64URL(b64.encodeToString(encryptedKey)),
          new Base64URL(b64.encodeToString(iv)),
          new Base64URL(b64.encodeToString(Arrays.copyOfRange(out, 0, ctLen))),
          new Base64URL(b64.encodeToString(Arrays.copyOfRange(out, ctLen, out.length))));
    } finally {
      Arrays.fill(cek, (byte) 0);
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
