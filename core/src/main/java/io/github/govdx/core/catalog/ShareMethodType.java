package io.github.govdx.core.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.govdx.core.GovdxException;

/**
 * The sharing method type (共享方式类型) under the platform category, per the 2017 catalog guide; codes are a platform convention.
 *
 * <p>JSON form: the code. Thread-safe.
 */
public enum ShareMethodType {

  /** 接口 (API). */
  INTERFACE("1", "接口", "service interface"),

  /** 数据库 (database). */
  DATABASE("2", "数据库", "database exchange"),

  /** 文件 (files). */
  FILE("3", "文件", "file exchange");

  private final String code;
  private final String nameZh;
  private final String nameEn;

  ShareMethodType(String code, String nameZh, String nameEn) {
    this.code = code;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
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
  public static ShareMethodType fromCode(String text) {
    return CatalogCodes.find(values(), v -> v.code, v -> v.nameZh, text, "ShareMethodType");
  }
}
