package io.github.govdx.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CryptoErrorCodeTest {

  @Test
  void codes_areUniqueWellFormedAndInTheCryptoRange() {
    Set<String> seen = new HashSet<>();
    for (CryptoErrorCode c : CryptoErrorCode.values()) {
      assertThat(c.code()).matches("GDX-2\\d{3}");
      assertThat(c.title()).isNotBlank();
      assertThat(seen.add(c.code())).as("duplicate %s", c.code()).isTrue();
    }
  }

  @Test
  void exception_messageStartsWithCode_onlyCacheFullIsRetryable() {
    for (CryptoErrorCode c : CryptoErrorCode.values()) {
      EnvelopeException e = new EnvelopeException(c, "x");
      assertThat(e).hasMessage(c.code() + ": x");
      assertThat(e.cryptoErrorCode()).isSameAs(c);
      assertThat(e.retryable()).isEqualTo(c == CryptoErrorCode.REPLAY_CACHE_FULL);
    }
  }
}
