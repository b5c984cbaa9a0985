package io.github.govdx.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.element.FormatMismatch;
import io.github.govdx.core.element.RepresentationFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The govdx keywords of a compiled schema ({@code x-govdx-format}, {@code x-govdx-codeTable},
 * {@code x-govdx-identifier}), compiled once into a tree that mirrors the schema and run as one direct walk
 * over a record after networknt has checked its structure.
 *
 * <p>Why not networknt keywords: each keyword networknt evaluates costs a fixed dispatch (evaluation-path and
 * schema-path bookkeeping) of the order of the cheaper checks themselves, and a 15-item schema carries a dozen of
 * them. The walk visits only the items that have a govdx check, builds no path unless it reports, and allocates
 * nothing for a valid record.
 *
 * <p>Semantics are those of the keywords as documented in {@code docs/validation.md}: a check runs only on a value
 * of the kind it applies to (text for code tables and identifiers; text or numbers for formats) and, for text,
 * only when its length fits the item's {@code minLength}/{@code maxLength} (so a wrong length is reported once,
 * by the structural check). Within an item the checks run in the order format, code table, identifier. Items
 * whose value has the wrong JSON type, and unknown items, are left to the structural validation.
 *
 * <p>Immutable and thread-safe.
 */
final class GovdxChecks {

  private final @Nullable Check root;
  private final int arrayDepth;

  private GovdxChecks(@Nullable Check root, int arrayDepth) {
    this.root = root;
    this.arrayDepth = arrayDepth;
  }

  /**
   * Compiles the checks of an exported schema.
   *
   * @param schema the compiled schema document (with the govdx keywords)
   * @param items the item at each schema pointer
   * @param codeTables resolves code tables
   * @param identifiers resolves identifier checks
   * @return the checks
   * @throws GovdxException {@link CoreErrorCode#RESOURCE_SCHEMA_INVALID} if a keyword names an unknown table or
   *     check, or is malformed
   */
  static GovdxChecks compile(
      JsonNode schema,
      Map<String, FieldSpec> items,
      CodeTableLookup codeTables,
      IdentifierLookup identifiers) {
    Compiler c = new Compiler(items, codeTables, identifiers);
    Check root = c.node(schema, "", new ArrayList<>());
    return new GovdxChecks(root, c.maxDepth);
  }

  /**
   * Runs the checks on one record.
   *
   * @param record the record
   * @param recordIndex its index (0 for a single record)
   * @param failFast stop at the first violation
   * @return the violations, in schema order; empty (and shared) when there are none
   */
  List<Violation> run(JsonNode record, long recordIndex, boolean failFast) {
    if (root == null) {
      return List.of();
    }
    Ctx ctx = new Ctx(recordIndex, arrayDepth == 0 ? NO_INDEXES : new int[arrayDepth], failFast);
    root.run(record, ctx);
    return ctx.out == null ? List.of() : ctx.out;
  }

  private static final int[] NO_INDEXES = new int[0];

  /** Per-record state: the current index at each array depth, and the violations found. */
  private static final class Ctx {
    final long recordIndex;
    final int[] indexes;
    final boolean failFast;
    @Nullable List<Violation> out;

    Ctx(long recordIndex, int[] indexes, boolean failFast) {
      this.recordIndex = recordIndex;
      this.indexes = indexes;
      this.failFast = failFast;
    }

    /** Adds a violation; returns whether to go on. */
    boolean add(Violation v) {
      if (out == null) {
        out = new ArrayList<>(2);
      }
      out.add(v);
      return !failFast;
    }
  }

  /** A node of the check tree. */
  private abstract static class Check {
    /** Checks {@code value}; returns {@code false} to stop (fail fast). */
    abstract boolean run(JsonNode value, Ctx ctx);
  }

  private static final class ObjectCheck extends Check {
    private final String[] keys;
    private final Check[] children;

    ObjectCheck(List<String> keys, List<Check> children) {
      this.keys = keys.toArray(new String[0]);
      this.children = children.toArray(new Check[0]);
    }

    @Override
    boolean run(JsonNode value, Ctx ctx) {
      if (!value.isObject()) {
        return true;
      }
      for (int i = 0; i < keys.length; i++) {
        JsonNode child = value.get(keys[i]);
        if (child != null && !children[i].run(child, ctx)) {
          return false;
        }
      }
      return true;
    }
  }

  private static final class ArrayCheck extends Check {
    private final int depth;
    private final Check items;

    ArrayCheck(int depth, Check items) {
      this.depth = depth;
      this.items = items;
    }

    @Override
    boolean run(JsonNode value, Ctx ctx) {
      if (!value.isArray()) {
        return true;
      }
      for (int i = 0, n = value.size(); i < n; i++) {
        ctx.indexes[depth] = i;
        if (!items.run(value.get(i), ctx)) {
          return false;
        }
      }
      return true;
    }
  }

  /** The checks of one value item, in keyword order: format, code table, identifier. */
  private static final class ValueCheck extends Check {
    /** The JSON Pointer: escaped keys, and {@code null} where an array index goes (in depth order). */
    private final @Nullable String[] pointer;

    private final String itemName;
    private final int minLength;
    private final int maxLength;
    private final @Nullable RepresentationFormat format;
    private final boolean integerType;
    private final @Nullable Predicate<String> members;
    private final String tableRule;
    private final String tableLabel;
    private final @Nullable IdentifierCheck identifier;
    private final String identifierKey;

    ValueCheck(
        List<String> pointer,
        String itemName,
        JsonNode schema,
        @Nullable RepresentationFormat format,
        @Nullable Predicate<String> members,
        String tableRule,
        String tableLabel,
        @Nullable IdentifierCheck identifier,
        String identifierKey) {
      this.pointer = pointer.toArray(new String[0]);
      this.itemName = itemName;
      this.minLength = schema.path("minLength").asInt(0);
      this.maxLength =
          schema.has("maxLength") ? schema.get("maxLength").asInt() : Integer.MAX_VALUE;
      this.format = format;
      this.integerType = "integer".equals(schema.path("type").asText());
      this.members = members;
      this.tableRule = tableRule;
      this.tableLabel = tableLabel;
      this.identifier = identifier;
      this.identifierKey = identifierKey;
    }

    @Override
    boolean run(JsonNode value, Ctx ctx) {
      if (format != null && !checkFormat(value, ctx)) {
        return false;
      }
      if (!value.isTextual() || (members == null && identifier == null)) {
        return true;
      }
      String text = value.textValue();
      if (!fits(text)) {
        return true;
      }
      if (members != null
          && !members.test(text)
          && !ctx.add(
              violation(
                  ctx,
                  CoreErrorCode.RECORD_CODE_NOT_IN_TABLE,
                  tableRule,
                  "is not a code of " + tableLabel,
                  "不是代码表 " + tableLabel + " 中的代码"))) {
        return false;
      }
      if (identifier != null) {
        IdentifierVerdict v = identifier.check(text);
        if (!v.valid()) {
          return ctx.add(
              violation(
                  ctx,
                  CoreErrorCode.RECORD_IDENTIFIER_INVALID,
                  SchemaCompiler.KW_IDENTIFIER
                      + ":"
                      + identifierKey
                      + (v.rule().isEmpty() ? "" : "/" + v.rule()),
                  "fails the "
                      + identifierKey
                      + " check"
                      + (v.reason().isEmpty() ? "" : ": " + v.reason()),
                  "未通过 "
                      + identifierKey
                      + " 校验"
                      + (v.rule().isEmpty() ? "" : "（" + v.rule() + "）")));
        }
      }
      return true;
    }

    private boolean fits(String text) {
      if (minLength == 0 && maxLength == Integer.MAX_VALUE) {
        return true;
      }
      int n = text.codePointCount(0, text.length());
      return n >= minLength && n <= maxLength;
    }

    private boolean checkFormat(JsonNode value, Ctx ctx) {
      RepresentationFormat f = format;
      FormatMismatch m = null;
      if (value.isTextual()) {
        String text = value.textValue();
        if (f.isDateTime()) {
          m = f.checkCalendar(text).orElse(null);
        } else if (f.isDecimal()) {
          m = f.check(text).filter(x -> x.kind() == FormatMismatch.Kind.PRECISION).orElse(null);
        }
      } else if (value.isNumber() && !(integerType && !isIntegral(value))) {
        if (value.isDouble() || value.isFloat()) {
          m = f.checkNumber(value.doubleValue()).orElse(null);
        } else {
          BigDecimal v =
              value.isBigDecimal()
                  ? value.decimalValue()
                  : value.isIntegralNumber()
                      ? new BigDecimal(value.bigIntegerValue())
                      : value.decimalValue();
          m = f.checkNumber(v).orElse(null);
        }
      }
      if (m == null) {
        return true;
      }
      CoreErrorCode code =
          m.kind() == FormatMismatch.Kind.DATE
              ? CoreErrorCode.RECORD_DATE_INVALID
              : CoreErrorCode.RECORD_NUMBER_PRECISION;
      return ctx.add(
          violation(
              ctx, code, SchemaCompiler.KW_FORMAT + ":" + f.text(), m.messageEn(), m.messageZh()));
    }

    private Violation violation(Ctx ctx, CoreErrorCode code, String rule, String en, String zh) {
      StringBuilder sb = new StringBuilder();
      int depth = 0;
      for (String segment : pointer) {
        sb.append('/');
        if (segment == null) {
          sb.append(ctx.indexes[depth++]);
        } else {
          sb.append(segment);
        }
      }
      return new Violation(
          ctx.recordIndex, sb.toString(), itemName, rule, code, en, zh, Severity.ERROR);
    }
  }

  private static boolean isIntegral(JsonNode node) {
    if (node.isIntegralNumber()) {
      return true;
    }
    BigDecimal d = node.decimalValue();
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  /** Builds the check tree from the schema document; keeps only branches that hold a check. */
  private static final class Compiler {
    private final Map<String, FieldSpec> items;
    private final CodeTableLookup codeTables;
    private final IdentifierLookup identifiers;
    int maxDepth;

    Compiler(
        Map<String, FieldSpec> items, CodeTableLookup codeTables, IdentifierLookup identifiers) {
      this.items = items;
      this.codeTables = codeTables;
      this.identifiers = identifiers;
    }

    /**
     * @param schemaPointer where {@code schema} sits in the document ("" = root)
     * @param pointer the instance pointer template so far (escaped keys, {@code null} for array indexes)
     */
    @Nullable Check node(JsonNode schema, String schemaPointer, List<String> pointer) {
      JsonNode props = schema.get("properties");
      if (props != null && props.isObject()) {
        List<String> keys = new ArrayList<>();
        List<Check> children = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : props.properties()) {
          String escaped = SchemaCompiler.escape(e.getKey());
          List<String> p = new ArrayList<>(pointer);
          p.add(escaped);
          Check c = node(e.getValue(), schemaPointer + "/properties/" + escaped, p);
          if (c != null) {
            keys.add(e.getKey());
            children.add(c);
          }
        }
        return keys.isEmpty() ? null : new ObjectCheck(keys, children);
      }
      JsonNode itemSchema = schema.get("items");
      if (itemSchema != null && itemSchema.isObject()) {
        int depth = pointer.stream().filter(s -> s == null).mapToInt(s -> 1).sum();
        List<String> p = new ArrayList<>(pointer);
        p.add(null);
        Check c = node(itemSchema, schemaPointer + "/items", p);
        if (c == null) {
          return null;
        }
        maxDepth = Math.max(maxDepth, depth + 1);
        return new ArrayCheck(depth, c);
      }
      return value(schema, schemaPointer, pointer);
    }

    private @Nullable Check value(JsonNode schema, String schemaPointer, List<String> pointer) {
      RepresentationFormat format = format(schema);
      Predicate<String> members = null;
      String tableRule = "";
      String tableLabel = "";
      JsonNode ct = schema.get(SchemaCompiler.KW_CODE_TABLE);
      if (ct != null) {
        String table = ct.path("table").asText("");
        String edition = ct.path("edition").asText("");
        if (table.isEmpty()) {
          throw new GovdxException(
              CoreErrorCode.RESOURCE_SCHEMA_INVALID,
              SchemaCompiler.KW_CODE_TABLE + " needs a 'table'");
        }
        members =
            codeTables
                .membership(table, edition)
                .orElseThrow(
                    () ->
                        new GovdxException(
                            CoreErrorCode.RESOURCE_SCHEMA_INVALID,
                            "unknown code table '"
                                + table
                                + "'"
                                + (edition.isEmpty() ? "" : " edition '" + edition + "'")));
        tableLabel = table + (edition.isEmpty() ? "" : " (" + edition + ")");
        tableRule =
            SchemaCompiler.KW_CODE_TABLE + ":" + table + (edition.isEmpty() ? "" : "@" + edition);
      }
      IdentifierCheck identifier = null;
      String identifierKey = "";
      JsonNode id = schema.get(SchemaCompiler.KW_IDENTIFIER);
      if (id != null) {
        identifierKey = id.asText("");
        String key = identifierKey;
        identifier =
            identifiers
                .find(key)
                .orElseThrow(
                    () ->
                        new GovdxException(
                            CoreErrorCode.RESOURCE_SCHEMA_INVALID,
                            "unknown identifier check '" + key + "'"));
      }
      if (format == null && members == null && identifier == null) {
        return null;
      }
      FieldSpec item = items.get(schemaPointer);
      return new ValueCheck(
          pointer,
          item == null ? "" : item.nameZh(),
          schema,
          format,
          members,
          tableRule,
          tableLabel,
          identifier,
          identifierKey);
    }

    /**
     * The format to check at runtime, or {@code null}: on text only dates, times and decimals need a check the
     * standard keywords (lengths, pattern) do not already make; on numbers every numeric format does.
     */
    private static @Nullable RepresentationFormat format(JsonNode schema) {
      JsonNode f = schema.get(SchemaCompiler.KW_FORMAT);
      if (f == null) {
        return null;
      }
      if (!f.isTextual()) {
        throw new GovdxException(
            CoreErrorCode.RESOURCE_SCHEMA_INVALID, SchemaCompiler.KW_FORMAT + " must be a string");
      }
      RepresentationFormat format = RepresentationFormat.parse(f.textValue());
      boolean text = "string".equals(schema.path("type").asText());
      return format.isDateTime() || format.isDecimal() || !text ? format : null;
    }
  }
}
