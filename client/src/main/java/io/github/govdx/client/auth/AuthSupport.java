package io.github.govdx.client.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.jspecify.annotations.Nullable;

/** Canonicalisation, digests and body access shared by the authenticators and the verifier. Thread-safe. */
final class AuthSupport {

  /** HTTP-date in IMF-fixdate form (RFC 9110 §5.6.7), e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
  static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final HexFormat HEX = HexFormat.of();
  private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();
  private static final SecureRandom RANDOM = nonceRandom();

  private AuthSupport() {}

  /**
   * The nonce source: the JDK's NIST SP 800-90A {@code DRBG} (no system call per nonce, unlike the Linux default
   * {@code NativePRNG}), falling back to the platform default where DRBG is unavailable.
   */
  private static SecureRandom nonceRandom() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  /** The default nonce: 16 random bytes from {@link SecureRandom} (DRBG), as 32 lowercase hex digits. */
  static String randomNonce() {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    return hex(nonce);
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Digests the parts in order (a secret among them is hashed in place, never copied into a String). */
  static byte[] digest(Digest digest, byte[]... parts) {
    for (byte[] part : parts) {
      digest.update(part, 0, part.length);
    }
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  static String sm3Hex(byte[] input) {
    return hex(digest(new SM3Digest(), input));
  }

  static byte[] hmac(Digest digest, GatewaySecret key, byte[] input) {
    HMac mac = new HMac(digest);
    mac.init(new KeyParameter(key.bytes()));
    mac.update(input, 0, input.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }

  /**
   * Reads the request body without consuming it.
   *
   * @throws IllegalArgumentException if the body is one-shot
   */
  static byte[] bodyBytes(Request request) {
    RequestBody body = request.body();
    if (body == null) {
      return new byte[0];
    }
    if (body.isOneShot()) {
      throw new IllegalArgumentException(
          "the request body is one-shot: a body-signing scheme needs a "
              + "replayable body (e.g. RequestBody.create(byte[], MediaType))");
    }
    try (Buffer buffer = new Buffer()) {
      body.writeTo(buffer);
      return buffer.readByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body for signing", e);
    }
  }

  /**
   * Canonical path: each segment percent-decoded and re-encoded per RFC 3986 §2.3 (unreserved characters
   * literal, every other byte {@code %XX} upper-case); an empty path becomes {@code /}.
   */
  static String canonicalPath(String rawPath) {
    if (rawPath.isEmpty()) {
      return "/";
    }
    return Arrays.stream(rawPath.split("/", -1))
        .map(AuthSupport::canonicalComponent)
        .collect(Collectors.joining("/"));
  }

  /**
   * Canonical query: split on {@code &}, empty parts dropped, each part split at the first {@code =} (a missing
   * value is the empty string), names and values percent-decoded ({@code +} stays a plus sign) and re-encoded as in
   * {@link #canonicalPath}, sorted by name then value (byte order of the encoded form), joined as
   * {@code name=value} with {@code &}. A null or empty query gives the empty string.
   */
  static String canonicalQuery(@Nullable String rawQuery) {
    if (rawQuery == null) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String part : rawQuery.split("&")) {
      if (!part.isEmpty()) {
        int eq = part.indexOf('=');
        String name = eq < 0 ? part : part.substring(0, eq);
        String value = eq < 0 ? "" : part.substring(eq + 1);
        pairs.add(new String[] {canonicalComponent(name), canonicalComponent(value)});
      }
    }
    pairs.sort(
        Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
    return pairs.stream().map(pair -> pair[0] + '=' + pair[1]).collect(Collectors.joining("&"));
  }

  /**
   * Decodes and re-encodes one path segment, query name or value: unreserved characters literal, every other byte
   * {@code %XX} upper-case; unreserved-only input is already canonical.
   */
  private static String canonicalComponent(String raw) {
    if (raw.chars().allMatch(AuthSupport::isUnreserved)) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length() + 8);
    for (byte b : percentDecode(raw)) {
      int c = b & 0xff;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(UPPER_HEX.toHexDigits(b));
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return c >= 'A' && c <= 'Z'
        || c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9'
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** Percent-decodes to bytes; a malformed escape is kept literally (bad input never throws). */
  private static byte[] percentDecode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] raw = utf8(s);
    for (int i = 0; i < raw.length; i++) {
      int high = i + 2 < raw.length ? Character.digit(raw[i + 1] & 0xff, 16) : -1;
      int low = i + 2 < raw.length ? Character.digit(raw[i + 2] & 0xff, 16) : -1;
      if (raw[i] == '%' && high >= 0 && low >= 0) {
        out.write(high << 4 | low);
        i += 2;
      } else {
        out.write(raw[i]);
      }
    }
    return out.toByteArray();
  }
}
