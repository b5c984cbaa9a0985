package io.github.govdx.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.catalog.CatalogProblem;
import io.github.govdx.core.element.DataElement;
import io.github.govdx.core.element.FormatMismatch;
import io.github.govdx.core.element.RepresentationFormat;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

  @Test
  void equalsAndHashCode_followTheContract() {
    EqualsVerifier.forClass(Violation.class).verify();
    EqualsVerifier.forClass(IdentifierVerdict.class).verify();
    EqualsVerifier.forClass(CatalogProblem.class).verify();
    EqualsVerifier.forClass(FormatMismatch.class).verify();
    EqualsVerifier.forClass(ValidationReport.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(DataElement.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(RepresentationFormat.class)
        .suppress(Warning.NULL_FIELDS, Warning.ALL_FIELDS_SHOULD_BE_USED)
        .withIgnoredFields("charClass", "minLength", "maxLength", "scale", "pattern", "dateFields")
        .verify();
  }

  @Test
  void toString_namesCodeAndPointer_butNoValues() {
    Violation v =
        new Violation(
            3,
            "/xb",
            "性别",
            "pattern",
            CoreErrorCode.RECORD_FORMAT_MISMATCH,
            "bad",
            "错",
            Severity.ERROR);
    assertThat(v.toString()).isEqualTo("#3 /xb [性别] GDX-1404 pattern: bad");
    assertThat(v.codeText()).isEqualTo("GDX-1404");
    assertThat(IdentifierVerdict.ok().valid()).isTrue();
    assertThat(IdentifierVerdict.invalid("r", "why").valid()).isFalse();
  }
}
