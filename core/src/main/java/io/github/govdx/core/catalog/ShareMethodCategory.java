package io.github.govdx.core.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.govdx.core.GovdxException;

/**
 * The sharing method category (共享方式分类), per the 2017 catalog guide; codes are a platform convention.
 *
 * <p>JSON form: the code. Thread-safe.
 */
public enum ShareMethodCategory {

  /** 共享平台方式 (the exchange platform). */
  PLATFORM("1", "共享平台方式", "via the sharing and exchange platform"),

  /** 邮件或介质 (offline). */
  MAIL_OR_MEDIA("2", "邮件或介质", "e-mail or physical media");

  private final String code;
  private final String nameZh;
  private final String nameEn;

  ShareMethodCategory(String code, String nameZh, String nameEn) {
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
  public static ShareMethodCategory fromCode(String text) {
    return CatalogCodes.find(values(), v -> v.code, v -> v.nameZh, text, "ShareMethodCategory");
  }
}
