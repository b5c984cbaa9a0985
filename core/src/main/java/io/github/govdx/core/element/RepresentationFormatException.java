package io.github.govdx.core.element;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;

/**
 * A representation format (表示格式) text does not follow the GB/T 39046-2020 §5.3 grammar.
 *
 * <p>Carries the zero-based character position of the problem in the format text, so a catalog editor
 * can point at it. Code {@link CoreErrorCode#REPRESENTATION_FORMAT_MALFORMED} ({@code GDX-1201}).
 * Immutable and thread-safe.
 */
public final class RepresentationFormatException extends GovdxException {

  private static final long serialVersionUID = 1L;

  private final String format;
  private final int position;

  RepresentationFormatException(String format, int position, String problem) {
    super(
        CoreErrorCode.REPRESENTATION_FORMAT_MALFORMED,
        problem + " at position " + position + " of representation format '" + format + "'");
    this.format = format;
    this.position = position;
  }

  /**
   * The format text that failed to parse.
   *
   * @return the format text
   */
  public String format() {
    return format;
  }

  /**
   * The zero-based character position of the problem in {@link #format()}.
   *
   * @return the position, between 0 and the text length
   */
  public int position() {
    return position;
  }
}
