package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpringErrorCodeTest {

  @Test
  void codes_uniqueInTheStarterRange_andListedInErrorsMd() throws Exception {
    String errors = Files.readString(Path.of("..", "docs", "errors.md"));
    assertThat(Arrays.stream(SpringErrorCode.values()).map(SpringErrorCode::code))
        .doesNotHaveDuplicates()
        .allMatch(c -> c.matches("GDX-60\\d\\d"));
    for (SpringErrorCode c : SpringErrorCode.values()) {
      assertThat(errors).contains("| " + c.code() + " | `" + c.name() + "` |");
    }
  }
}
