package io.github.govdx.core.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.govdx.core.GovdxException;

/**
 * The data type letter of a catalog item (信息项数据类型), per the 2017 catalog guide template as used by catalog platforms.
 *
 * <p>JSON form: the code. Thread-safe.
 */
public enum ItemDataType {

  /** 字符型 (text). */
  CHARACTER("C", "字符型", "character"),

  /** 数值型 (number). */
  NUMERIC("N", "数值型", "numeric"),

  /** 货币型 (amount). */
  CURRENCY("Y", "货币型", "currency"),

  /** 日期型 (YYYYMMDD). */
  DATE("D", "日期型", "date"),

  /** 日期时间型 (YYYYMMDDhhmmss). */
  DATETIME("T", "日期时间型", "date-time"),

  /** 逻辑型 (boolean). */
  LOGICAL("L", "逻辑型", "logical"),

  /** 备注型 (long text). */
  MEMO("M", "备注型", "memo"),

  /** 通用型 (binary). */
  GENERAL("G", "通用型", "general"),

  /** 双精度型 (number). */
  DOUBLE("B", "双精度型", "double"),

  /** 整型 (integer). */
  INTEGER("I", "整型", "integer"),

  /** 浮点型 (number). */
  FLOAT("F", "浮点型", "float");

  private final String code;
  private final String nameZh;
  private final String nameEn;

  ItemDataType(String code, String nameZh, String nameEn) {
    this.code = code;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  /**
   * The data element type (数据元数据类型, GB/T 18391 / GB/T 19488) that holds values of this catalog type:
   * the numeric letters ({@code N}, {@code Y}, {@code B}, {@code I}, {@code F}) are numbers, {@code D} a date,
   * {@code T} a date-time, {@code L} a boolean, {@code G} binary, the rest ({@code C}, {@code M}) text.
   *
   * @return the value type
   */
  public io.github.govdx.core.element.DataType valueType() {
    switch (this) {
      case NUMERIC:
      case CURRENCY:
      case DOUBLE:
      case INTEGER:
      case FLOAT:
        return io.github.govdx.core.element.DataType.NUMBER;
      case DATE:
        return io.github.govdx.core.element.DataType.DATE;
      case DATETIME:
        return io.github.govdx.core.element.DataType.DATETIME;
      case LOGICAL:
        return io.github.govdx.core.element.DataType.BOOLEAN;
      case GENERAL:
        return io.github.govdx.core.element.DataType.BINARY;
      default:
        return io.github.govdx.core.element.DataType.CHARACTER;
    }
  }

  /**
   * The code, as used in catalog documents.
   *
   * @return the code
   */
  @JsonValue
  public String code() {
    return code;
  }

  /**
   * The Chinese name.
   *
   * @return the Chinese name
   */
  public String nameZh() {
    return nameZh;
  }

  /**
   * The English name.
   *
   * @return the English name
   */
  public String nameEn() {
    return nameEn;
  }

  /**
   * Looks a value up by code or Chinese name.
   *
   * @param text the code or the Chinese name
   * @return the value
   * @throws GovdxException {@code GDX-1305} if the text is not in the code list
   * @throws NullPointerException if {@code text} is null
   */
  @JsonCreator
  public static ItemDataType fromCode(String text) {
    return CatalogCodes.find(values(), v -> v.code, v -> v.nameZh, text, "ItemDataType");
  }
}
