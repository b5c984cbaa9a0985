package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.core.ident.IdentifierType;
import io.github.govdx.core.mask.MaskingPolicy;
import io.github.govdx.core.mask.PiiKind;
import org.junit.jupiter.api.Test;

class PersonalDataScannerTest {

  @Test
  void scan_findsValidIdentifiersOnly() {
    SyntheticPeople.Person p = SyntheticPeople.generate(3, 1).get(0);
    String text = "来电人 " + p.idNumber() + "，电话" + p.mobile() + "；工单 GD2026112400017";
    assertThat(PersonalDataScanner.scan(text))
        .extracting(PersonalDataScanner.Finding::type)
        .containsExactly(IdentifierType.CITIZEN_ID, IdentifierType.MOBILE_PHONE);
    // the standard's worked example (GB 11643-1999) is found; a wrong check digit is not
    assertThat(PersonalDataScanner.containsPersonalData("x 11010519491231002X y")).isTrue();
    assertThat(PersonalDataScanner.containsPersonalData("x 110105194912310021 y")).isFalse();
    assertThat(PersonalDataScanner.containsPersonalData("batch b-20261124-000231, 12345678901"))
        .isFalse();
    // digit runs inside hex digests and ids are not identifiers
    assertThat(
            PersonalDataScanner.containsPersonalData(
                "SM3 a13912345678b0f1, id c11010519491231002Xd"))
        .isFalse();
    assertThat(PersonalDataScanner.containsPersonalData("电话13912345678。")).isTrue();
  }

  @Test
  void scan_maskedValuesAreClean() {
    MaskingPolicy mask = MaskingPolicy.defaultPolicy();
    for (SyntheticPeople.Person p : SyntheticPeople.generate(11, 50)) {
      String masked =
          mask.mask(PiiKind.ID_NUMBER, p.idNumber()) + " " + mask.mask(PiiKind.PHONE, p.mobile());
      assertThat(PersonalDataScanner.scan(masked)).isEmpty();
      assertThat(PersonalDataScanner.scan(p.idNumber() + " " + p.mobile())).hasSize(2);
    }
  }
}
