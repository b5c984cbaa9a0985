package io.github.govdx.core;

/**
 * The error codes of govdx-core ({@code GDX-1xxx}).
 *
 * <p>Ranges: {@code GDX-10xx} code tables, {@code GDX-11xx} identifier checks, {@code GDX-12xx} data
 * elements and representation formats, {@code GDX-13xx} catalog entries, {@code GDX-14xx} record
 * validation, {@code GDX-15xx} masking and party identifiers. Codes are stable: never renumber or reuse
 * one. Thread-safe.
 */
public enum CoreErrorCode implements ErrorCode {

  // GDX-10xx code tables

  /** A code table file could not be read or parsed. */
  CODE_TABLE_MALFORMED("GDX-1001", "malformed code table"),

  /** A requested code table is not known to the registry. */
  CODE_TABLE_UNKNOWN("GDX-1002", "unknown code table"),

  // GDX-11xx identifier checks

  // GDX-12xx data elements and representation formats

  // GDX-13xx catalog entries

  // GDX-14xx record validation

  // GDX-15xx masking and party identifiers

  /** A party identifier is not a valid unified social credit code with an optional system code. */
  PARTY_ID_INVALID("GDX-1501", "invalid party identifier");

  private final String code;
  private final String title;

  CoreErrorCode(String code, String title) {
    this.code = code;
    this.title = title;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String title() {
    return title;
  }
}
