package io.github.govdx.core.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.govdx.core.GovdxException;

/**
 * The sensitivity level (敏感级别) of a catalog item, per the four-level provincial pattern of DB33/T 2350-2021 (L4 highest).
 *
 * <p>JSON form: the code. Thread-safe.
 */
public enum SensitivityLevel {

  /** 不敏感数据 (may be opened directly). */
  L1("L1", "不敏感数据", "not sensitive"),

  /** 低敏感数据 (masked, controlled opening). */
  L2("L2", "低敏感数据", "low sensitivity"),

  /** 较敏感数据 (masked, approval needed). */
  L3("L3", "较敏感数据", "relatively sensitive"),

  /** 敏感数据 (not opened). */
  L4("L4", "敏感数据", "sensitive");

  private final String code;
  private final String nameZh;
  private final String nameEn;

  SensitivityLevel(String code, String nameZh, String nameEn) {
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
  public static SensitivityLevel fromCode(String text) {
    return CatalogCodes.find(values(), v -> v.code, v -> v.nameZh, text, "SensitivityLevel");
  }
}
