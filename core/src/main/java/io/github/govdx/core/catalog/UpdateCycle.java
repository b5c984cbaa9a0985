package io.github.govdx.core.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.govdx.core.GovdxException;

/**
 * The update cycle (更新周期) of a resource, per the 2017 catalog guide; codes are a platform convention.
 *
 * <p>JSON form: the code. Thread-safe.
 */
public enum UpdateCycle {

  /** 实时 (real time). */
  REAL_TIME("1", "实时", "real-time"),

  /** 每日 (every day). */
  DAILY("2", "每日", "daily"),

  /** 每周 (every week). */
  WEEKLY("3", "每周", "weekly"),

  /** 每月 (every month). */
  MONTHLY("4", "每月", "monthly"),

  /** 每季度 (every quarter). */
  QUARTERLY("5", "每季度", "quarterly"),

  /** 每年 (every year). */
  YEARLY("6", "每年", "yearly"),

  /** 每半年 (some platforms only). */
  SEMI_ANNUALLY("7", "每半年", "semi-annually");

  private final String code;
  private final String nameZh;
  private final String nameEn;

  UpdateCycle(String code, String nameZh, String nameEn) {
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
  public static UpdateCycle fromCode(String text) {
    return CatalogCodes.find(values(), v -> v.code, v -> v.nameZh, text, "UpdateCycle");
  }
}
