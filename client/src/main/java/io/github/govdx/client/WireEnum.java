package io.github.govdx.client;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An enum of the exchange protocol whose constants travel as their lower-case names, e.g. {@code
 * "under_review"} for {@code UNDER_REVIEW}. Each such enum has a static {@code parse(String)} built on {@link
 * #parse(Class, String)}. Thread-safe.
 */
public interface WireEnum {

  /**
   * The wire form.
   *
   * @return the constant's name in lower case, e.g. {@code "under_review"}
   */
  default String wireName() {
    return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire form.
   *
   * @param <E> the enum type
   * @param type the enum class
   * @param text the wire form, e.g. {@code "under_review"}
   * @return the constant, or empty if unknown
   * @throws NullPointerException if an argument is null
   */
  static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String text) {
    Objects.requireNonNull(text, "text == null");
    for (E e : type.getEnumConstants()) {
      if (e.wireName().equals(text)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
