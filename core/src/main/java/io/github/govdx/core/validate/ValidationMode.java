package io.github.govdx.core.validate;

/** Whether validation stops at a record's first violation or collects all of them. Thread-safe. */
public enum ValidationMode {
  /** Report every violation of every record (up to the report cap). */
  COLLECT_ALL,
  /** Stop checking a record at its first violation (a stream still goes on to the next record). */
  FAIL_FAST
}
