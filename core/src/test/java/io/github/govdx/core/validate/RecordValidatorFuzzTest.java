package io.github.govdx.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Generated records of every shape against a schema with nested objects, arrays and all three govdx keywords:
 * validation never throws, both modes agree on validity, fail-fast reports the first collect-all violation's
 * group, and every pointer points into the record (or, for a missing or unknown item, beside it).
 */
class RecordValidatorFuzzTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<String> KEYS =
      List.of("gmsfhm", "xm", "xb", "csrq", "je", "dz", "lxfs", "zz");
  private static final Set<String> BESIDE = Set.of("required", "additionalProperties");

  private final RecordValidator all = Fixtures.validator(Fixtures.person());
  private final RecordValidator first =
      RecordValidator.builder(Fixtures.person())
          .codeTables(Fixtures.TABLES)
          .identifiers(Fixtures.IDS)
          .mode(ValidationMode.FAIL_FAST)
          .build();

  @Test
  void generatedRecords_neverThrow_andReportPointersIntoTheRecord() {
    Random random = new Random(20261124);
    int invalid = 0;
    for (int i = 0; i < 20_000; i++) {
      ObjectNode record = record(random);
      ValidationReport r = all.validate(record);
      ValidationReport f = first.validate(record);
      assertThat(f.isValid()).as("%s", record).isEqualTo(r.isValid());
      if (r.isValid()) {
        continue;
      }
      invalid++;
      assertThat(f.violations()).hasSize(1);
      Violation v1 = f.violations().get(0);
      boolean structural = !v1.rule().startsWith("x-govdx-");
      // fail-fast takes a structural violation when there is one, else the first govdx one
      assertThat(structural)
          .as("%s %s", record, r.violations())
          .isEqualTo(!r.violations().get(0).rule().startsWith("x-govdx-"));
      if (!structural) {
        assertThat(v1).isEqualTo(r.violations().get(0));
      }
      for (Violation v : r.violations()) {
        JsonPointer p = JsonPointer.compile(v.pointer());
        JsonNode at = BESIDE.contains(v.rule()) ? record.at(p.head()) : record.at(p);
        assertThat(at.isMissingNode()).as("%s in %s", v, record).isFalse();
        assertThat(v.code().code()).startsWith("GDX-14");
      }
    }
    // the generator must exercise both outcomes
    assertThat(invalid).isBetween(2_000, 19_000);
  }

  /** A record whose items are each valid about three times in four, else anything. */
  private static ObjectNode record(Random r) {
    ObjectNode o = F.objectNode();
    for (String k : KEYS) {
      boolean required = k.equals("gmsfhm") || k.equals("xm");
      if (r.nextInt(required ? 40 : 4) == 0 || (k.equals("zz") && r.nextInt(8) != 0)) {
        continue;
      }
      if (r.nextInt(4) != 0) {
        o.set(k, valid(k));
        continue;
      }
      switch (k) {
        case "dz":
          o.set(
              k,
              r.nextInt(3) == 0
                  ? anyValue(r)
                  : F.objectNode().set("qh", text(r, "0123456789x", 8)));
          break;
        case "lxfs":
          if (r.nextInt(3) == 0) {
            o.set(k, anyValue(r));
          } else {
            ArrayNode a = o.putArray(k);
            for (int n = r.nextInt(5); n > 0; n--) {
              a.add(
                  r.nextInt(4) == 0
                      ? anyValue(r)
                      : F.objectNode().set("dh", text(r, "0123456789-+ab", 22)));
            }
          }
          break;
        case "je":
          o.set(
              k,
              r.nextInt(3) == 0
                  ? anyValue(r)
                  : F.numberNode(new BigDecimal(r.nextInt(1_000_000)).movePointLeft(r.nextInt(5))));
          break;
        case "csrq":
          o.set(k, r.nextInt(3) == 0 ? anyValue(r) : text(r, "0123456789", 9));
          break;
        case "xb":
          o.set(k, r.nextInt(3) == 0 ? anyValue(r) : text(r, "0129x", 2));
          break;
        default:
          o.set(k, r.nextInt(3) == 0 ? anyValue(r) : text(r, "0123456789X张三a", 20));
      }
    }
    return o;
  }

  private static JsonNode valid(String key) {
    switch (key) {
      case "gmsfhm":
        return F.textNode("11010519491231002X");
      case "xm":
        return F.textNode("张三");
      case "xb":
        return F.textNode("2");
      case "csrq":
        return F.textNode("20240229");
      case "je":
        return F.numberNode(new BigDecimal("12345.6"));
      case "dz":
        return F.objectNode().put("qh", "110105");
      case "lxfs":
        ArrayNode a = F.arrayNode();
        a.addObject().put("dh", "13800138000");
        return a;
      default:
        return F.objectNode(); // zz: unknown item, never valid
    }
  }

  private static JsonNode text(Random r, String alphabet, int maxLength) {
    StringBuilder sb = new StringBuilder();
    for (int n = r.nextInt(maxLength + 1); n > 0; n--) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    // often exactly the length a format wants, so the govdx checks run
    if (r.nextBoolean() && maxLength >= 18) {
      sb.setLength(0);
      for (int n = 0; n < 18; n++) {
        sb.append(alphabet.charAt(r.nextInt(Math.min(10, alphabet.length()))));
      }
    }
    return F.textNode(sb.toString());
  }

  private static JsonNode anyValue(Random r) {
    switch (r.nextInt(6)) {
      case 0:
        return F.nullNode();
      case 1:
        return F.booleanNode(r.nextBoolean());
      case 2:
        return F.numberNode(r.nextDouble() * 1e6);
      case 3:
        return F.arrayNode().add(1).add("x");
      case 4:
        return F.objectNode().put("x", 1);
      default:
        return F.textNode("");
    }
  }
}
