package io.github.govdx.client.auth;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Coverage-guided fuzzing of the gateway verifier {@link GovdxHmacVerifier#verify}: arbitrary methods, raw paths,
 * queries, headers (repeated ones too) and bodies. Each input is an HTTP-like text ({@code METHOD PATH[?QUERY]},
 * then {@code Name: value} lines, an empty line, the body). Contract: {@code verify} never throws for a request
 * (only for {@code null} arguments) and returns a result whose reason is {@code OK} exactly when it is valid, with
 * the key id of a valid request. The committed corpus holds a request signed by the key {@code dept-42} at the
 * verifier's fixed clock (valid once, then a replayed nonce) and variants of it; corpus in
 * {@code src/test/resources/io/github/govdx/client/auth/GovdxHmacVerifierJazzerTestInputs/}.
 */
class GovdxHmacVerifierJazzerTest {

  /** The instant the corpus's signed request was made at (GovdxHmacAuthenticatorTest.CLOCK). */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-11-24T12:00:00Z"), ZoneOffset.UTC);

  private static final GatewaySecret SECRET = GatewaySecret.ofUtf8("test-secret".toCharArray());

  private static final GovdxHmacVerifier VERIFIER =
      GovdxHmacVerifier.builder()
          .clock(CLOCK)
          .nonceCacheSize(10_000)
          .keyLookup(id -> "dept-42".equals(id) ? Optional.of(SECRET) : Optional.empty())
          .build();

  @FuzzTest
  void verify(byte[] input) {
    int split = indexOfBlankLine(input);
    String head = new String(input, 0, split < 0 ? input.length : split, StandardCharsets.UTF_8);
    byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(input, split + 2, input.length);
    String[] lines = head.split("\n", -1);
    String[] requestLine = lines[0].split(" ", 2);
    String target = requestLine.length > 1 ? requestLine[1] : "";
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? null : target.substring(q + 1);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(lines[i].substring(0, colon), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).strip());
      }
    }

    GovdxHmacVerification result = VERIFIER.verify(requestLine[0], path, query, headers, body);

    if (result.isValid() != (result.reason() == GovdxHmacVerification.Reason.OK)) {
      throw new AssertionError("valid and reason disagree: " + result);
    }
    if (result.isValid() && !result.keyId().equals(Optional.of("dept-42"))) {
      throw new AssertionError("a valid request without its key id: " + result);
    }
    result.toString();
  }

  private static int indexOfBlankLine(byte[] data) {
    for (int i = 0; i + 1 < data.length; i++) {
      if (data[i] == '\n' && data[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
