package io.github.govdx.crypto.internal;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/** Hex and digest helpers. Thread-safe. */
public final class Hex {

  private static final HexFormat HEX = HexFormat.of();

  private Hex() {}

  /**
   * Lowercase hex.
   *
   * @param bytes the bytes
   * @return lowercase hex text
   */
  public static String encode(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /**
   * Decodes hex (either case).
   *
   * @param hex the hex text
   * @return the bytes
   * @throws IllegalArgumentException if the text is not hex
   */
  public static byte[] decode(String hex) {
    return HEX.parseHex(hex.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * SM3 (GB/T 32905-2016) of the input.
   *
   * @param data the input
   * @return the 32-byte digest
   */
  public static byte[] sm3(byte[] data) {
    SM3Digest d = new SM3Digest();
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /**
   * SHA-256 (FIPS 180-4) of the input.
   *
   * @param data the input
   * @return the 32-byte digest
   */
  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /**
   * SHA-256 by Bouncy Castle's lightweight digest: the same value as {@link #sha256}, without setting up the JCA
   * providers (used where start-up reads certificates: key ids, trust anchors).
   *
   * @param data the input
   * @return the 32-byte digest
   */
  public static byte[] sha256NoJca(byte[] data) {
    org.bouncycastle.crypto.digests.SHA256Digest d =
        new org.bouncycastle.crypto.digests.SHA256Digest();
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
