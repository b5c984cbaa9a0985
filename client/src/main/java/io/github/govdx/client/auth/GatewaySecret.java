package io.github.govdx.client.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A gateway secret (密钥): an HMAC key, request secret or token, held as bytes and never printed.
 *
 * <p>{@link #toString()} returns {@code GatewaySecret[REDACTED]}; no govdx log line or exception message contains the
 * bytes. The factories copy their input, so the caller may wipe its own array afterwards. Equality is identity, so
 * that secrets are never compared in variable time by accident.
 *
 * <p>Immutable and thread-safe.
 */
public final class GatewaySecret {

  private final byte[] bytes;

  private GatewaySecret(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Creates a secret from raw key bytes (copied).
   *
   * @param key the key bytes, not empty
   * @return the secret
   * @throws NullPointerException if {@code key} is {@code null}
   * @throws IllegalArgumentException if {@code key} is empty
   */
  public static GatewaySecret of(byte[] key) {
    Objects.requireNonNull(key, "key == null");
    if (key.length == 0) {
      throw new IllegalArgumentException("key is empty");
    }
    return new GatewaySecret(key.clone());
  }

  /**
   * Creates a secret from characters, encoded as UTF-8 (gateways hand out secrets as text).
   *
   * @param secret the secret characters (not copied into a {@code String}), not empty
   * @return the secret
   * @throws NullPointerException if {@code secret} is {@code null}
   * @throws IllegalArgumentException if {@code secret} is empty
   */
  public static GatewaySecret ofUtf8(char[] secret) {
    Objects.requireNonNull(secret, "secret == null");
    if (secret.length == 0) {
      throw new IllegalArgumentException("secret is empty");
    }
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
    byte[] out = new byte[encoded.remaining()];
    encoded.get(out);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return new GatewaySecret(out);
  }

  /** Returns the key bytes without copying; callers in this package never modify or expose them. */
  byte[] bytes() {
    return bytes;
  }

  /** Returns {@code GatewaySecret[REDACTED]}. */
  @Override
  public String toString() {
    return "GatewaySecret[REDACTED]";
  }
}
