package io.github.govdx.core.element;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Generated inputs: the parser either parses or throws its typed exception, never anything else. */
class RepresentationFormatFuzzTest {

  private static final String ALPHABET = "anucANUCYMDhmsTt.,()0123456789 -:x";

  @Test
  void parse_randomText_onlyTypedErrors_andParsedFormatsRoundTrip() {
    Random random = new Random(20260229L);
    int parsed = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + random.nextInt(14);
      for (int k = 0; k < len; k++) {
        sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String text = sb.toString();
      try {
        RepresentationFormat f = RepresentationFormat.parse(text);
        parsed++;
        assertThat(RepresentationFormat.parse(f.text())).as(text).isEqualTo(f);
        f.check("20240229");
        f.check("");
      } catch (RepresentationFormatException e) {
        assertThat(e.position()).as(text).isBetween(0, text.length());
      }
    }
    assertThat(parsed).isPositive();
  }
}
