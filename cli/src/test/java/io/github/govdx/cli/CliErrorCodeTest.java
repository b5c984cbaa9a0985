package io.github.govdx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.core.GovdxException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CliErrorCodeTest {

  @Test
  void codes_areUniqueWellFormedAndInTheCliRange() {
    Set<String> seen = new HashSet<>();
    for (CliErrorCode c : CliErrorCode.values()) {
      assertThat(c.code()).matches("GDX-5\\d{3}");
      assertThat(c.title()).isNotBlank();
      assertThat(seen.add(c.code())).as("duplicate %s", c.code()).isTrue();
    }
    assertThat(seen).hasSize(CliErrorCode.values().length);
  }

  @Test
  void exception_messageStartsWithCliCode() {
    GovdxException e = new GovdxException(CliErrorCode.FILE_UNREADABLE, "--in x: no such file");
    assertThat(e).hasMessage("GDX-5002: --in x: no such file");
    assertThat(e.code()).isEqualTo("GDX-5002");
  }
}
