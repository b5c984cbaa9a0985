package io.github.govdx.core.ident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.codes.CodeEntry;
import io.github.govdx.core.codes.CodeTableRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnifiedSocialCreditCodeTest {

  private static final CodeTableRegistry REG = CodeTableRegistry.defaultRegistry();

  /** GB 32100-2015 Annex B worked example (STANDARDS.md §4.3). */
  @Test
  void parse_standardExample_validWithViews() {
    UnifiedSocialCreditCode c = UnifiedSocialCreditCode.parse("91350100M000100Y43");
    assertThat(c.registrationDepartment().nameZh()).isEqualTo("工商");
    assertThat(c.category().nameZh()).isEqualTo("企业");
    assertThat(c.regionCode()).isEqualTo("350100");
    assertThat(c.region().map(CodeEntry::nameZh)).contains("福州市");
    assertThat(c.organizationCode().displayForm()).isEqualTo("M000100Y-4");
    assertThat(IdentifierType.UNIFIED_SOCIAL_CREDIT_CODE.check("91350100M000100Y43").isValid())
        .isTrue();
  }

  @Test
  void check_generatedCodes_allValid_andEverySingleCharacterChangeFails() {
    List<String> pairs =
        REG.require("GB 32100-CATEGORY").entries().stream()
            .map(CodeEntry::code)
            .collect(Collectors.toList());
    List<String> regions =
        new ArrayList<>(
            REG.require("GB/T 2260").entries().stream()
                .map(CodeEntry::code)
                .collect(Collectors.toList()));
    regions.add("100000");
    Random rnd = new Random(32100);
    String alphabet = Generators.USCC_CHARS + "IOZSV";
    for (int n = 0; n < 300; n++) {
      String code = Generators.uscc(rnd, pairs, regions);
      assertThat(UnifiedSocialCreditCode.check(code).isValid()).as(code).isTrue();
      for (int i = 0; i < 18; i++) {
        for (char c : alphabet.toCharArray()) {
          if (c == code.charAt(i)) {
            continue;
          }
          String changed = code.substring(0, i) + c + code.substring(i + 1);
          assertThat(UnifiedSocialCreditCode.check(changed).isValid()).as(changed).isFalse();
        }
      }
    }
  }

  /** Each body is completed with a correct MOD 31 check so that the named structural rule is what fails. */
  @ParameterizedTest
  @CsvSource({
    "B1350100M000100Y4,GDX-1107,dept-code",
    "94350100M000100Y4,GDX-1108,category-code",
    "Y2350100M000100Y4,GDX-1108,category-code",
    "91990100M000100Y4,GDX-1113,region",
    "9135A100M000100Y4,GDX-1113,region",
    "91350100M000100Y5,GDX-1109,embedded-org-code",
  })
  void check_structuralRule_namesRuleAndCode(String body, String code, String rule) {
    String value = body + Generators.gb32100Check(body);
    CheckResult r = UnifiedSocialCreditCode.check(value);
    assertThat(r.errorCode().map(CoreErrorCode::code)).contains(code);
    assertThat(r.rule()).isEqualTo(rule);
    assertThat(r.reason()).doesNotContain(value);
    assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(value))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith(code + ": ");
  }

  @ParameterizedTest
  @CsvSource({
    "'',GDX-1114,empty",
    "91350100M000100Y4,GDX-1101,length",
    "91350100M000100I43,GDX-1102,charset",
    "91350100m000100Y43,GDX-1102,charset",
    "91350100M000100Y44,GDX-1106,check-digit",
  })
  void check_badInput_namesRuleAndCode(String value, String code, String rule) {
    CheckResult r = UnifiedSocialCreditCode.check(value);
    assertThat(r.errorCode().map(CoreErrorCode::code)).contains(code);
    assertThat(r.rule()).isEqualTo(rule);
  }

  /**
   * DESIGN.md §5's example 11320500014160477X (and protocol.md's ...477H / ...479P) pass MOD 31 but embed
   * 01416047-7 / -9, whose GB 11714 check character is 8; 11320500014160478L is the corrected form.
   */
  @Test
  void designExamples_embeddedOrgCodeCheckCharacterWrong() {
    for (String s : new String[] {"11320500014160477H", "11320500014160479P"}) {
      assertThat(UnifiedSocialCreditCode.check(s).errorCode())
          .contains(CoreErrorCode.IDENT_EMBEDDED_ORG_CODE);
    }
    assertThat(UnifiedSocialCreditCode.check("11320500014160477X").isValid()).isFalse();
    assertThat(UnifiedSocialCreditCode.check("11320500014160478L").isValid()).isTrue();
  }

  @Test
  void equalsContract() {
    EqualsVerifier.forClass(UnifiedSocialCreditCode.class).withNonnullFields("code").verify();
  }
}
