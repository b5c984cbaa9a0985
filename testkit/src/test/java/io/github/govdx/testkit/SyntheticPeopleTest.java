package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticPeopleTest {

  @Test
  void idNumber_standardWorkedExamples() {
    // GB 11643-1999 Annex examples (reference/STANDARDS.md §4.1)
    assertThat(SyntheticPeople.idNumber("110105", LocalDate.of(1949, 12, 31), 2))
        .isEqualTo("11010519491231002X");
    assertThat(SyntheticPeople.idNumber("440524", LocalDate.of(1880, 1, 1), 1))
        .isEqualTo("440524188001010014");
  }

  @Test
  void generate_deterministic_sexMatchesSequenceParity_masksInToString() {
    List<SyntheticPeople.Person> a = SyntheticPeople.generate(7, 200);
    assertThat(SyntheticPeople.generate(7, 200)).isEqualTo(a);
    for (SyntheticPeople.Person p : a) {
      int seq = Integer.parseInt(p.idNumber().substring(14, 17));
      assertThat(seq % 2 == 1).isEqualTo("1".equals(p.sex()));
      assertThat(p.idNumber().substring(6, 14))
          .isEqualTo(p.birthDate().toString().replace("-", ""));
      assertThat(p.mobile()).matches("1[3-9][0-9]{9}");
      assertThat(p.toString())
          .doesNotContain(p.idNumber())
          .doesNotContain(p.mobile())
          .doesNotContain(p.name());
    }
    assertThatThrownBy(() -> SyntheticPeople.generate(1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
