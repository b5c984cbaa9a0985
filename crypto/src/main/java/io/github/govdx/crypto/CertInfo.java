package io.github.govdx.crypto;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.internal.KeyConversions;
import io.github.govdx.crypto.internal.Sm2;
import io.github.govdx.crypto.key.Certificates;
import java.security.cert.X509Certificate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the codec needs to know about a certificate (chain), computed once: parsed chain, key id, suite,
 * named party and the public key as the suite's engine wants it (a Bouncy Castle point keeps its
 * precomputation across calls). Immutable and thread-safe.
 */
final class CertInfo {

  final List<X509Certificate> chain;
  final X509Certificate leaf;
  final String keyId;
  final @Nullable Suite suite;
  final @Nullable PartyId party;
  private volatile @Nullable Object engineKey;

  CertInfo(List<X509Certificate> chain) {
    this.chain = List.copyOf(chain);
    this.leaf = chain.get(0);
    this.keyId = Certificates.keyId(leaf);
    this.suite = Certificates.suiteOf(leaf).orElse(null);
    this.party = Certificates.partyOf(leaf).orElse(null);
  }

  /** The leaf's public key: ECPublicKeyParameters (GM) or a JDK ECPublicKey (INTL). */
  Object engineKey() {
    Object k = engineKey;
    if (k == null) {
      k =
          suite == Suite.GM
              ? Sm2.publicParameters(leaf.getPublicKey())
              : KeyConversions.jdkPublic(leaf.getPublicKey());
      engineKey = k;
    }
    return k;
  }
}
