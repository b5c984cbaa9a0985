package io.github.govdx.core.validate;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.element.DataType;
import io.github.govdx.core.element.RepresentationFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Maps networknt errors to govdx violations with stable codes and bilingual messages. */
final class ErrorMapper {

  private final Map<String, FieldSpec> items;

  ErrorMapper(Map<String, FieldSpec> items) {
    this.items = items;
  }

  List<Violation> map(List<Error> errors, long recordIndex) {
    List<Violation> out = new ArrayList<>(errors.size());
    for (Error e : errors) {
      out.add(map(e, recordIndex));
    }
    return out;
  }

  private Violation map(Error e, long recordIndex) {
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    String pointer = pointer(e.getInstanceLocation());
    String schemaPointer =
        e.getSchemaLocation() == null ? "" : schemaParent(e.getSchemaLocation().getFragment());
    String prop = e.getProperty() == null ? "" : e.getProperty();
    switch (keyword) {
      case "required":
        {
          FieldSpec f = items.get(schemaPointer + "/properties/" + SchemaCompiler.escape(prop));
          String name = f == null ? prop : f.nameZh();
          return new Violation(
              recordIndex,
              pointer + "/" + SchemaCompiler.escape(prop),
              name,
              "required",
              CoreErrorCode.RECORD_REQUIRED_MISSING,
              "required item '" + prop + "' is missing",
              "缺少必填项“" + name + "”（" + prop + "）",
              Severity.ERROR);
        }
      case "additionalProperties":
        return new Violation(
            recordIndex,
            pointer + "/" + SchemaCompiler.escape(prop),
            "",
            "additionalProperties",
            CoreErrorCode.RECORD_UNKNOWN_ITEM,
            "item '" + prop + "' is not defined by the resource schema",
            "数据项“" + prop + "”未在资源模式中定义",
            Severity.ERROR);
      default:
        FieldSpec f = items.get(schemaPointer);
        Text text = itemText(e, keyword, f);
        return new Violation(
            recordIndex,
            pointer,
            f == null ? "" : f.nameZh(),
            keyword,
            text.code(),
            text.en(),
            text.zh(),
            Severity.ERROR);
    }
  }

  /** A violation's code and its English and Chinese messages. */
  private record Text(CoreErrorCode code, String en, String zh) {}

  /** What a keyword's failure on one item says, with the item's representation format where it helps. */
  private static Text itemText(Error e, String keyword, @Nullable FieldSpec f) {
    RepresentationFormat format = f == null ? null : f.format().orElse(null);
    String fmt = format == null ? "" : "（格式 " + format.text() + "）";
    String fmtEn = format == null ? "" : " (format " + format.text() + ")";
    switch (keyword) {
      case "type":
        {
          String expected = expectedType(f);
          return new Text(
              CoreErrorCode.RECORD_TYPE_MISMATCH,
              "must be a JSON " + expected,
              "类型须为 JSON " + expected + typeZh(expected));
        }
      case "minLength":
      case "maxLength":
        {
          String range = format == null ? keyword + " " + e.getSchemaNode() : lengthEn(format);
          return new Text(
              CoreErrorCode.RECORD_LENGTH_OUT_OF_RANGE,
              "must be " + range + " characters long" + fmtEn,
              "长度须为" + (format == null ? range : lengthZh(format)) + "个字符" + fmt);
        }
      case "pattern":
        return new Text(
            CoreErrorCode.RECORD_FORMAT_MISMATCH,
            "does not match the representation format" + fmtEn + patternHintEn(format),
            "不符合表示格式" + fmt + patternHintZh(format));
      case "maxItems":
      case "minItems":
        {
          boolean max = keyword.equals("maxItems");
          int limit = f == null ? -1 : max ? f.maxItems() : f.minItems();
          return new Text(
              CoreErrorCode.RECORD_CONSTRAINT_VIOLATED,
              "must have " + (max ? "at most " : "at least ") + limit + " elements",
              "元素个数须" + (max ? "至多 " : "至少 ") + limit + " 个");
        }
      case "format":
        {
          String jf = f == null ? "" : f.jsonFormat().orElse("");
          return new Text(
              CoreErrorCode.RECORD_CONSTRAINT_VIOLATED,
              "is not a valid " + jf + " value",
              "不是有效的 " + jf + " 值");
        }
      default:
        return new Text(
            CoreErrorCode.RECORD_CONSTRAINT_VIOLATED,
            e.getMessage() == null ? "violates " + keyword : e.getMessage(),
            "不符合规则 " + keyword);
    }
  }

  private static String patternHintEn(@Nullable RepresentationFormat f) {
    if (f == null) {
      return "";
    }
    if (f.isDateTime()) {
      return ": expected the layout " + f.text();
    }
    if (f.pattern().isPresent()) {
      return ": 'a' positions take letters, 'n' positions digits";
    }
    switch (f.charClass().orElse(RepresentationFormat.CharClass.C)) {
      case N:
        return f.isDecimal() ? ": expected a decimal number" : ": digits only";
      case A:
        return ": no digits or control characters";
      default:
        return "";
    }
  }

  private static String patternHintZh(@Nullable RepresentationFormat f) {
    if (f == null) {
      return "";
    }
    if (f.isDateTime()) {
      return "：须为 " + f.text() + " 布局";
    }
    if (f.pattern().isPresent()) {
      return "：a 位须为字母，n 位须为数字";
    }
    switch (f.charClass().orElse(RepresentationFormat.CharClass.C)) {
      case N:
        return f.isDecimal() ? "：须为十进制数" : "：只能包含数字";
      case A:
        return "：不能包含数字或控制字符";
      default:
        return "";
    }
  }

  private static String lengthEn(RepresentationFormat f) {
    int min = f.minLength();
    if (f.maxLength().isEmpty()) {
      return "at least " + min;
    }
    int max = f.maxLength().getAsInt();
    return min == max ? "exactly " + max : min == 0 ? "at most " + max : min + " to " + max;
  }

  private static String lengthZh(RepresentationFormat f) {
    int min = f.minLength();
    if (f.maxLength().isEmpty()) {
      return "至少 " + min + " ";
    }
    int max = f.maxLength().getAsInt();
    return min == max
        ? " " + max + " "
        : min == 0 ? "至多 " + max + " " : " " + min + " 至 " + max + " ";
  }

  private static String expectedType(@Nullable FieldSpec f) {
    if (f == null) {
      return "value";
    }
    switch (f.kind()) {
      case OBJECT:
        return "object";
      case ARRAY:
        return "array";
      default:
        DataType t = f.dataType().orElse(DataType.CHARACTER);
        if (t == DataType.NUMBER && f.format().isPresent() && !f.format().get().isDecimal()) {
          return "integer";
        }
        return t.jsonType();
    }
  }

  private static String typeZh(String jsonType) {
    switch (jsonType) {
      case "string":
        return "（字符串）";
      case "number":
        return "（数值）";
      case "integer":
        return "（整数）";
      case "boolean":
        return "（布尔值）";
      case "object":
        return "（对象）";
      case "array":
        return "（数组）";
      default:
        return "";
    }
  }

  /** "/properties/a/maxLength" -> "/properties/a". */
  private static String schemaParent(@Nullable NodePath fragment) {
    if (fragment == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fragment.getNameCount() - 1; i++) {
      sb.append('/').append(SchemaCompiler.escape(fragment.getName(i)));
    }
    return sb.toString();
  }

  private static String pointer(@Nullable NodePath path) {
    if (path == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object el = path.getElement(i);
      sb.append('/')
          .append(
              el instanceof Integer ? el.toString() : SchemaCompiler.escape(String.valueOf(el)));
    }
    return sb.toString();
  }
}
