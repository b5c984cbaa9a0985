package io.github.govdx.core.catalog;

import java.util.Objects;

/**
 * The sharing attributes (共享属性) of a resource per the 2017 catalog guide: share type, conditions, legal
 * basis and sharing method.
 *
 * <p>A conditionally shared resource must state its conditions (共享条件), and a resource that is not shared
 * must cite the law or regulation that forbids sharing; {@link CatalogEntries#check(CatalogEntry)} reports
 * both ({@code GDX-1302}, {@code GDX-1303}). Immutable and thread-safe.
 *
 * @param type the share type
 * @param conditions the sharing conditions; empty when none
 * @param legalBasis the legal basis for not sharing; empty when none
 * @param methodCategory the method category (共享方式分类)
 * @param methodType the method type (共享方式类型) for platform sharing
 */
public record SharingAttributes(
    ShareType type,
    String conditions,
    String legalBasis,
    ShareMethodCategory methodCategory,
    ShareMethodType methodType) {

  /**
   * Creates sharing attributes; {@code null} texts become empty strings.
   *
   * @param type the share type
   * @param conditions the conditions
   * @param legalBasis the legal basis
   * @param methodCategory the method category
   * @param methodType the method type
   * @throws NullPointerException if {@code type}, {@code methodCategory} or {@code methodType} is null
   */
  public SharingAttributes {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(methodCategory, "methodCategory == null");
    Objects.requireNonNull(methodType, "methodType == null");
    conditions = conditions == null ? "" : conditions;
    legalBasis = legalBasis == null ? "" : legalBasis;
  }
}
