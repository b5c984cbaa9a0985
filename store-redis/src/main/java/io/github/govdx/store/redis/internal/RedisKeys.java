package io.github.govdx.store.redis.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The key layout: {@code <prefix><kind>:{<hex SHA-256 of the id>}}. Hashing keeps personal data (identity numbers
 * inside idempotency keys, party ids) and unbounded lengths out of Redis key names; the braces are a Redis Cluster
 * hash tag, so every key one script touches for an id lands in one slot.
 *
 * <p>Immutable and thread-safe.
 */
public final class RedisKeys {

  /** The kind of the envelope replay cache's keys. */
  public static final String REPLAY = "replay";

  /** The kind of the gateway nonce cache's keys. */
  public static final String NONCE = "nonce";

  /** The kind of the idempotency store's keys. */
  public static final String IDEMPOTENCY = "idem";

  /** The kind of the rate limiter's bucket keys. */
  public static final String RATE = "rate";

  private static final HexFormat HEX = HexFormat.of();

  private final String prefix;

  /**
   * A layout under a prefix.
   *
   * @param prefix the key prefix; must not contain a brace (it would move the hash tag)
   * @throws IllegalArgumentException if the prefix contains {@code {} or {@code }}
   */
  public RedisKeys(String prefix) {
    Objects.requireNonNull(prefix, "prefix == null");
    if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
      throw new IllegalArgumentException("key prefix must not contain '{' or '}': " + prefix);
    }
    this.prefix = prefix;
  }

  /**
   * The key prefix.
   *
   * @return the prefix
   */
  public String prefix() {
    return prefix;
  }

  /**
   * The Redis key of an id.
   *
   * @param kind one of the kinds of this class
   * @param id the id as the SPI received it
   * @return {@code <prefix><kind>:{<64 hex digits>}}
   */
  public String key(String kind, String id) {
    byte[] digest = sha256().digest(id.getBytes(StandardCharsets.UTF_8));
    return prefix + kind + ":{" + HEX.formatHex(digest) + "}";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
