package io.github.govdx.core.element;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.util.Locale;
import java.util.Objects;

/**
 * The data type (数据类型) of a data element, per GB/T 39046-2020 §5.3 Table 2.
 *
 * <p>Each type maps to one JSON type in a record: text, dates and binary (Base64) travel as JSON strings,
 * numbers as JSON numbers and booleans as JSON booleans. Thread-safe.
 */
public enum DataType {

  /** 字符型: text. */
  CHARACTER("字符型", "string"),
  /** 数字型: a number, optionally with decimals ({@code n..16,2}). */
  NUMBER("数字型", "number"),
  /** 日期型: a calendar date, by default {@code YYYYMMDD}. */
  DATE("日期型", "string"),
  /** 日期时间型: a date and time, by default {@code YYYYMMDDhhmmss} (also {@code YYYYMMDDThhmmss}). */
  DATETIME("日期时间型", "string"),
  /** 布尔型: true or false. */
  BOOLEAN("布尔型", "boolean"),
  /** 二进制: binary content, carried as Base64 text. */
  BINARY("二进制", "string");

  private final String nameZh;
  private final String jsonType;

  DataType(String nameZh, String jsonType) {
    this.nameZh = nameZh;
    this.jsonType = jsonType;
  }

  /**
   * The Chinese name used by the standards, e.g. {@code 字符型}.
   *
   * @return the Chinese name
   */
  public String nameZh() {
    return nameZh;
  }

  /**
   * The JSON Schema type of values of this data type ({@code string}, {@code number}, {@code boolean}).
   *
   * @return the JSON type name
   */
  public String jsonType() {
    return jsonType;
  }

  /**
   * The JSON form: the enum constant name.
   *
   * @return e.g. {@code "CHARACTER"}
   */
  @JsonValue
  public String key() {
    return name();
  }

  /**
   * Parses a data type from its constant name (any case) or its Chinese name.
   *
   * @param text e.g. {@code "DATE"}, {@code "date"} or {@code "日期型"}
   * @return the data type
   * @throws GovdxException {@code GDX-1202} if the text names no data type
   * @throws NullPointerException if {@code text} is null
   */
  @JsonCreator
  public static DataType parse(String text) {
    Objects.requireNonNull(text, "text == null");
    for (DataType t : values()) {
      if (t.name().equals(text.trim().toUpperCase(Locale.ROOT)) || t.nameZh.equals(text.trim())) {
        return t;
      }
    }
    throw new GovdxException(
        CoreErrorCode.DATA_ELEMENT_INVALID, "unknown data type '" + text + "'");
  }
}
