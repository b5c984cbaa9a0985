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

  /** A code table file is larger than the reader's size limit; it was not parsed. */
  CODE_TABLE_TOO_LARGE("GDX-1003", "code table file too large"),

  /** A code table file could not be read at all (I/O failure). */
  CODE_TABLE_UNREADABLE("GDX-1004", "code table file unreadable"),

  // GDX-11xx identifier checks

  /** An identifier has the wrong number of characters. */
  IDENT_LENGTH("GDX-1101", "wrong length"),

  /** An identifier contains a character outside the set its standard allows (at that position). */
  IDENT_CHARSET("GDX-1102", "character outside the allowed set"),

  /** The birth date of a citizen ID number is not a real calendar date (or is before 1800). */
  IDENT_BIRTH_DATE_INVALID("GDX-1103", "birth date invalid"),

  /** The birth date of a citizen ID number lies in the future. */
  IDENT_BIRTH_DATE_FUTURE("GDX-1104", "birth date in the future"),

  /** The province (first two digits of the GB/T 2260 address code) is not a known province. */
  IDENT_PROVINCE_UNKNOWN("GDX-1105", "unknown province"),

  /** The check character does not match (GB 11643 MOD 11-2, GB 11714 MOD 11, GB 32100 MOD 31). */
  IDENT_CHECK_DIGIT("GDX-1106", "check character mismatch"),

  /** The registration department code (GB 32100 position 1) is not in GB 32100 Table 1. */
  IDENT_DEPT_CODE("GDX-1107", "unknown registration department code"),

  /** The organisation category code (GB 32100 position 2) is not defined for its department. */
  IDENT_CATEGORY_CODE("GDX-1108", "unknown organisation category code"),

  /** The organisation code embedded in a credit code (positions 9-17) fails GB 11714. */
  IDENT_EMBEDDED_ORG_CODE("GDX-1109", "embedded organisation code invalid"),

  /** An organisation code lies in the GB 11714 range reserved for internal use (PDY00001-PDY99999). */
  IDENT_RESERVED_RANGE("GDX-1110", "reserved organisation code range"),

  /** A mobile number does not start with a mainland mobile prefix (1 followed by 3-9). */
  IDENT_MOBILE_PREFIX("GDX-1111", "not a mainland mobile prefix"),

  /** A postal code does not start with a mainland postal region (00 and 9x are not used). */
  IDENT_POSTAL_REGION("GDX-1112", "unknown postal region"),

  /** The region code of a credit code (positions 3-8) names no known province nor the national level. */
  IDENT_REGION_UNKNOWN("GDX-1113", "unknown registration region"),

  /** The value is empty or blank. */
  IDENT_EMPTY("GDX-1114", "empty value"),

  // GDX-12xx data elements and representation formats

  // GDX-13xx catalog entries

  // GDX-14xx record validation

  // GDX-15xx masking and party identifiers

  /** A party identifier is not a valid unified social credit code with an optional system code. */
  PARTY_ID_INVALID("GDX-1501", "invalid party identifier"),

  /** A data security level code is not known to the masking policy. */
  MASK_LEVEL_UNKNOWN("GDX-1502", "unknown data security level"),

  /** A masking rules file is malformed. */
  MASK_RULES_MALFORMED("GDX-1503", "malformed masking rules");

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
