package io.github.govdx.core.mask;

import org.jspecify.annotations.Nullable;

/**
 * How one kind of value is masked: keep a number of characters at the start and at the end and replace every
 * other character with {@code *} (GB/T 37964-2019 屏蔽), or redact the whole value as {@code ******}, which
 * also hides its length.
 *
 * <p>Immutable and thread-safe; equal when all parts are equal.
 */
public final class MaskRule {

  private static final MaskRule REDACT = new MaskRule(true, 0, 0);

  private final boolean redact;
  private final int keepFirst;
  private final int keepLast;

  private MaskRule(boolean redact, int keepFirst, int keepLast) {
    this.redact = redact;
    this.keepFirst = keepFirst;
    this.keepLast = keepLast;
  }

  /**
   * A rule keeping characters at both ends.
   *
   * @param keepFirst characters kept at the start, at least 0
   * @param keepLast characters kept at the end, at least 0
   * @return the rule
   * @throws IllegalArgumentException if a count is negative
   */
  public static MaskRule keep(int keepFirst, int keepLast) {
    if (keepFirst < 0 || keepLast < 0) {
      throw new IllegalArgumentException("keep counts must be >= 0");
    }
    return new MaskRule(false, keepFirst, keepLast);
  }

  /**
   * The rule replacing the whole value with {@code ******}.
   *
   * @return the redact rule
   */
  public static MaskRule redact() {
    return REDACT;
  }

  /**
   * Whether the whole value is replaced.
   *
   * @return {@code true} for the redact rule
   */
  public boolean isRedact() {
    return redact;
  }

  /**
   * Characters kept at the start.
   *
   * @return the count, 0 for the redact rule
   */
  public int keepFirst() {
    return keepFirst;
  }

  /**
   * Characters kept at the end.
   *
   * @return the count, 0 for the redact rule
   */
  public int keepLast() {
    return keepLast;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MaskRule)) {
      return false;
    }
    MaskRule that = (MaskRule) o;
    return redact == that.redact && keepFirst == that.keepFirst && keepLast == that.keepLast;
  }

  @Override
  public int hashCode() {
    return (redact ? 1 : 0) * 961 + keepFirst * 31 + keepLast;
  }

  @Override
  public String toString() {
    return redact ? "MaskRule{redact}" : "MaskRule{keep " + keepFirst + "+" + keepLast + "}";
  }
}
