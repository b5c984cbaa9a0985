package io.github.govdx.core.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.govdx.core.GovdxException;

/**
 * The share type (共享类型) of a resource, per the 2017 catalog guide (共享属性); codes 1/2/3 are the common platform convention.
 *
 * <p>JSON form: the code. Thread-safe.
 */
public enum ShareType {

  /** 无条件共享 (shared with every department). */
  UNCONDITIONAL("1", "无条件共享", "unconditional sharing"),

  /** 有条件共享 (needs sharing conditions). */
  CONDITIONAL("2", "有条件共享", "conditional sharing"),

  /** 不予共享 (needs a legal basis). */
  NOT_SHARED("3", "不予共享", "not shared");

  private final String code;
  private final String nameZh;
  private final String nameEn;

  ShareType(String code, String nameZh, String nameEn) {
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
  public static ShareType fromCode(String text) {
    return CatalogCodes.find(values(), v -> v.code, v -> v.nameZh, text, "ShareType");
  }
}
