package io.github.govdx.crypto.internal;

import java.security.SecureRandom;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle provider instance govdx passes explicitly to JCA calls. It is never registered
 * with {@link java.security.Security} (no global side effects). Thread-safe.
 */
public final class Bc {

  /** The shared, unregistered provider instance. */
  public static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

  private static final SecureRandom RANDOM = new SecureRandom();

  private Bc() {}

  /**
   * The shared source of randomness for key generation, nonces and CEKs.
   *
   * @return a thread-safe {@link SecureRandom}
   */
  public static SecureRandom random() {
    return RANDOM;
  }
}
