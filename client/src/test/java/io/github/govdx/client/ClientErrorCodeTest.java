package io.github.govdx.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ClientErrorCodeTest {

  @Test
  void codes_areUniqueWellFormedAndInTheClientRange() {
    Set<String> seen = new HashSet<>();
    for (ClientErrorCode c : ClientErrorCode.values()) {
      assertThat(c.code()).matches("GDX-3\\d{3}");
      assertThat(c.title()).isNotBlank();
      assertThat(seen.add(c.code())).as("duplicate %s", c.code()).isTrue();
      assertThat(ClientErrorCode.of(c.code())).contains(c);
    }
    assertThat(ClientErrorCode.of("GDX-3999")).isEmpty();
  }

  @Test
  void codes_rangeMatchesWhetherTheyTravelOnTheWire() {
    for (ClientErrorCode c : ClientErrorCode.values()) {
      if (c.code().startsWith("GDX-34")) {
        assertThat(c.httpStatus()).as(c.name()).isZero();
      } else {
        assertThat(c.httpStatus()).as(c.name()).isBetween(400, 599);
      }
    }
  }

  /** Every code of the enum is in docs/protocol.md section 14 with the same name, status and retry flag. */
  @Test
  void codes_agreeWithTheProtocolDocument() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "protocol.md"), StandardCharsets.UTF_8);
    Pattern wire =
        Pattern.compile(
            "^\\| (GDX-3\\d{3}) \\| `([A-Z_]+)` \\| (\\d{3}) \\| [^|]+ \\| (yes|no) \\|",
            Pattern.MULTILINE);
    Pattern local =
        Pattern.compile("^\\| (GDX-34\\d{2}) \\| `([A-Z_]+)` \\| (yes|no) \\|", Pattern.MULTILINE);
    Map<String, String> documented = new HashMap<>();
    Matcher m = wire.matcher(doc);
    while (m.find()) {
      documented.put(m.group(1), m.group(2) + "/" + m.group(3) + "/" + m.group(4));
    }
    m = local.matcher(doc);
    while (m.find()) {
      documented.put(m.group(1), m.group(2) + "/0/" + m.group(3));
    }
    assertThat(documented).hasSize(ClientErrorCode.values().length);
    for (ClientErrorCode c : ClientErrorCode.values()) {
      assertThat(documented.get(c.code()))
          .as(c.code())
          .isEqualTo(c.name() + "/" + c.httpStatus() + "/" + (c.retryable() ? "yes" : "no"));
    }
  }
}
