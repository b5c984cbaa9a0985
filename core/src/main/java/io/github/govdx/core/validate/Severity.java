package io.github.govdx.core.validate;

/** The severity of a {@link Violation}. Thread-safe. */
public enum Severity {
  /** The record breaks a rule and must not be used as is. */
  ERROR,
  /** The record is usable but something should be looked at (e.g. the report was truncated). */
  WARNING
}
