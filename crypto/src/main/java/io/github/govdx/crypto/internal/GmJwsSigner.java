package io.github.govdx.crypto.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * Nimbus {@link JWSSigner} for {@code SM2-SM3}: SM2 with SM3, user ID {@code 1234567812345678}, r‖s (64 bytes).
 * Thread-safe (pooled Bouncy Castle signers, see {@link Sm2.Signing}).
 */
public final class GmJwsSigner implements JWSSigner {

  private final Sm2.Signing signing;
  private final JCAContext jca = new JCAContext(Bc.PROVIDER, Bc.random());

  /**
   * Creates a signer.
   *
   * @param key the SM2 private key
   */
  public GmJwsSigner(ECPrivateKeyParameters key) {
    this.signing = new Sm2.Signing(key);
  }

  @Override
  public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    if (!GmAlgorithms.SM2_SM3.equals(header.getAlgorithm())) {
      throw new JOSEException("unsupported JWS algorithm " + header.getAlgorithm());
    }
    return Base64URL.encode(signing.sign(signingInput));
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(GmAlgorithms.SM2_SM3);
  }

  @Override
  public JCAContext getJCAContext() {
    return jca;
  }
}
