package io.github.govdx.client.catalog;

import io.github.govdx.client.WireEnum;
import java.util.Optional;

/**
 * The share type (共享类型) of a catalog resource, per the 2017 catalog guide. Thread-safe.
 */
public enum ShareType implements WireEnum {
  /** 无条件共享: every party may use it. */
  UNCONDITIONAL,
  /** 有条件共享: a party needs an approved access application. */
  CONDITIONAL,
  /** 不予共享: not shared (the entry states the legal basis). */
  NOT_SHARED;

  /**
   * Parses the wire form.
   *
   * @param text e.g. {@code "conditional"}
   * @return the share type, or empty if unknown
   * @throws NullPointerException if {@code text} is null
   */
  public static Optional<ShareType> parse(String text) {
    return WireEnum.parse(ShareType.class, text);
  }
}
