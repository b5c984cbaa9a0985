package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TestkitErrorCodeTest {

  @Test
  void codes_uniqueAndInTheTestkitRange() {
    assertThat(Arrays.stream(TestkitErrorCode.values()).map(TestkitErrorCode::code))
        .doesNotHaveDuplicates()
        .allMatch(c -> c.matches("GDX-4[0-9]{3}"));
    assertThat(Arrays.stream(TestkitErrorCode.values()).map(TestkitErrorCode::title))
        .allMatch(t -> !t.isBlank());
  }
}
