package io.github.govdx.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident page tokens and cursors ({@code docs/protocol.md} §4): a version, a binding (the calling
 * party and the filters), a position and an issue time, tagged with HMAC-SHA256 under a key generated per
 * sandbox. Tokens expire after one hour (the protocol asks for at least 10 minutes). Thread-safe.
 */
public final class Tokens {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final Duration TTL = Duration.ofHours(1);

  private final byte[] key = new byte[32];
  private final Clock clock;

  /**
   * Creates a token service with a fresh random key.
   *
   * @param clock the clock of expiry
   */
  public Tokens(Clock clock) {
    new SecureRandom().nextBytes(key);
    this.clock = clock;
  }

  /**
   * Creates a token service whose key is kept in a keyring, so that every instance of a clustered sandbox reads
   * the tokens any of them issued.
   *
   * @param clock the clock of expiry
   * @param keyring the keyring
   */
  public Tokens(Clock clock, Keyring keyring) {
    String stored =
        keyring.getOrCreate(
            "tokens",
            () -> {
              byte[] fresh = new byte[32];
              new SecureRandom().nextBytes(fresh);
              return java.util.Base64.getEncoder().encodeToString(fresh);
            });
    byte[] k = java.util.Base64.getDecoder().decode(stored);
    System.arraycopy(k, 0, key, 0, key.length);
    this.clock = clock;
  }

  /**
   * The binding of a list call: the party and every filter except the paging parameters.
   *
   * @param party the calling party
   * @param params the query parameters
   * @return the binding text
   */
  public static String binding(String party, Map<String, String> params) {
    TreeMap<String, String> sorted = new TreeMap<>(params);
    sorted.remove("pageToken");
    sorted.remove("pageSize");
    StringBuilder sb = new StringBuilder(party);
    sorted.forEach((k, v) -> sb.append('\n').append(k).append('=').append(v));
    return sb.toString();
  }

  /**
   * Issues a token for a position.
   *
   * @param binding what the token is bound to
   * @param position the position (an offset or a sequence number)
   * @return the token
   */
  public String issue(String binding, long position) {
    String payload = "1|" + hash(binding) + "|" + position + "|" + clock.instant().getEpochSecond();
    byte[] p = payload.getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(p) + "." + B64.encodeToString(tag(p));
  }

  /**
   * Reads a token.
   *
   * @param token the token
   * @param binding the binding it must have
   * @param expires whether it can expire (page tokens) or not (feed cursors)
   * @return the position
   * @throws ApiException {@code GDX-3010} if the token is malformed, tampered, bound otherwise or expired
   */
  public long read(String token, String binding, boolean expires) {
    int dot = token.indexOf('.');
    if (dot < 0 || token.length() > 512) {
      throw invalid();
    }
    byte[] p;
    byte[] t;
    try {
      p = B64D.decode(token.substring(0, dot));
      t = B64D.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!MessageDigest.isEqual(tag(p), t)) {
      throw invalid();
    }
    String[] parts = new String(p, StandardCharsets.UTF_8).split("\\|");
    if (parts.length != 4 || !"1".equals(parts[0]) || !parts[1].equals(hash(binding))) {
      throw invalid();
    }
    long issued = Long.parseLong(parts[3]);
    if (expires && clock.instant().getEpochSecond() - issued > TTL.getSeconds()) {
      throw invalid();
    }
    return Long.parseLong(parts[2]);
  }

  private static ApiException invalid() {
    return new ApiException(
        WireCode.PAGE_TOKEN_INVALID,
        "the page token or cursor is expired, tampered or used with other filters");
  }

  private byte[] tag(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] full = mac.doFinal(payload);
      byte[] out = new byte[16];
      System.arraycopy(full, 0, out, 0, 16);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static String hash(String s) {
    return Digests.sha256Hex(s.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
  }
}
