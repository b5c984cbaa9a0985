package io.github.govdx.core.validate;

import io.github.govdx.core.element.DataType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test doubles for code tables and identifier checks, and a sample schema. */
final class Fixtures {

  private Fixtures() {}

  /** GB/T 2261.1 (4 codes, GB/T 2261.1-2003) and two editions of a tiny GB/T 2260 slice. */
  static final CodeTableLookup TABLES =
      (table, edition) -> {
        Map<String, Set<String>> editions;
        switch (table) {
          case "GB/T 2261.1":
            return Optional.of(Set.of("0", "1", "2", "9")::contains);
          case "GB/T 2260":
            // 110105 exists in both; 320583 (昆山市) is invented as "withdrawn" in the 2023 double.
            editions =
                Map.of(
                    "",
                    Set.of("110105", "320583"),
                    "2020-12",
                    Set.of("110105", "320583"),
                    "2023",
                    Set.of("110105"));
            return Optional.ofNullable(editions.get(edition)).map(s -> s::contains);
          default:
            return Optional.empty();
        }
      };

  /** A double that fails a value containing "0000" on rule "checkDigit". */
  static final IdentifierLookup IDS =
      key ->
          Optional.of(
              value ->
                  value.contains("0000")
                      ? IdentifierVerdict.invalid("checkDigit", "check character does not match")
                      : IdentifierVerdict.ok());

  static ResourceSchema person() {
    return ResourceSchema.builder("人口基本信息")
        .id("110001/000001")
        .field(
            FieldSpec.value("gmsfhm", "公民身份号码", DataType.CHARACTER)
                .format("c18")
                .identifier("gb11643")
                .required()
                .build())
        .field(FieldSpec.value("xm", "姓名", DataType.CHARACTER).format("a..30").required().build())
        .field(
            FieldSpec.value("xb", "性别", DataType.CHARACTER)
                .format("n1")
                .codeTable("GB/T 2261.1")
                .build())
        .field(FieldSpec.value("csrq", "出生日期", DataType.DATE).format("YYYYMMDD").build())
        .field(FieldSpec.value("je", "金额", DataType.NUMBER).format("n..16,2").build())
        .field(
            FieldSpec.object("dz", "地址")
                .field(
                    FieldSpec.value("qh", "行政区划代码", DataType.CHARACTER)
                        .format("n6")
                        .codeTable("GB/T 2260", "2020-12")
                        .required()
                        .build())
                .build())
        .field(
            FieldSpec.array(
                    "lxfs",
                    "联系方式",
                    FieldSpec.object("", "联系方式条目")
                        .field(
                            FieldSpec.value("dh", "联系电话", DataType.CHARACTER)
                                .format("an..18")
                                .build())
                        .build())
                .size(0, 3)
                .build())
        .build();
  }

  static RecordValidator validator(ResourceSchema s) {
    return RecordValidator.builder(s).codeTables(TABLES).identifiers(IDS).build();
  }
}
