package io.github.govdx.client.auth;

import java.util.Base64;
import org.bouncycastle.crypto.Digest;

/**
 * What the gateway authenticators share: the built key, the signing steps of their schemes and a {@link #toString()}
 * that shows the id but never the secret. Immutable and thread-safe.
 */
abstract class GatewayAuthenticator implements RequestAuthenticator {

  final GatewayKey key;

  GatewayAuthenticator(GatewayKey key) {
    this.key = key;
  }

  /** Base64 of the HMAC over the UTF-8 signing string, keyed with the current secret. */
  final String base64Hmac(Digest digest, String signingString) {
    byte[] mac = AuthSupport.hmac(digest, key.secret(), AuthSupport.utf8(signingString));
    return Base64.getEncoder().encodeToString(mac);
  }

  /** Lowercase hex digest of the UTF-8 {@code before}, the current secret's bytes and the UTF-8 {@code after}. */
  final String hexDigestAroundSecret(Digest digest, String before, String after) {
    return AuthSupport.hex(
        AuthSupport.digest(
            digest, AuthSupport.utf8(before), key.secret().bytes(), AuthSupport.utf8(after)));
  }

  /** Returns the class name and the id; never the secret. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "{key.id()=" + key.id() + "}";
  }
}
