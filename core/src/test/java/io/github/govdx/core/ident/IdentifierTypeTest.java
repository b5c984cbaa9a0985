package io.github.govdx.core.ident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierTypeTest {

  @Test
  void fromKey_everyKeyRoundTrips() {
    assertThat(IdentifierType.fromKey("gb11643")).contains(IdentifierType.CITIZEN_ID);
    assertThat(IdentifierType.fromKey("gb32100"))
        .contains(IdentifierType.UNIFIED_SOCIAL_CREDIT_CODE);
    assertThat(IdentifierType.fromKey("gb11714")).contains(IdentifierType.ORGANIZATION_CODE);
    assertThat(IdentifierType.fromKey("mobile")).contains(IdentifierType.MOBILE_PHONE);
    assertThat(IdentifierType.fromKey("postal")).contains(IdentifierType.POSTAL_CODE);
    assertThat(IdentifierType.fromKey("GB11643")).isEmpty();
    for (IdentifierType t : IdentifierType.values()) {
      assertThat(IdentifierType.fromKey(t.key())).contains(t);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "13800138000,",
    "+8619912345678,",
    "16612345678,",
    "'',GDX-1114",
    "1380013800,GDX-1101",
    "+85213800138000,GDX-1101",
    "1380013800a,GDX-1102",
    "12800138000,GDX-1111",
    "23800138000,GDX-1111",
  })
  void mobile_cases(String value, String code) {
    CheckResult r = IdentifierType.MOBILE_PHONE.check(value);
    assertThat(r.errorCode().map(CoreErrorCode::code).orElse(null)).isEqualTo(code);
  }

  @ParameterizedTest
  @CsvSource({
    "100020,",
    "010010,",
    "850000,",
    "'',GDX-1114",
    "10002,GDX-1101",
    "10002A,GDX-1102",
    "999077,GDX-1112",
    "001000,GDX-1112",
  })
  void postal_cases(String value, String code) {
    CheckResult r = IdentifierType.POSTAL_CODE.check(value);
    assertThat(r.errorCode().map(CoreErrorCode::code).orElse(null)).isEqualTo(code);
  }

  @Test
  void check_neverThrowsOnOddInput() {
    String[] odd = {
      "\u0000", "𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀", "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "-".repeat(10_000), "\n", "X"
    };
    for (IdentifierType t : IdentifierType.values()) {
      for (String s : odd) {
        assertThat(t.check(s).isValid()).isFalse();
      }
    }
  }

  @Test
  void checkResult_equalsContractAndOrThrow() {
    EqualsVerifier.forClass(CheckResult.class).withNonnullFields("rule", "reason").verify();
    CheckResult bad = CheckResult.invalid(CoreErrorCode.IDENT_LENGTH, "length", "too short");
    assertThatThrownBy(bad::orThrow)
        .isInstanceOf(GovdxException.class)
        .hasMessage("GDX-1101: length: too short");
    CheckResult.valid().orThrow();
    assertThat(CheckResult.valid().rule()).isEmpty();
    assertThat(CheckResult.valid().errorCode()).isEmpty();
  }
}
