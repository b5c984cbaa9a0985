package io.github.govdx.core.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.GovdxException;
import io.github.govdx.core.codes.CodeEntry;
import io.github.govdx.core.codes.CodeTableRegistry;
import java.util.stream.Collectors;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingPolicyTest {

  /** Expected values follow the rules in masking-rules.csv (docs/identifiers.md), worked out by hand. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "L1|NAME|段正淳|段**",
        "L1|ID_NUMBER|11010519491231002X|110105********002X",
        "L1|PHONE|18049531999|180****1999",
        "L1|EMAIL|duanzhengchun@gmail.com.cn|dua**********@gmail.com.cn",
        "L1|BANK_CARD|6222 0212 3456 7893|6222 02** **** 7893",
        "L2|ADDRESS|北京市海淀区马连洼街道289号|北京市海淀区*********",
        "L2|BANK_CARD|6222021234567893256|6222 **** **** ***3 256",
        "L2|EMAIL|d@example.org|*@example.org",
        "L3|NAME|欧阳娜娜|欧***",
        "L3|ID_NUMBER|11010519491231002X|1***************2X",
        "L3|PHONE|13800138000|138******00",
        "L3|ADDRESS|北京市海淀区马连洼街道289号|北京市************",
        "L3|BANK_CARD|6222-0212-3456-7893|**** **** **** 7893",
        "general|PHONE|13800138000|138******00",
        "L4|NAME|段正淳|******",
        "L4|ID_NUMBER|11010519491231002X|******",
        "important|EMAIL|a@b.cn|******",
        "core|BANK_CARD|6222021234567893|******",
      })
  void mask_perLevel(String level, PiiKind kind, String value, String expected) {
    assertThat(MaskingPolicy.forLevel(level).mask(kind, value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NAME|李|*",
        "ID_NUMBER|12345|*****",
        "PHONE|110|***",
        "EMAIL|not-an-email|************",
        "EMAIL|@x.cn|*****",
        "EMAIL|abc@|****",
        "BANK_CARD|6222/0212|*********",
        "NAME|𠀀𠀁|𠀀*",
      })
  void mask_oddInput_masksConservativelyWithoutThrowing(
      PiiKind kind, String value, String expected) {
    assertThat(MaskingPolicy.forLevel("L1").mask(kind, value)).isEqualTo(expected);
  }

  @Test
  void mask_emptyStaysEmpty_neverThrowsOnAnyLevelOrKind() {
    String[] odd = {"", " ", "\u0000", "@", "@@@", "-", "----", "a".repeat(10_000), "\uD800"};
    for (String level : MaskingPolicy.knownLevels()) {
      for (PiiKind kind : PiiKind.values()) {
        for (String s : odd) {
          String masked = MaskingPolicy.forLevel(level).mask(kind, s);
          if (s.length() > 1 && !s.equals("----")) {
            assertThat(masked).as(level + " " + kind + " " + s).isNotEqualTo(s);
          }
        }
      }
    }
    assertThat(MaskingPolicy.defaultPolicy().mask(PiiKind.NAME, "")).isEmpty();
  }

  @Test
  void knownLevels_coverEveryCodeOfTheSecurityLevelTable() {
    assertThat(MaskingPolicy.knownLevels())
        .containsExactlyInAnyOrderElementsOf(
            CodeTableRegistry.defaultRegistry().require("GOVDX-SECURITY-LEVEL").entries().stream()
                .map(CodeEntry::code)
                .collect(Collectors.toList()));
  }

  @Test
  void higherLevels_neverKeepMore() {
    String[] order = {"L1", "L2", "L3", "L4"};
    for (PiiKind kind : PiiKind.values()) {
      for (int i = 1; i < order.length; i++) {
        MaskRule lo = MaskingPolicy.forLevel(order[i - 1]).rule(kind);
        MaskRule hi = MaskingPolicy.forLevel(order[i]).rule(kind);
        assertThat(hi.keepFirst() + hi.keepLast())
            .as(kind + " " + order[i])
            .isLessThanOrEqualTo(lo.keepFirst() + lo.keepLast());
      }
    }
  }

  @Test
  void defaultPolicy_isL3_andUnknownLevelIsGdx1502() {
    assertThat(MaskingPolicy.defaultPolicy()).isEqualTo(MaskingPolicy.forLevel("L3"));
    assertThatThrownBy(() -> MaskingPolicy.forLevel("L9"))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-1502: ");
  }

  @Test
  void builder_startsRedactedAndOverrides() {
    MaskingPolicy p =
        MaskingPolicy.builder("custom").rule(PiiKind.PHONE, MaskRule.keep(0, 4)).build();
    assertThat(p.mask(PiiKind.PHONE, "13800138000")).isEqualTo("*******8000");
    assertThat(p.mask(PiiKind.NAME, "段正淳")).isEqualTo("******");
    assertThat(p.toBuilder().build()).isEqualTo(p);
    assertThatThrownBy(() -> MaskRule.keep(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalsContracts() {
    EqualsVerifier.forClass(MaskRule.class).verify();
    EqualsVerifier.forClass(MaskingPolicy.class).withNonnullFields("level", "rules").verify();
  }
}
