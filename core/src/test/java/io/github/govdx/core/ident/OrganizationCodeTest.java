package io.github.govdx.core.ident;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.core.CoreErrorCode;
import java.util.Random;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganizationCodeTest {

  private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** GB 11714-1997 worked example (STANDARDS.md §4.2). */
  @Test
  void parse_standardExample_withAndWithoutHyphen() {
    assertThat(OrganizationCode.parse("D2143569-X").code()).isEqualTo("D2143569X");
    assertThat(OrganizationCode.parse("D2143569X").displayForm()).isEqualTo("D2143569-X");
    assertThat(IdentifierType.ORGANIZATION_CODE.check("M000100Y4").isValid()).isTrue();
  }

  /**
   * MOD 11 detects every change between characters whose values differ by other than a multiple of 11; digit
   * for digit changes therefore always fail, as do changes to the check character and to non-allowed characters.
   */
  @Test
  void check_generatedCodes_allValid_andDetectableChangesFail() {
    Random rnd = new Random(11714);
    for (int n = 0; n < 500; n++) {
      String code = Generators.orgCode(rnd, ALNUM);
      assertThat(OrganizationCode.check(code).isValid()).as(code).isTrue();
      for (int i = 0; i < 9; i++) {
        for (char c : (ALNUM + "-a*").toCharArray()) {
          char old = code.charAt(i);
          if (c == old) {
            continue;
          }
          String changed = code.substring(0, i) + c + code.substring(i + 1);
          boolean undetectable = i < 8 && Math.abs(val(c) - val(old)) % 11 == 0 && val(c) >= 0;
          if (!undetectable) {
            assertThat(OrganizationCode.check(changed).isValid()).as(changed).isFalse();
          }
        }
      }
    }
  }

  private static int val(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -100;
  }

  @Test
  void check_reservedPdyRange_failsEvenWithCorrectCheck() {
    String body = "PDY00001";
    CheckResult r = OrganizationCode.check(body + Generators.gb11714Check(body));
    assertThat(r.errorCode()).contains(CoreErrorCode.IDENT_RESERVED_RANGE);
    assertThat(r.rule()).isEqualTo("reserved-range");
    String outside = "PDYA0001";
    assertThat(OrganizationCode.check(outside + Generators.gb11714Check(outside)).isValid())
        .isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "'',GDX-1114",
    "D2143569,GDX-1101",
    "D2143569--X,GDX-1101",
    "D214356-9X,GDX-1101",
    "d2143569-X,GDX-1102",
    "D2143569-Y,GDX-1102",
    "D2143569-1,GDX-1106",
  })
  void check_badInput_code(String value, String code) {
    assertThat(OrganizationCode.check(value).errorCode().map(CoreErrorCode::code)).contains(code);
  }

  @Test
  void equalsContract() {
    EqualsVerifier.forClass(OrganizationCode.class).withNonnullFields("code").verify();
  }
}
