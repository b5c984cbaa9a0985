package io.github.govdx.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoreErrorCodeTest {

  @Test
  void codes_areUniqueWellFormedAndInTheCoreRange() {
    Set<String> seen = new HashSet<>();
    for (CoreErrorCode c : CoreErrorCode.values()) {
      assertThat(c.code()).matches("GDX-1\\d{3}");
      assertThat(c.title()).isNotBlank();
      assertThat(seen.add(c.code())).as("duplicate %s", c.code()).isTrue();
    }
    assertThat(seen).hasSize(CoreErrorCode.values().length);
  }

  @Test
  void exception_messageStartsWithCode_andCarriesFlags() {
    GovdxException e =
        new GovdxException(CoreErrorCode.PARTY_ID_INVALID, "bad", null, true, "req-1");
    assertThat(e).hasMessage("GDX-1501: bad");
    assertThat(e.code()).isEqualTo("GDX-1501");
    assertThat(e.errorCode()).isSameAs(CoreErrorCode.PARTY_ID_INVALID);
    assertThat(e.retryable()).isTrue();
    assertThat(e.requestId()).contains("req-1");
    assertThat(new GovdxException(CoreErrorCode.PARTY_ID_INVALID, "x").requestId()).isEmpty();
    assertThat(Arrays.stream(CoreErrorCode.values()).map(ErrorCode::code)).contains("GDX-1001");
  }
}
