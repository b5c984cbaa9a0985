package io.github.govdx.core.catalog;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.util.Objects;
import java.util.function.Function;

/** The one lookup behind every catalog code list's {@code fromCode}: by code, or by Chinese name. */
final class CatalogCodes {

  private CatalogCodes() {}

  /**
   * Finds the value whose code or Chinese name is {@code text}.
   *
   * @throws GovdxException {@code GDX-1305} if no value matches
   * @throws NullPointerException if {@code text} is null
   */
  static <E extends Enum<E>> E find(
      E[] values, Function<E, String> code, Function<E, String> nameZh, String text, String list) {
    Objects.requireNonNull(text, "text == null");
    for (E v : values) {
      if (code.apply(v).equals(text) || nameZh.apply(v).equals(text)) {
        return v;
      }
    }
    throw new GovdxException(
        CoreErrorCode.CATALOG_CODE_UNKNOWN, "'" + text + "' is not in the " + list + " code list");
  }
}
