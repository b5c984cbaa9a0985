package io.github.govdx.examples;

import io.github.govdx.core.GovdxException;
import io.github.govdx.core.codes.CodeEntry;
import io.github.govdx.core.codes.CodeTable;
import io.github.govdx.core.codes.CodeTableReader;
import io.github.govdx.core.codes.CodeTableRegistry;
import io.github.govdx.core.ident.CheckResult;
import io.github.govdx.core.ident.CitizenIdNumber;
import io.github.govdx.core.ident.IdentifierType;
import io.github.govdx.core.ident.UnifiedSocialCreditCode;
import io.github.govdx.core.mask.MaskingPolicy;
import io.github.govdx.core.mask.PiiKind;
import io.github.govdx.core.party.PartyId;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A guided tour of govdx-core: national code tables, identifier checks and masking, printed as a readable
 * transcript. Personal data (ID numbers, phones, names) is printed only masked.
 *
 * <p>Not thread-safe (writes to one stream).
 */
public final class CodeTableTour {

  private final PrintStream out;
  private final CodeTableRegistry registry = CodeTableRegistry.defaultRegistry();
  private final MaskingPolicy mask = MaskingPolicy.defaultPolicy();

  /**
   * Creates a tour writing to {@code out}.
   *
   * @param out where the transcript goes
   */
  public CodeTableTour(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the tour on standard output: {@code mvn -q -pl examples -am compile exec:java
   * -Dexec.mainClass=io.github.govdx.examples.CodeTableTour}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new CodeTableTour(new PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8))
        .run();
  }

  /** Runs every step of the tour. */
  public void run() {
    out.println("govdx core tour: national code tables, identifier checks, masking");
    out.println("==================================================================");
    tables();
    divisions();
    editions();
    citizenIds();
    creditCodes();
    otherIdentifiers();
    masking();
    out.println();
    out.println("Tour complete.");
  }

  private void heading(String title) {
    out.println();
    out.println("-- " + title);
  }

  private void tables() {
    heading("1. The shipped code tables (CodeTableRegistry.defaultRegistry())");
    for (String id : registry.tableIds()) {
      for (String edition : registry.editions(id)) {
        CodeTable t = registry.require(id, edition);
        out.printf("   %-32s %-8s %5d entries  %s%n", id, edition, t.size(), t.nameZh());
      }
    }
    CodeTable ethnic = registry.require("GB/T 3304");
    CodeEntry sui = ethnic.lookup("25").orElseThrow();
    out.printf(
        "   GB/T 3304 code 25: %s / %s, alpha code %s%n",
        sui.nameZh(),
        ethnic.label("25", Locale.ENGLISH).orElseThrow(),
        sui.attribute("alpha2_code").orElse("-"));
    out.printf(
        "   GB/T 2261.1 code 2: %s (%s)%n",
        registry.require("GB/T 2261.1").label("2", Locale.CHINA).orElseThrow(),
        registry.require("GB/T 2261.1").label("2", Locale.ENGLISH).orElseThrow());
    out.printf(
        "   GB/T 2659 search \"korea\": %s%n",
        registry.require("GB/T 2659").search("korea").stream()
            .map(e -> e.code() + " " + e.nameZh())
            .collect(Collectors.joining(", ")));
    out.printf(
        "   Update cycles (GOVDX-UPDATE-CYCLE): %s%n",
        registry.require("GOVDX-UPDATE-CYCLE").entries().stream()
            .map(e -> e.code() + "=" + e.nameZh())
            .collect(Collectors.joining(" ")));
  }

  private void divisions() {
    heading("2. GB/T 2260 administrative divisions as a hierarchy (MCA 2020-12 snapshot)");
    CodeTable div = registry.require("GB/T 2260");
    for (String code : List.of("110105", "130102", "429004")) {
      StringBuilder path = new StringBuilder(code + " " + div.lookup(code).orElseThrow().nameZh());
      String at = code;
      while (div.parent(at).isPresent()) {
        CodeEntry p = div.parent(at).orElseThrow();
        path.append(" -> ").append(p.code()).append(' ').append(p.nameZh());
        at = p.code();
      }
      out.println("   " + path);
    }
    out.printf(
        "   北京市 has %d children; 河北省 has %d prefectures%n",
        div.children("110000").size(), div.children("130000").size());
    out.printf(
        "   search \"朝阳\": %s%n",
        div.search("朝阳").stream()
            .map(e -> e.code() + " " + e.nameZh())
            .collect(Collectors.joining(", ")));
  }

  private void editions() {
    heading("3. Editions: pick which edition validates, load a newer one at runtime");
    out.printf("   editions of GB/T 2260: %s%n", registry.editions("GB/T 2260"));
    out.printf(
        "   110105 valid in 2020-12? %s; in 2007 (provinces only)? %s%n",
        registry.isValidIn("GB/T 2260", "2020-12", "110105"),
        registry.isValidIn("GB/T 2260", "2007", "110105"));
    String csv =
        "# id: GB/T 2260\n# edition: 2023\n# name-zh: 行政区划代码（示例）\n# source: tour example\n"
            + "code,name_zh,name_en,parent\n110000,北京市,Beijing,\n110105,朝阳区,Chaoyang,110000\n";
    CodeTable newer =
        CodeTableReader.readCsv(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "gbt2260-2023.csv");
    CodeTableRegistry custom = CodeTableRegistry.builder().addTable(newer).build();
    out.printf(
        "   after loading gbt2260-2023.csv: newest edition %s, label in English %s%n",
        custom.require("GB/T 2260").edition(),
        custom.require("GB/T 2260").label("110105", Locale.ENGLISH).orElseThrow());
    try {
      CodeTableReader.readCsv(
          new ByteArrayInputStream(
              "# id: X\n# edition: 1\n# name-zh: x\ncode,name_zh\n1,one\n1,again\n"
                  .getBytes(StandardCharsets.UTF_8)),
          "broken.csv");
    } catch (GovdxException e) {
      out.println("   a malformed file is refused: " + e.getMessage());
    }
  }

  private void citizenIds() {
    heading("4. Citizen ID numbers (GB 11643-1999), printed masked");
    for (String value : List.of("11010519491231002X", "440524188001010014")) {
      CitizenIdNumber id = CitizenIdNumber.parse(value);
      out.printf(
          "   %s  valid, %s, born %s, region %s%n",
          mask.mask(PiiKind.ID_NUMBER, value),
          id.sex(),
          id.birthDate(),
          id.region().map(CodeEntry::nameZh).orElse("(withdrawn code)"));
    }
    CitizenIdNumber legacy = CitizenIdNumber.parse("110105491231002");
    out.printf(
        "   legacy 15-digit %s -> 18-digit %s%n",
        mask.mask(PiiKind.ID_NUMBER, legacy.value()),
        mask.mask(PiiKind.ID_NUMBER, legacy.toEighteen().value()));
    for (String bad : List.of("110105194912310021", "99010519491231002X", "110105194902300025")) {
      report(mask.mask(PiiKind.ID_NUMBER, bad), IdentifierType.CITIZEN_ID.check(bad));
    }
  }

  private void creditCodes() {
    heading("5. Unified social credit codes (GB 32100-2015) and party ids");
    UnifiedSocialCreditCode c = UnifiedSocialCreditCode.parse("91350100M000100Y43");
    out.printf(
        "   %s  valid: department %s %s, category %s %s, region %s %s, org code %s%n",
        c.code(),
        c.registrationDepartment().code(),
        c.registrationDepartment().nameZh(),
        c.category().code(),
        c.category().nameZh(),
        c.regionCode(),
        c.region().map(CodeEntry::nameZh).orElse("?"),
        c.organizationCode().displayForm());
    for (String bad : List.of("91350100M000100Y44", "B1350100M000100Y4X", "91350100M000100I43")) {
      report(bad, IdentifierType.UNIFIED_SOCIAL_CREDIT_CODE.check(bad));
    }
    PartyId party = PartyId.parse("91350100M000100Y43/hotline");
    out.printf("   party id %s belongs to department %s%n", party, party.department());
  }

  private void otherIdentifiers() {
    heading("6. Organisation codes, mobile numbers, postal codes");
    for (String[] v :
        new String[][] {
          {"gb11714", "D2143569-X"},
          {"gb11714", "PDY00001-X"},
          {"mobile", "13800138000"},
          {"mobile", "12800138000"},
          {"postal", "100020"},
          {"postal", "999077"}
        }) {
      IdentifierType type = IdentifierType.fromKey(v[0]).orElseThrow();
      String shown = type == IdentifierType.MOBILE_PHONE ? mask.mask(PiiKind.PHONE, v[1]) : v[1];
      report(type.key() + " " + shown, type.check(v[1]));
    }
  }

  private void masking() {
    heading("7. Masking by data security level (GOVDX-SECURITY-LEVEL)");
    String[][] samples = {
      {"NAME", "欧阳娜娜"},
      {"ID_NUMBER", "11010519491231002X"},
      {"PHONE", "13800138000"},
      {"ADDRESS", "北京市海淀区马连洼街道289号"},
      {"EMAIL", "duanzhengchun@gmail.com"},
      {"BANK_CARD", "6222021234567893"}
    };
    for (String level : List.of("L1", "L2", "L3", "L4")) {
      MaskingPolicy p = MaskingPolicy.forLevel(level);
      StringBuilder line = new StringBuilder("   " + level + ":");
      for (String[] s : samples) {
        line.append("  ").append(p.mask(PiiKind.valueOf(s[0]), s[1]));
      }
      out.println(line);
    }
  }

  private void report(String shown, CheckResult r) {
    if (r.isValid()) {
      out.printf("   %s  valid%n", shown);
    } else {
      out.printf(
          "   %s  invalid: %s %s (%s)%n",
          shown, r.errorCode().orElseThrow().code(), r.rule(), r.reason());
    }
  }
}
