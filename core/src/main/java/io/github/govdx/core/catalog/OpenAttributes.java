package io.github.govdx.core.catalog;

/**
 * The open attributes (开放属性) of a resource per the 2017 catalog guide: whether it is open to society
 * (是否向社会开放) and under which conditions (开放条件).
 *
 * <p>Immutable and thread-safe.
 *
 * @param open whether the resource is open to society
 * @param conditions the opening conditions; empty when none
 */
public record OpenAttributes(boolean open, String conditions) {

  /**
   * Creates open attributes; {@code null} conditions become empty.
   *
   * @param open whether open
   * @param conditions the conditions
   */
  public OpenAttributes {
    conditions = conditions == null ? "" : conditions;
  }
}
