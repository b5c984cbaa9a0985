package io.github.govdx.client;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The digest of an envelope exactly as it travelled (the HTTP body bytes): SM3 (GB/T 32905) in the GM
 * suite, SHA-256 in the INTL suite, as lowercase hex. Receipts and data objections cite a message by its
 * id and this digest ({@code docs/protocol.md} sections 10 and 12). Immutable and thread-safe.
 *
 * @param algorithm {@code "SM3"} or {@code "SHA-256"}
 * @param hex the 64 lowercase hex digits of the 256-bit digest
 */
public record EnvelopeDigest(String algorithm, String hex) {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  /**
   * Creates a digest.
   *
   * @throws IllegalArgumentException if the algorithm is not SM3 or SHA-256 or the value is not 64 hex digits
   * @throws NullPointerException if an argument is null
   */
  public EnvelopeDigest {
    Objects.requireNonNull(algorithm, "algorithm == null");
    Objects.requireNonNull(hex, "hex == null");
    if (!algorithm.equals("SM3") && !algorithm.equals("SHA-256")) {
      throw new IllegalArgumentException("algorithm must be SM3 or SHA-256: " + algorithm);
    }
    hex = hex.toLowerCase(Locale.ROOT);
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("hex must be 64 hex digits");
    }
  }

  /**
   * An SM3 digest.
   *
   * @param hex 64 hex digits
   * @return the digest
   */
  public static EnvelopeDigest sm3(String hex) {
    return new EnvelopeDigest("SM3", hex);
  }

  /**
   * A SHA-256 digest.
   *
   * @param hex 64 hex digits
   * @return the digest
   */
  public static EnvelopeDigest sha256(String hex) {
    return new EnvelopeDigest("SHA-256", hex);
  }
}
