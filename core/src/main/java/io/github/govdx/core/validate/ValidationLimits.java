package io.github.govdx.core.validate;

/**
 * Limits on record input, enforced while reading (with Jackson's {@code StreamReadConstraints} and govdx's
 * own line reader) so that oversized or hostile input is refused before it costs memory.
 *
 * <p>Defaults: document 16 MiB, NDJSON line 1 MiB, nesting depth 32, string 1,000,000 characters, number
 * 100 characters, property name 1,000 characters. Immutable and thread-safe.
 *
 * @param maxDocumentBytes the largest single document or JSON array, in bytes (or chars for text input)
 * @param maxRecordBytes the largest NDJSON line, in bytes
 * @param maxNestingDepth the deepest nesting of arrays and objects
 * @param maxStringLength the longest string value, in characters
 * @param maxNumberLength the longest number literal, in characters
 * @param maxNameLength the longest property name, in characters
 */
public record ValidationLimits(
    long maxDocumentBytes,
    int maxRecordBytes,
    int maxNestingDepth,
    int maxStringLength,
    int maxNumberLength,
    int maxNameLength) {

  private static final ValidationLimits DEFAULTS =
      new ValidationLimits(16L * 1024 * 1024, 1024 * 1024, 32, 1_000_000, 100, 1_000);

  /**
   * Creates limits.
   *
   * @param maxDocumentBytes max document size
   * @param maxRecordBytes max NDJSON line size
   * @param maxNestingDepth max depth
   * @param maxStringLength max string length
   * @param maxNumberLength max number length
   * @param maxNameLength max property name length
   * @throws IllegalArgumentException if a limit is below 1
   */
  public ValidationLimits {
    if (maxDocumentBytes < 1
        || maxRecordBytes < 1
        || maxNestingDepth < 1
        || maxStringLength < 1
        || maxNumberLength < 1
        || maxNameLength < 1) {
      throw new IllegalArgumentException("every limit must be at least 1");
    }
  }

  /**
   * The default limits.
   *
   * @return the defaults
   */
  public static ValidationLimits defaults() {
    return DEFAULTS;
  }

  /**
   * A copy with another document limit.
   *
   * @param bytes the new limit
   * @return the new limits
   */
  public ValidationLimits withMaxDocumentBytes(long bytes) {
    return new ValidationLimits(
        bytes, maxRecordBytes, maxNestingDepth, maxStringLength, maxNumberLength, maxNameLength);
  }

  /**
   * A copy with another NDJSON line limit.
   *
   * @param bytes the new limit
   * @return the new limits
   */
  public ValidationLimits withMaxRecordBytes(int bytes) {
    return new ValidationLimits(
        maxDocumentBytes, bytes, maxNestingDepth, maxStringLength, maxNumberLength, maxNameLength);
  }

  /**
   * A copy with another depth limit.
   *
   * @param depth the new limit
   * @return the new limits
   */
  public ValidationLimits withMaxNestingDepth(int depth) {
    return new ValidationLimits(
        maxDocumentBytes, maxRecordBytes, depth, maxStringLength, maxNumberLength, maxNameLength);
  }

  /**
   * A copy with another string limit.
   *
   * @param chars the new limit
   * @return the new limits
   */
  public ValidationLimits withMaxStringLength(int chars) {
    return new ValidationLimits(
        maxDocumentBytes, maxRecordBytes, maxNestingDepth, chars, maxNumberLength, maxNameLength);
  }

  /**
   * A copy with another number-length limit.
   *
   * @param chars the new limit
   * @return the new limits
   */
  public ValidationLimits withMaxNumberLength(int chars) {
    return new ValidationLimits(
        maxDocumentBytes, maxRecordBytes, maxNestingDepth, maxStringLength, chars, maxNameLength);
  }
}
