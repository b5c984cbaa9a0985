package io.github.govdx.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.ClientErrorCode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sandbox keeps its own list of the protocol's wire codes (it implements {@code docs/protocol.md} §14
 * independently of the client, so a client bug cannot hide behind shared code). This pins the two lists to
 * each other: every code the sandbox can answer is one the client knows, with the same HTTP status.
 */
class WireCodeTest {

  @Test
  void everySandboxCode_isAClientCode_withTheSameStatus() {
    for (WireCode w : WireCode.values()) {
      ClientErrorCode c =
          ClientErrorCode.of(w.code())
              .orElseThrow(() -> new AssertionError(w + " is not a ClientErrorCode"));
      assertThat(c.httpStatus()).as("%s vs %s", w, c).isEqualTo(w.status());
      assertThat(w.source()).isIn("platform", "gateway", "provider");
    }
  }

  @Test
  void theSandboxAnswersWithEveryPlatformAndGatewayCode() {
    Set<String> sandbox =
        Arrays.stream(WireCode.values()).map(WireCode::code).collect(Collectors.toSet());
    Set<String> platformAndGateway =
        Arrays.stream(ClientErrorCode.values())
            .map(ClientErrorCode::code)
            .filter(
                code ->
                    code.startsWith("GDX-30")
                        || code.startsWith("GDX-31")
                        || code.startsWith("GDX-32"))
            .collect(Collectors.toSet());
    assertThat(sandbox).containsAll(platformAndGateway);
  }
}
