package io.github.govdx.core.validate;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of validating one record, an array or a stream: the violations (at most the configured cap),
 * how many more were counted but dropped, how many records were checked and how many were invalid.
 *
 * <p>Immutable and thread-safe.
 */
public final class ValidationReport {

  private final List<Violation> violations;
  private final long droppedViolations;
  private final long recordsChecked;
  private final long invalidRecords;

  ValidationReport(
      List<Violation> violations,
      long droppedViolations,
      long recordsChecked,
      long invalidRecords) {
    this.violations = List.copyOf(violations);
    this.droppedViolations = droppedViolations;
    this.recordsChecked = recordsChecked;
    this.invalidRecords = invalidRecords;
  }

  /**
   * Whether every record passed.
   *
   * @return {@code true} if there were no violations at all
   */
  public boolean isValid() {
    return invalidRecords == 0 && violations.isEmpty() && droppedViolations == 0;
  }

  /**
   * The reported violations, in record order, then in the order the validator found them.
   *
   * @return an unmodifiable list of at most the configured cap
   */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * How many violations were found beyond the cap and therefore not listed.
   *
   * @return the number of dropped violations
   */
  public long droppedViolations() {
    return droppedViolations;
  }

  /**
   * How many records were checked (1 for a single record).
   *
   * @return the record count
   */
  public long recordsChecked() {
    return recordsChecked;
  }

  /**
   * How many records had at least one violation.
   *
   * @return the invalid record count
   */
  public long invalidRecords() {
    return invalidRecords;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ValidationReport)) {
      return false;
    }
    ValidationReport r = (ValidationReport) o;
    return violations.equals(r.violations)
        && droppedViolations == r.droppedViolations
        && recordsChecked == r.recordsChecked
        && invalidRecords == r.invalidRecords;
  }

  @Override
  public int hashCode() {
    return Objects.hash(violations, droppedViolations, recordsChecked, invalidRecords);
  }

  @Override
  public String toString() {
    return "ValidationReport{records="
        + recordsChecked
        + ", invalid="
        + invalidRecords
        + ", violations="
        + violations.size()
        + ", dropped="
        + droppedViolations
        + "}";
  }
}
