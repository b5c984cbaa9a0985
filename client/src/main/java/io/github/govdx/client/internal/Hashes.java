package io.github.govdx.client.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digest helpers. */
public final class Hashes {

  private Hashes() {}

  /**
   * SHA-256 as lowercase hex.
   *
   * @param data the bytes
   * @return 64 hex digits
   */
  public static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(sha256(data));
  }

  /**
   * SHA-256.
   *
   * @param data the bytes
   * @return 32 bytes
   */
  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
