package io.github.govdx.core.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.GovdxException;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartyIdTest {

  @Test
  void parse_standardExampleWithSystem_splitsParts() {
    PartyId id = PartyId.parse("91350100M000100Y43/hotline");
    assertThat(id.creditCode()).isEqualTo("91350100M000100Y43");
    assertThat(id.system()).contains("hotline");
    assertThat(id.department()).isEqualTo(PartyId.parse("91350100M000100Y43"));
    assertThat(id.department().system()).isEmpty();
    assertThat(id).hasToString("91350100M000100Y43/hotline");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "91350100M000100Y4",
        "91350100M000100Y44",
        "91350100M000100I43",
        "91350100m000100Y43",
        "91350100M000100Y43/",
        "91350100M000100Y43/Hotline",
        "91350100M000100Y43/a/b",
        "91350100M000100Y43/-x",
        "91350100M000100Y43/abcdefghijabcdefghijabcdefghijabc"
      })
  void parse_invalid_throwsGdx1501(String text) {
    assertThatThrownBy(() -> PartyId.parse(text))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-1501: ");
    assertThat(PartyId.isValid(text)).isFalse();
  }

  @Test
  void everySingleCharacterChangeOfTheCreditCode_isRejected() {
    String good = "91350100M000100Y43";
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (int i = 0; i < good.length(); i++) {
      for (char c : alphabet.toCharArray()) {
        if (c == good.charAt(i)) {
          continue;
        }
        String bad = good.substring(0, i) + c + good.substring(i + 1);
        assertThat(PartyId.isValid(bad)).as(bad).isFalse();
      }
    }
  }

  @Test
  void equalsAndHashCode_followTheContract() {
    EqualsVerifier.forClass(PartyId.class).verify();
  }

  @Test
  void parse_creditCodeFailingAStructuralGb32100Rule_gdx1501NamingTheRule() {
    assertThatThrownBy(() -> PartyId.parse("11320500014160477H/hotline"))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-1501: ")
        .hasMessageContaining("embedded-org-code");
    assertThat(PartyId.parse("11320500014160478L/hotline").department().creditCode())
        .isEqualTo("11320500014160478L");
  }
}
