package io.github.govdx.crypto.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.PrivateKeyHolder;
import java.util.Objects;
import java.util.Set;

/**
 * Nimbus {@link JWSSigner} over a {@link PrivateKeyHolder}: {@code SM2-SM3} for a GM key, {@code ES256} for an
 * INTL key, both r‖s (64 bytes). The holder does the private-key work. Thread-safe if the holder is.
 */
public final class HolderJwsSigner implements JWSSigner {

  private final PrivateKeyHolder holder;
  private final JWSAlgorithm algorithm;
  private final JCAContext jca = new JCAContext(Bc.PROVIDER, Bc.random());

  /**
   * Creates a signer.
   *
   * @param holder the key holder
   */
  public HolderJwsSigner(PrivateKeyHolder holder) {
    this.holder = Objects.requireNonNull(holder, "holder == null");
    this.algorithm = holder.suite() == Suite.GM ? GmAlgorithms.SM2_SM3 : JWSAlgorithm.ES256;
  }

  @Override
  public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    if (!algorithm.equals(header.getAlgorithm())) {
      throw new JOSEException("unsupported JWS algorithm " + header.getAlgorithm());
    }
    byte[] sig;
    try {
      sig = holder.sign(signingInput);
    } catch (RuntimeException e) {
      throw new JOSEException("signing failed in the key holder");
    }
    if (sig.length != 64) {
      throw new JOSEException("the key holder returned a signature of " + sig.length + " bytes");
    }
    return Base64URL.encode(sig);
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(algorithm);
  }

  @Override
  public JCAContext getJCAContext() {
    return jca;
  }
}
