package io.github.govdx.core.element;

import java.util.Objects;

/**
 * Why a value does not match a {@link RepresentationFormat}, in English and Chinese.
 *
 * <p>The messages never repeat the value itself (it may be personal data). Immutable and thread-safe.
 *
 * @param kind which part of the format the value breaks
 * @param messageEn the explanation in English
 * @param messageZh the explanation in Chinese
 */
public record FormatMismatch(Kind kind, String messageEn, String messageZh) {

  /** Which part of a representation format a value breaks. */
  public enum Kind {
    /** A character is not allowed by the character class ({@code a}, {@code n}) or pattern. */
    CHARACTERS,
    /** The value is shorter or longer than the length allows. */
    LENGTH,
    /** The value has the date/time shape but is not a real date or time (20230229, 246000). */
    DATE,
    /** A number has more integer digits or decimals than {@code n..p,q} allows. */
    PRECISION
  }

  /**
   * Creates a mismatch.
   *
   * @param kind which part of the format the value breaks
   * @param messageEn the explanation in English
   * @param messageZh the explanation in Chinese
   * @throws NullPointerException if an argument is null
   */
  public FormatMismatch {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(messageEn, "messageEn == null");
    Objects.requireNonNull(messageZh, "messageZh == null");
  }
}
