package io.github.govdx.client.catalog;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The share type (共享类型) of a catalog resource, per the 2017 catalog guide. Thread-safe.
 */
public enum ShareType {
  /** 无条件共享: every party may use it. */
  UNCONDITIONAL,
  /** 有条件共享: a party needs an approved access application. */
  CONDITIONAL,
  /** 不予共享: not shared (the entry states the legal basis). */
  NOT_SHARED;

  /**
   * The wire form, e.g. {@code "not_shared"}.
   *
   * @return the wire name
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the wire form.
   *
   * @param text e.g. {@code "conditional"}
   * @return the share type, or empty if unknown
   * @throws NullPointerException if {@code text} is null
   */
  public static Optional<ShareType> parse(String text) {
    Objects.requireNonNull(text, "text == null");
    for (ShareType t : values()) {
      if (t.wireName().equals(text)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
