package io.github.govdx.crypto.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.impl.ECDSA;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.PrivateKeyHolder;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;

/**
 * A {@link PrivateKeyHolder} whose key stays in a JCA provider (PKCS#11 through SunPKCS11, or a vendor provider):
 * every operation is asked of the provider, and the key object is only a handle. It never reads the key's value.
 * Thread-safe (a fresh JCA engine per call).
 */
public final class JcaKeyHolder implements PrivateKeyHolder {

  private final PrivateKey key;
  private final PublicKey publicKey;
  private final Provider provider;
  private final Suite suite;

  /**
   * A holder.
   *
   * @param key the provider's key handle
   * @param publicKey the pair's public key
   * @param provider the provider holding the key
   * @throws IllegalArgumentException if the public key is neither SM2 nor P-256
   */
  public JcaKeyHolder(PrivateKey key, PublicKey publicKey, Provider provider) {
    this.key = Objects.requireNonNull(key, "key == null");
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey == null");
    this.provider = Objects.requireNonNull(provider, "provider == null");
    String s =
        publicKey.getEncoded() == null
            ? null
            : KeyConversions.suiteOfPublicKey(publicKey.getEncoded());
    if (s == null) {
      throw new IllegalArgumentException("public key is neither SM2 nor P-256");
    }
    this.suite = Suite.valueOf(s);
  }

  @Override
  public Suite suite() {
    return suite;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] message) {
    try {
      Signature s;
      if (suite == Suite.GM) {
        s = Signature.getInstance("SM3withSM2", provider);
        try {
          s.setParameter(new org.bouncycastle.jcajce.spec.SM2ParameterSpec(Sm2.USER_ID));
        } catch (GeneralSecurityException | UnsupportedOperationException e) {
          // a provider without SM2ParameterSpec uses the same GM/T 0009 default user id
        }
      } else {
        s = Signature.getInstance("SHA256withECDSA", provider);
      }
      s.initSign(key);
      s.update(message);
      byte[] der = s.sign();
      return ECDSA.transcodeSignatureToConcat(der, 64);
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException(
          "the key's provider could not sign (" + e.getClass().getSimpleName() + ")");
    }
  }

  @Override
  public byte[] decrypt(byte[] ciphertext) {
    if (suite != Suite.GM) {
      throw new UnsupportedOperationException("SM2 decryption needs a GM key");
    }
    try {
      Cipher c = Cipher.getInstance("SM2", provider);
      c.init(Cipher.DECRYPT_MODE, key);
      return c.doFinal(Sm2.derToRaw(ciphertext));
    } catch (GeneralSecurityException
        | org.bouncycastle.crypto.InvalidCipherTextException
        | RuntimeException e) {
      throw new IllegalArgumentException("SM2 decryption failed");
    }
  }

  @Override
  public byte[] agree(ECPublicKey ephemeral) {
    if (suite != Suite.INTL) {
      throw new UnsupportedOperationException("ECDH needs an INTL key");
    }
    try {
      KeyAgreement ka = KeyAgreement.getInstance("ECDH", provider);
      ka.init(key);
      ka.doPhase(ephemeral, true);
      return ka.generateSecret();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "the key's provider could not agree a key (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  @Override
  public String toString() {
    return "JcaKeyHolder{" + suite + ", provider=" + provider.getName() + "}";
  }
}
