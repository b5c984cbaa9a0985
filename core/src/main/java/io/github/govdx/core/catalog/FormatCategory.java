package io.github.govdx.core.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.govdx.core.GovdxException;

/**
 * The resource format category (信息资源格式分类), per the 2017 catalog guide; codes are a platform convention.
 *
 * <p>JSON form: the code. Thread-safe.
 */
public enum FormatCategory {

  /** 数据库 (e.g. oracle, mysql, Dm, KingBaseES). */
  DATABASE("1", "数据库", "database"),

  /** 电子文件 (e.g. pdf, OFD, xml). */
  DOCUMENT("2", "电子文件", "electronic document"),

  /** 电子表格 (e.g. xls, xlsx, et). */
  SPREADSHEET("3", "电子表格", "spreadsheet"),

  /** 图形图像 (e.g. jpg). */
  IMAGE("4", "图形图像", "graphics and images"),

  /** 流媒体 (e.g. mpg). */
  STREAMING_MEDIA("5", "流媒体", "streaming media"),

  /** 自描述格式 (free description). */
  SELF_DESCRIBING("6", "自描述格式", "self-describing format"),

  /** 服务接口 (added by some platforms). */
  SERVICE_INTERFACE("7", "服务接口", "service interface");

  private final String code;
  private final String nameZh;
  private final String nameEn;

  FormatCategory(String code, String nameZh, String nameEn) {
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
  public static FormatCategory fromCode(String text) {
    return CatalogCodes.find(values(), v -> v.code, v -> v.nameZh, text, "FormatCategory");
  }
}
