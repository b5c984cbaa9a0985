package io.github.govdx.crypto.key;

import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.internal.Bc;
import io.github.govdx.crypto.internal.Sm2;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * Generates key pairs for the envelope suites and tells which suite a key belongs to. Thread-safe.
 *
 * <p>GM keys are on sm2p256v1 (GB/T 32918.5) and are Bouncy Castle key objects; INTL keys are on NIST P-256
 * and are JDK (SunEC) key objects. Both are plain {@code java.security.interfaces.EC*Key}s.
 */
public final class KeyPairs {

  private static final BigInteger P256_ORDER =
      new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

  private KeyPairs() {}

  /**
   * Generates a key pair for a suite.
   *
   * @param suite the suite
   * @return a new key pair (SM2 for GM, P-256 for INTL)
   */
  public static KeyPair generate(Suite suite) {
    Objects.requireNonNull(suite, "suite == null");
    try {
      KeyPairGenerator g;
      if (suite == Suite.GM) {
        g = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
        g.initialize(new ECGenParameterSpec("sm2p256v1"), Bc.random());
      } else {
        g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), Bc.random());
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC key generation unavailable", e);
    }
  }

  /**
   * The suite a key belongs to, by its curve.
   *
   * @param key an EC public or private key
   * @return GM for sm2p256v1, INTL for P-256, empty otherwise
   */
  public static Optional<Suite> suiteOf(Key key) {
    Objects.requireNonNull(key, "key == null");
    if (!(key instanceof ECKey)) {
      return Optional.empty();
    }
    ECKey ec = (ECKey) key;
    if (Sm2.isSm2(ec.getParams())) {
      return Optional.of(Suite.GM);
    }
    if (ec.getParams().getOrder().equals(P256_ORDER)) {
      return Optional.of(Suite.INTL);
    }
    return Optional.empty();
  }
}
