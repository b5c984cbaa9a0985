package io.github.govdx.crypto.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Strict JSON for envelopes: depth measured by a linear scan before parsing, duplicate member names and
 * trailing tokens refused, and strict canonical base64url (RFC 4648 §5, no padding, zero unused bits).
 * Thread-safe.
 */
public final class StrictJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(1000).build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final byte[] B64 = new byte[128];

  static {
    java.util.Arrays.fill(B64, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      B64[alphabet.charAt(i)] = (byte) i;
    }
  }

  private StrictJson() {}

  /**
   * The maximum nesting depth of a JSON text, found by a scan that stops as soon as {@code limit} is exceeded
   * (so a 10,000-deep input costs one pass and no recursion).
   *
   * @param json the JSON bytes
   * @param limit the allowed depth
   * @return {@code true} if the depth exceeds {@code limit}
   */
  public static boolean deeperThan(byte[] json, int limit) {
    int depth = 0;
    boolean inString = false;
    boolean escape = false;
    for (byte b : json) {
      if (inString) {
        if (escape) {
          escape = false;
        } else if (b == '\\') {
          escape = true;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        if (++depth > limit) {
          return true;
        }
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    return false;
  }

  /**
   * Parses JSON strictly (duplicates and trailing tokens refused).
   *
   * @param json the bytes
   * @return the tree
   * @throws IOException if not strict JSON
   */
  public static JsonNode parse(byte[] json) throws IOException {
    return MAPPER.readTree(json);
  }

  /**
   * The shared mapper (for writing).
   *
   * @return the mapper
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Whether a string is canonical unpadded base64url: only the 64 characters, length mod 4 not 1, and the
   * unused low bits of the last character zero (so no two strings decode to the same bytes).
   *
   * @param s the text
   * @return {@code true} if canonical
   */
  public static boolean isCanonicalBase64Url(String s) {
    int n = s.length();
    if (n % 4 == 1) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 128 || B64[c] < 0) {
        return false;
      }
    }
    if (n % 4 == 2) {
      return (B64[s.charAt(n - 1)] & 0x0F) == 0;
    }
    if (n % 4 == 3) {
      return (B64[s.charAt(n - 1)] & 0x03) == 0;
    }
    return true;
  }
}
