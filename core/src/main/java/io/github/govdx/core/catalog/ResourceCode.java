package io.github.govdx.core.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.util.Objects;

/**
 * A resource code (信息资源代码): {@code classCode/sequence}, per the 2017 catalog guide §6 (via the Sichuan
 * catalogue table; GB/T 21063.5 was never published).
 *
 * <p>The class code (前段码, 分类码) is 类 (1 digit), optionally followed by 项 (2 digits), 目 (3 digits) and
 * 细目 (variable digits), so it has 1, 3 or 6 to 20 digits. The sequence (后段码, 顺序码) is 1 to 12 digits.
 * Example: {@code 110001/000001}. JSON form: the text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param classCode the class code, digits
 * @param sequence the sequence code, digits
 */
public record ResourceCode(String classCode, String sequence) {

  /**
   * Creates a resource code.
   *
   * @param classCode the class code
   * @param sequence the sequence code
   * @throws GovdxException {@code GDX-1304} if either part is malformed
   * @throws NullPointerException if an argument is null
   */
  public ResourceCode {
    Objects.requireNonNull(classCode, "classCode == null");
    Objects.requireNonNull(sequence, "sequence == null");
    int n = classCode.length();
    if (!digits(classCode) || !(n == 1 || n == 3 || (n >= 6 && n <= 20))) {
      throw new GovdxException(
          CoreErrorCode.CATALOG_RESOURCE_CODE_MALFORMED,
          "class code must be 1, 3 or 6-20 digits (类 1 + 项 2 + 目 3 + 细目), got "
              + n
              + " characters");
    }
    if (!digits(sequence) || sequence.length() > 12) {
      throw new GovdxException(
          CoreErrorCode.CATALOG_RESOURCE_CODE_MALFORMED,
          "sequence code must be 1-12 digits, got '" + sequence + "'");
    }
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses {@code classCode/sequence}.
   *
   * @param text e.g. {@code 110001/000001}
   * @return the resource code
   * @throws GovdxException {@code GDX-1304} if the text is malformed
   * @throws NullPointerException if {@code text} is null
   */
  @JsonCreator
  public static ResourceCode parse(String text) {
    Objects.requireNonNull(text, "text == null");
    int slash = text.indexOf('/');
    if (slash < 0 || slash != text.lastIndexOf('/')) {
      throw new GovdxException(
          CoreErrorCode.CATALOG_RESOURCE_CODE_MALFORMED,
          "resource code must be classCode/sequence with exactly one '/', got '" + text + "'");
    }
    return new ResourceCode(text.substring(0, slash), text.substring(slash + 1));
  }

  /**
   * The text form {@code classCode/sequence}.
   *
   * @return the text form
   */
  @JsonValue
  @Override
  public String toString() {
    return classCode + "/" + sequence;
  }
}
