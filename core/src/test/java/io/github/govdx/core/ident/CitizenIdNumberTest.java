package io.github.govdx.core.ident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.codes.CodeEntry;
import io.github.govdx.core.codes.CodeTableRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CitizenIdNumberTest {

  private static final List<String> COUNTIES =
      CodeTableRegistry.defaultRegistry().require("GB/T 2260").entries().stream()
          .map(CodeEntry::code)
          .collect(Collectors.toList());

  /** GB 11643-1999 Annex A/B worked examples (STANDARDS.md §4.1). */
  @Test
  void parse_standardExamples_validWithViews() {
    CitizenIdNumber a = CitizenIdNumber.parse("11010519491231002X");
    assertThat(a.sex()).isEqualTo(CitizenIdNumber.Sex.FEMALE);
    assertThat(a.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(a.addressCode()).isEqualTo("110105");
    assertThat(a.region().map(CodeEntry::nameZh)).contains("朝阳区");
    assertThat(a.province().map(CodeEntry::nameZh)).contains("北京市");
    CitizenIdNumber b = CitizenIdNumber.parse("440524188001010014");
    assertThat(b.sex()).isEqualTo(CitizenIdNumber.Sex.MALE);
    assertThat(b.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
    assertThat(b.province().map(CodeEntry::nameZh)).contains("广东省");
    assertThat(IdentifierType.CITIZEN_ID.check("440524188001010014").isValid()).isTrue();
  }

  @Test
  void toEighteen_legacy15_insertsCenturyAndCheck() {
    CitizenIdNumber legacy = CitizenIdNumber.parse("110105491231002");
    assertThat(legacy.isLegacy()).isTrue();
    assertThat(legacy.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(legacy.sex()).isEqualTo(CitizenIdNumber.Sex.FEMALE);
    assertThat(legacy.toEighteen().value()).isEqualTo("11010519491231002X");
    CitizenIdNumber eighteen = legacy.toEighteen();
    assertThat(eighteen.toEighteen()).isSameAs(eighteen);
  }

  /** 110103 崇文区 was withdrawn in 2010; numbers issued there stay valid. */
  @Test
  void check_withdrawnAddressCode_validButRegionUnknown() {
    String body = "11010319800101001";
    CitizenIdNumber id = CitizenIdNumber.parse(body + Generators.gb11643Check(body));
    assertThat(CodeTableRegistry.defaultRegistry().require("GB/T 2260").contains("110103"))
        .isFalse();
    assertThat(id.region()).isEmpty();
    assertThat(id.province().map(CodeEntry::nameZh)).contains("北京市");
  }

  @Test
  void check_generatedNumbers_allValid_andEverySingleCharacterChangeFails() {
    Random rnd = new Random(11643);
    String alphabet = "0123456789X";
    for (int n = 0; n < 300; n++) {
      String id = Generators.citizenId(rnd, COUNTIES);
      assertThat(CitizenIdNumber.check(id).isValid()).as(id).isTrue();
      for (int i = 0; i < 18; i++) {
        for (char c : alphabet.toCharArray()) {
          if (c == id.charAt(i)) {
            continue;
          }
          String changed = id.substring(0, i) + c + id.substring(i + 1);
          assertThat(CitizenIdNumber.check(changed).isValid()).as(changed).isFalse();
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "'',GDX-1114,empty",
    "'  ',GDX-1114,empty",
    "1101051949123100,GDX-1101,length",
    "11010519491231002XX,GDX-1101,length",
    "11010519491231002x,GDX-1102,charset",
    "1101051949123100X2,GDX-1102,charset",
    "11010519491231 02X,GDX-1102,charset",
    "99010519491231002X,GDX-1105,province",
    "110105194902300025,GDX-1103,birth-date",
    "110105179912310024,GDX-1103,birth-date",
    "11010519491231002Y,GDX-1102,charset",
    "110105194912310021,GDX-1106,check-digit",
    "110105491331002,GDX-1103,birth-date",
  })
  void check_badInput_namesRuleAndCode(String value, String code, String rule) {
    CheckResult r = CitizenIdNumber.check(value);
    assertThat(r.isValid()).isFalse();
    assertThat(r.errorCode().map(CoreErrorCode::code)).contains(code);
    assertThat(r.rule()).isEqualTo(rule);
    if (!value.isBlank()) {
      assertThat(r.reason()).doesNotContain(value);
    }
    assertThatThrownBy(() -> CitizenIdNumber.parse(value))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith(code + ": " + rule)
        .hasMessageNotContaining(value.isBlank() ? "\u0000" : value);
  }

  @Test
  void check_futureBirthDate_judgedByClockInChina() {
    String body = "11010520260102001";
    String id = body + Generators.gb11643Check(body);
    Clock before =
        Clock.fixed(Instant.parse("2026-01-01T15:59:00Z"), ZoneOffset.UTC); // 23:59 in Beijing
    Clock after =
        Clock.fixed(Instant.parse("2026-01-01T16:00:00Z"), ZoneOffset.UTC); // 00:00 on the 2nd
    assertThat(CitizenIdNumber.check(id, before).errorCode())
        .contains(CoreErrorCode.IDENT_BIRTH_DATE_FUTURE);
    assertThat(CitizenIdNumber.check(id, after).isValid()).isTrue();
  }

  @Test
  void province83_taiwanResidencePermit_known() {
    String body = "83000019900101002";
    assertThat(CitizenIdNumber.check(body + Generators.gb11643Check(body)).isValid()).isTrue();
  }

  @Test
  void toString_isMasked_equalsContract() {
    assertThat(CitizenIdNumber.parse("11010519491231002X").toString())
        .doesNotContain("11010519491231002X")
        .contains("*");
    EqualsVerifier.forClass(CitizenIdNumber.class)
        .withIgnoredFields("birthDate")
        .withNonnullFields("value", "birthDate")
        .verify();
  }
}
