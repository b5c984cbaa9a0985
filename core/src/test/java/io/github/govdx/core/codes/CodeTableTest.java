package io.github.govdx.core.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;

class CodeTableTest {

  @Test
  void codeEntry_equalsContract() {
    EqualsVerifier.forClass(CodeEntry.class).suppress(Warning.NULL_FIELDS).verify();
  }

  @Test
  void codeTable_equalsContract() {
    EqualsVerifier.forClass(CodeTable.class)
        .suppress(Warning.NULL_FIELDS)
        .withIgnoredFields("byCode", "childrenByCode")
        .verify();
  }

  @Test
  void codeEntry_emptyOptionalPartsAreAbsentAndAttributesImmutable() {
    CodeEntry e = CodeEntry.of("1", "一", "", "", Map.of("a", "x", "b", ""));
    assertThat(e.nameEn()).isEmpty();
    assertThat(e.parent()).isEmpty();
    assertThat(e.attributes()).containsOnlyKeys("a");
    assertThatThrownBy(() -> e.attributes().put("c", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> CodeEntry.of("", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builder_missingNameOrDanglingParent_illegalState() {
    assertThatThrownBy(() -> CodeTable.builder("X", "1").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nameZh");
    assertThatThrownBy(
            () ->
                CodeTable.builder("X", "1")
                    .nameZh("x")
                    .add(CodeEntry.of("2", "二", null, "1", Map.of()))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("parent 1");
    assertThatThrownBy(
            () ->
                CodeTable.builder("X", "1").add(CodeEntry.of("1", "一")).add(CodeEntry.of("1", "一")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toBuilder_roundTripAndEntriesUnmodifiable() {
    CodeTable t =
        CodeTable.builder("X", "1")
            .nameZh("x")
            .nameEn("ex")
            .source("s")
            .licence("l")
            .add(CodeEntry.of("1", "一"))
            .add(CodeEntry.of("2", "二", "two", "1", Map.of()))
            .build();
    assertThat(t.toBuilder().build()).isEqualTo(t).hasSameHashCodeAs(t);
    assertThat(t.children("1")).extracting(CodeEntry::code).containsExactly("2");
    assertThat(t.children("2")).isEmpty();
    assertThat(t.search("TWO")).extracting(CodeEntry::code).containsExactly("2");
    List<CodeEntry> entries = t.entries();
    assertThatThrownBy(() -> entries.add(CodeEntry.of("3", "三")))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
