package io.github.govdx.core.catalog;

import java.util.Objects;

/**
 * The classification (信息资源分类) of a resource, per the 2017 catalog guide: 类 / 项 / 目 / 细目, by name.
 * Empty strings mark levels that are not used.
 *
 * <p>Immutable and thread-safe.
 *
 * @param category 类, e.g. {@code 基础信息资源目录}
 * @param item 项, e.g. {@code 人口}
 * @param subItem 目
 * @param detail 细目
 */
public record ResourceClassification(String category, String item, String subItem, String detail) {

  /**
   * Creates a classification; {@code null} levels become empty strings.
   *
   * @param category 类 (required)
   * @param item 项
   * @param subItem 目
   * @param detail 细目
   * @throws NullPointerException if {@code category} is null
   */
  public ResourceClassification {
    Objects.requireNonNull(category, "category == null");
    item = item == null ? "" : item;
    subItem = subItem == null ? "" : subItem;
    detail = detail == null ? "" : detail;
  }
}
