package io.github.govdx.core.ident;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.core.codes.CodeEntry;
import io.github.govdx.core.codes.CodeTable;
import io.github.govdx.core.codes.CodeTableRegistry;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The compact identifier facts are exactly the built-in code tables' values (they must change together). */
class CompactCodesTest {

  private static final CodeTableRegistry TABLES = CodeTableRegistry.defaultRegistry();

  private static Set<String> codes(CodeTable t) {
    return t.entries().stream().map(CodeEntry::code).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> split(String compact) {
    return new TreeSet<>(Arrays.asList(compact.split(" ")));
  }

  @Test
  void departments_areGb32100Table1() {
    Set<String> compact = new TreeSet<>();
    for (char c : CompactCodes.DEPARTMENTS.toCharArray()) {
      compact.add(String.valueOf(c));
    }
    assertThat(compact).isEqualTo(codes(TABLES.require("GB 32100-DEPT")));
  }

  @Test
  void categories_areGb32100Table2() {
    assertThat(split(CompactCodes.CATEGORIES))
        .isEqualTo(codes(TABLES.require("GB 32100-CATEGORY")));
  }

  @Test
  void provinces_areEveryBuiltInGbt2260EditionsProvinces_plus83() {
    Set<String> fromTables = new TreeSet<>();
    for (String edition : TABLES.editions(Regions.TABLE)) {
      for (CodeEntry e : TABLES.require(Regions.TABLE, edition).entries()) {
        if (e.code().length() == 6 && e.code().endsWith("0000")) {
          fromTables.add(e.code().substring(0, 2));
        }
      }
    }
    fromTables.add("83");
    assertThat(split(CompactCodes.PROVINCES)).isEqualTo(fromTables);
  }

  @Test
  void lookups_acceptExactlyTheListedCodes() {
    boolean[] provinces = CompactCodes.provinces();
    for (int i = 0; i < 100; i++) {
      String two = String.format("%02d", i);
      assertThat(Regions.knownProvince(two))
          .as(two)
          .isEqualTo(provinces[i])
          .isEqualTo(split(CompactCodes.PROVINCES).contains(two));
    }
  }
}
