package io.github.govdx.core.catalog;

import java.util.Objects;

/**
 * The resource format (信息资源格式) per the 2017 catalog guide: category and type, e.g. 数据库 / {@code mysql}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param category the format category (格式分类)
 * @param type the format type (格式类型), e.g. {@code oracle}, {@code pdf}; empty when not given
 */
public record ResourceFormat(FormatCategory category, String type) {

  /**
   * Creates a resource format.
   *
   * @param category the category
   * @param type the type; {@code null} becomes empty
   * @throws NullPointerException if {@code category} is null
   */
  public ResourceFormat {
    Objects.requireNonNull(category, "category == null");
    type = type == null ? "" : type;
  }
}
