package io.github.govdx.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.AbstractKeyword;
import com.networknt.schema.keyword.AbstractKeywordValidator;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.element.FormatMismatch;
import io.github.govdx.core.element.RepresentationFormat;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Predicate;

/** The govdx keywords for the networknt 2020-12 dialect. */
final class GovdxKeywords {

  /** Detail keys carried on errors raised by govdx keywords. */
  static final String DETAIL_CODE = "govdxCode";
  static final String DETAIL_ZH = "govdxZh";
  static final String DETAIL_RULE = "govdxRule";

  private GovdxKeywords() {
  }

  private static void report(ExecutionContext ctx, String keyword, SchemaLocation location, JsonNode node,
      NodePath at, CoreErrorCode code, String rule, String en, String zh) {
    ctx.addError(Error.builder()
        .keyword(keyword)
        .schemaLocation(location)
        .instanceLocation(at)
        .evaluationPath(ctx.getEvaluationPath())
        .instanceNode(node)
        .message(en)
        .details(Map.of(DETAIL_CODE, code, DETAIL_ZH, zh, DETAIL_RULE, rule))
        .build());
  }

  /** The sibling minLength/maxLength, so checks don't double-report a wrong length. */
  private static final class Lengths {
    private final int min;
    private final int max;

    Lengths(Schema parent) {
      JsonNode s = parent.getSchemaNode();
      this.min = s.path("minLength").asInt(0);
      this.max = s.has("maxLength") ? s.get("maxLength").asInt() : Integer.MAX_VALUE;
    }

    boolean fit(String text) {
      if (min == 0 && max == Integer.MAX_VALUE) {
        return true;
      }
      int n = text.codePointCount(0, text.length());
      return n >= min && n <= max;
    }
  }

  private static boolean isIntegral(JsonNode node) {
    if (node.isIntegralNumber()) {
      return true;
    }
    BigDecimal d = node.decimalValue();
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  /** {@code x-govdx-format}: calendar validity of dates and precision of decimals. */
  static final class FormatKeyword extends AbstractKeyword {
    FormatKeyword() {
      super(SchemaCompiler.KW_FORMAT);
    }

    @Override
    public KeywordValidator newValidator(SchemaLocation location, JsonNode schemaNode, Schema parent,
        SchemaContext context) {
      if (!schemaNode.isTextual()) {
        throw new GovdxException(CoreErrorCode.RESOURCE_SCHEMA_INVALID, getValue() + " must be a string");
      }
      RepresentationFormat format = RepresentationFormat.parse(schemaNode.textValue());
      boolean integerType = "integer".equals(parent.getSchemaNode().path("type").asText());
      return new AbstractKeywordValidator(this, schemaNode, location) {
        @Override
        public void validate(ExecutionContext ctx, JsonNode node, JsonNode root, NodePath at) {
          FormatMismatch m = null;
          if (node.isTextual()) {
            String text = node.textValue();
            if (format.isDateTime()) {
              m = format.checkCalendar(text).orElse(null);
            } else if (format.isDecimal()) {
              m = format.check(text).filter(x -> x.kind() == FormatMismatch.Kind.PRECISION).orElse(null);
            }
          } else if (node.isNumber() && !(integerType && !isIntegral(node))) {
            if (node.isDouble() || node.isFloat()) {
              m = format.checkNumber(node.doubleValue()).orElse(null);
            } else {
              BigDecimal v = node.isBigDecimal() ? node.decimalValue()
                  : node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
              m = format.checkNumber(v).orElse(null);
            }
          }
          if (m != null) {
            CoreErrorCode code = m.kind() == FormatMismatch.Kind.DATE ? CoreErrorCode.RECORD_DATE_INVALID
                : CoreErrorCode.RECORD_NUMBER_PRECISION;
            report(ctx, getValue(), location, node, at, code, getValue() + ":" + format.text(), m.messageEn(),
                m.messageZh());
          }
        }
      };
    }
  }

  /** {@code x-govdx-codeTable}: membership in a code table edition. */
  static final class CodeTableKeyword extends AbstractKeyword {
    private final CodeTableLookup lookup;

    CodeTableKeyword(CodeTableLookup lookup) {
      super(SchemaCompiler.KW_CODE_TABLE);
      this.lookup = lookup;
    }

    @Override
    public KeywordValidator newValidator(SchemaLocation location, JsonNode schemaNode, Schema parent,
        SchemaContext context) {
      String table = schemaNode.path("table").asText("");
      String edition = schemaNode.path("edition").asText("");
      if (table.isEmpty()) {
        throw new GovdxException(CoreErrorCode.RESOURCE_SCHEMA_INVALID, getValue() + " needs a 'table'");
      }
      Predicate<String> members = lookup.membership(table, edition).orElseThrow(() -> new GovdxException(
          CoreErrorCode.RESOURCE_SCHEMA_INVALID,
          "unknown code table '" + table + "'" + (edition.isEmpty() ? "" : " edition '" + edition + "'")));
      String label = table + (edition.isEmpty() ? "" : " (" + edition + ")");
      String rule = getValue() + ":" + table + (edition.isEmpty() ? "" : "@" + edition);
      Lengths lengths = new Lengths(parent);
      return new AbstractKeywordValidator(this, schemaNode, location) {
        @Override
        public void validate(ExecutionContext ctx, JsonNode node, JsonNode root, NodePath at) {
          if (!node.isTextual() || !lengths.fit(node.textValue()) || members.test(node.textValue())) {
            return;
          }
          report(ctx, getValue(), location, node, at, CoreErrorCode.RECORD_CODE_NOT_IN_TABLE, rule,
              "is not a code of " + label,
              "不是代码表 " + label + " 中的代码");
        }
      };
    }
  }

  /** {@code x-govdx-identifier}: an identifier check. */
  static final class IdentifierKeyword extends AbstractKeyword {
    private final IdentifierLookup lookup;

    IdentifierKeyword(IdentifierLookup lookup) {
      super(SchemaCompiler.KW_IDENTIFIER);
      this.lookup = lookup;
    }

    @Override
    public KeywordValidator newValidator(SchemaLocation location, JsonNode schemaNode, Schema parent,
        SchemaContext context) {
      String key = schemaNode.asText("");
      IdentifierCheck check = lookup.find(key).orElseThrow(() -> new GovdxException(
          CoreErrorCode.RESOURCE_SCHEMA_INVALID, "unknown identifier check '" + key + "'"));
      Lengths lengths = new Lengths(parent);
      return new AbstractKeywordValidator(this, schemaNode, location) {
        @Override
        public void validate(ExecutionContext ctx, JsonNode node, JsonNode root, NodePath at) {
          if (!node.isTextual() || !lengths.fit(node.textValue())) {
            return;
          }
          IdentifierVerdict v = check.check(node.textValue());
          if (!v.valid()) {
            report(ctx, getValue(), location, node, at, CoreErrorCode.RECORD_IDENTIFIER_INVALID,
                getValue() + ":" + key + (v.rule().isEmpty() ? "" : "/" + v.rule()),
                "fails the " + key + " check" + (v.reason().isEmpty() ? "" : ": " + v.reason()),
                "未通过 " + key + " 校验" + (v.rule().isEmpty() ? "" : "（" + v.rule() + "）"));
          }
        }
      };
    }
  }
}
