package io.github.govdx.core.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.GovdxException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeTableRegistryTest {

  private final CodeTableRegistry registry = CodeTableRegistry.defaultRegistry();

  /** Row counts are the data rows of the reference CSVs (../shared/reference/codes, STANDARDS.md §3). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GB/T 2261.1|2003|4|2|女性|female",
        "GB/T 2261.2|2003|8|90|未说明的婚姻状况|not stated",
        "GB/T 3304|1991|56|25|水族|Sui",
        "GB/T 4658|2006|40|11|博士研究生毕业|",
        "GB/T 4761|2008|84|10|配偶|",
        "GA/T 517|2004|91|111|居民身份证|",
        "GB/T 2659|2000|250|CN|中国|China",
        "GB/T 4754|2017|117|A|农、林、牧、渔业|Agriculture, forestry, animal husbandry and fishery",
        "GB/T 2260|2020-12|3209|110105|朝阳区|",
        "GB/T 2260|2007|34|810000|香港特别行政区|Hongkong Tebiexingzhengqu",
        "GB 32100-DEPT|2015|12|9|工商|",
        "GB 32100-CATEGORY|2015|36|91|企业|",
        "GOVDX-SHARE-TYPE|2017|3|2|有条件共享|conditional sharing",
        "GOVDX-SHARE-METHOD-CATEGORY|2017|2|1|共享平台方式|via the sharing & exchange platform",
        "GOVDX-SHARE-METHOD-TYPE|2017|3|1|接口|service interface/API",
        "GOVDX-UPDATE-CYCLE|2017|7|4|每月|monthly",
        "GOVDX-OPEN-ATTRIBUTE|2017|2|0|否|not open",
        "GOVDX-RESOURCE-FORMAT-CATEGORY|2017|6|3|电子表格|spreadsheet",
        "GOVDX-ITEM-DATA-TYPE|2017|11|D|日期型|date",
        "GOVDX-SECURITY-LEVEL|2024|7|L4|敏感数据|sensitive",
      })
  void require_everyShippedTable_rowCountAndKnownEntry(
      String id, String edition, int rows, String code, String nameZh, String nameEn) {
    CodeTable t = registry.require(id, edition);
    assertThat(t.id()).isEqualTo(id);
    assertThat(t.edition()).isEqualTo(edition);
    assertThat(t.size()).isEqualTo(rows).isEqualTo(t.entries().size());
    assertThat(t.source()).isNotBlank();
    assertThat(t.licence()).isPresent();
    CodeEntry e = t.lookup(code).orElseThrow();
    assertThat(e.nameZh()).isEqualTo(nameZh);
    assertThat(e.nameEn().orElse(null)).isEqualTo(nameEn);
  }

  @Test
  void tableIds_containTheContractIds() {
    assertThat(registry.tableIds())
        .contains(
            "GB/T 2261.1",
            "GB/T 2261.2",
            "GB/T 3304",
            "GB/T 4658",
            "GB/T 4761",
            "GA/T 517",
            "GB/T 2659",
            "GB/T 4754",
            "GB/T 2260",
            "GB 32100-DEPT",
            "GB 32100-CATEGORY",
            "GOVDX-SHARE-TYPE",
            "GOVDX-UPDATE-CYCLE",
            "GOVDX-SECURITY-LEVEL");
  }

  @Test
  void gbt3304_sui_hasStandardRomanizationAndAlphaCode() {
    CodeEntry sui = registry.require("GB/T 3304").lookup("25").orElseThrow();
    assertThat(sui.nameEn()).contains("Sui");
    assertThat(sui.attribute("alpha2_code")).contains("SU");
  }

  @Test
  void gbt2260_chaoyang_parentIsBeijingBecauseCsvHasNo110100() {
    CodeTable t = registry.require("GB/T 2260");
    assertThat(t.edition()).isEqualTo("2020-12");
    assertThat(t.contains("110100")).isFalse();
    assertThat(t.parent("110105").map(CodeEntry::code)).contains("110000");
    assertThat(t.parent("110105").map(CodeEntry::nameZh)).contains("北京市");
    assertThat(t.children("110000"))
        .extracting(CodeEntry::code)
        .contains("110101", "110105")
        .hasSize(16);
    assertThat(t.parent("110000")).isEmpty();
  }

  @Test
  void gbt2260_prefectureHierarchy_countyToPrefectureToProvince() {
    CodeTable t = registry.require("GB/T 2260");
    assertThat(t.lookup("130102").orElseThrow().parent()).contains("130100");
    assertThat(t.lookup("130100").orElseThrow().nameZh()).isEqualTo("石家庄市");
    assertThat(t.parent("130100").map(CodeEntry::code)).contains("130000");
    assertThat(t.lookup("130102").orElseThrow().attribute("level")).contains("county");
    assertThat(t.lookup("130100").orElseThrow().attribute("level")).contains("prefecture");
  }

  @Test
  void gbt2260_provinceAdministeredCounty_parentIsProvince() {
    CodeTable t = registry.require("GB/T 2260");
    assertThat(t.lookup("429004").orElseThrow().nameZh()).isEqualTo("仙桃市");
    assertThat(t.contains("429000")).isFalse();
    assertThat(t.parent("429004").map(CodeEntry::code)).contains("420000");
  }

  @Test
  void gbt2260_everyNonProvinceHasParentOfLowerLevelDigits() {
    CodeTable t = registry.require("GB/T 2260");
    for (CodeEntry e : t.entries()) {
      if (e.code().endsWith("0000")) {
        assertThat(e.parent()).isEmpty();
      } else {
        String p = e.parent().orElseThrow();
        assertThat(p.substring(0, 2)).isEqualTo(e.code().substring(0, 2));
        assertThat(t.contains(p)).isTrue();
      }
    }
    assertThat(t.entries().stream().filter(e -> e.parent().isEmpty()).count()).isEqualTo(34);
  }

  @Test
  void editions_gbt2260_oldestFirstAndFindPicksNewest() {
    assertThat(registry.editions("GB/T 2260")).containsExactly("2007", "2020-12");
    assertThat(
            registry
                .require("GB/T 2260", "2007")
                .lookup("110000")
                .orElseThrow()
                .attribute("alpha_code"))
        .contains("BJ");
  }

  @Test
  void isValidIn_codeInOneEditionOnly() {
    assertThat(registry.isValidIn("GB/T 2260", "2020-12", "110105")).isTrue();
    assertThat(registry.isValidIn("GB/T 2260", "2007", "110105")).isFalse();
    assertThat(registry.isValidIn("GB/T 2260", "1999", "110000")).isFalse();
  }

  @Test
  void require_unknownTable_throwsGdx1002() {
    assertThatThrownBy(() -> registry.require("GB/T 9999"))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-1002: ")
        .hasMessageContaining("GB/T 9999");
    assertThat(registry.find("GB/T 9999")).isEmpty();
    assertThatThrownBy(() -> registry.require("GB/T 2260", "1980"))
        .hasMessageStartingWith("GDX-1002: ");
  }

  @Test
  void builder_addedNewerEdition_becomesNewestAndOlderStayReachable() {
    CodeTable newer =
        CodeTable.builder("GB/T 2260", "2023")
            .nameZh("行政区划代码 2023")
            .add(CodeEntry.of("110000", "北京市"))
            .build();
    CodeTableRegistry r = CodeTableRegistry.builder().addTable(newer).build();
    assertThat(r.require("GB/T 2260")).isSameAs(newer);
    assertThat(r.editions("GB/T 2260")).containsExactly("2007", "2020-12", "2023");
    assertThat(r.require("GB/T 2260", "2020-12").size()).isEqualTo(3209);
  }

  @Test
  void builder_firstSourceOfferingEditionAnswers() {
    CodeTable shadow =
        CodeTable.builder("GB/T 3304", "1991")
            .nameZh("民族（本地）")
            .add(CodeEntry.of("01", "汉族"))
            .build();
    CodeTableRegistry r =
        CodeTableRegistry.builder().addSource(CodeTableSource.of("local", List.of(shadow))).build();
    assertThat(r.require("GB/T 3304").size()).isEqualTo(1);
    assertThat(CodeTableRegistry.builder().withoutBuiltins().build().tableIds()).isEmpty();
  }

  @Test
  void compareEditions_numericRuns() {
    List<String> eds =
        new java.util.ArrayList<>(List.of("2020-12", "2007", "2024", "2020-2", "1999"));
    eds.sort(CodeTableRegistry::compareEditions);
    assertThat(eds).containsExactly("1999", "2007", "2020-2", "2020-12", "2024");
  }

  @Test
  void label_englishFallsBackToChinese() {
    CodeTable t = registry.require("GB/T 2260");
    assertThat(t.label("110105", Locale.CHINA)).contains("朝阳区");
    assertThat(t.label("110105", Locale.ENGLISH)).contains("朝阳区");
    assertThat(registry.require("GB/T 3304").label("25", Locale.ENGLISH)).contains("Sui");
    assertThat(registry.require("GB/T 3304").label("99", Locale.ENGLISH)).isEmpty();
  }

  @Test
  void search_chineseAndEnglishSubstring() {
    assertThat(registry.require("GB/T 2260").search("朝阳"))
        .extracting(CodeEntry::code)
        .contains("110105", "211300");
    assertThat(registry.require("GB/T 2659").search("korea"))
        .extracting(CodeEntry::code)
        .contains("KR", "KP");
    assertThat(registry.require("GB/T 2659").search("  ")).isEmpty();
  }

  /** Many threads racing for the first load of one table get one and the same instance. */
  @Test
  void builtinSource_concurrentFirstLoad_loadsOnce() throws Exception {
    BuiltinCodeTableSource fresh = new BuiltinCodeTableSource();
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<CodeTable>> results = new java.util.ArrayList<>();
      for (int i = 0; i < threads * 4; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return fresh.fetch("GB/T 2260", "2020-12").orElseThrow();
                }));
      }
      start.countDown();
      Set<CodeTable> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Future<CodeTable> f : results) {
        distinct.add(f.get(30, TimeUnit.SECONDS));
      }
      assertThat(distinct).hasSize(1);
      assertThat(distinct.iterator().next().size()).isEqualTo(3209);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void gb32100Category_keyedByDeptAndCategory() {
    CodeTable cat = registry.require("GB 32100-CATEGORY");
    Map<String, Long> perDept =
        cat.entries().stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.attribute("dept_code").orElseThrow(), Collectors.counting()));
    assertThat(perDept).containsEntry("9", 3L).containsEntry("5", 4L).containsEntry("Y", 1L);
    assertThat(cat.lookup("92").orElseThrow().nameZh()).isEqualTo("个体工商户");
    assertThat(perDept.keySet()).allMatch(d -> registry.require("GB 32100-DEPT").contains(d));
  }

  @Test
  void securityLevel_schemesInAttribute() {
    CodeTable t = registry.require("GOVDX-SECURITY-LEVEL");
    assertThat(
            t.entries().stream()
                .filter(e -> e.attribute("scheme").orElseThrow().startsWith("GB/T 43697")))
        .extracting(CodeEntry::code)
        .containsExactly("core", "important", "general");
    assertThat(
            t.entries().stream()
                .filter(e -> e.attribute("scheme").orElseThrow().startsWith("DB33/T")))
        .extracting(CodeEntry::code)
        .containsExactly("L4", "L3", "L2", "L1");
  }

  @Test
  void sourceOf_duplicateEdition_illegalArgument_andRegistryAnswersAreStable() {
    CodeTable a = CodeTable.builder("X", "1").nameZh("x").build();
    assertThatThrownBy(() -> CodeTableSource.of("dup", List.of(a, a)))
        .isInstanceOf(IllegalArgumentException.class);
    CodeTableRegistry r = CodeTableRegistry.builder().withoutBuiltins().addTable(a).build();
    assertThat(r.require("X")).isSameAs(r.require("X")).isSameAs(r.require("X", "1"));
    assertThat(r.find("Y")).isEmpty();
    assertThat(r.editions("Y")).isEmpty();
  }
}
