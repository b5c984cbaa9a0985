package io.github.govdx.crypto.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * Nimbus {@link JWSVerifier} for {@code SM2-SM3}. Returns {@code false} for any bad signature (wrong length,
 * wrong algorithm, not valid); never throws for bad input. Thread-safe.
 */
public final class GmJwsVerifier implements JWSVerifier {

  private final ECPublicKeyParameters key;
  private final JCAContext jca = new JCAContext(Bc.PROVIDER, Bc.random());

  /**
   * Creates a verifier.
   *
   * @param key the signer's SM2 public key
   */
  public GmJwsVerifier(ECPublicKeyParameters key) {
    this.key = key;
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
    if (!GmAlgorithms.SM2_SM3.equals(header.getAlgorithm()) || header.getCriticalParams() != null) {
      return false;
    }
    return Sm2.verify(key, signingInput, signature.decode());
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
