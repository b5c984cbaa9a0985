package io.github.govdx.core;

/**
 * The error codes of govdx-core ({@code GDX-1xxx}).
 *
 * <p>Ranges: {@code GDX-10xx} code tables, {@code GDX-11xx} identifier checks, {@code GDX-12xx} data
 * elements and representation formats, {@code GDX-13xx} catalog entries, {@code GDX-14xx} record
 * validation, {@code GDX-15xx} masking and party identifiers, {@code GDX-16xx} shared state stores. Codes are stable: never renumber or reuse
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

  /** A representation format (表示格式) such as {@code an..18} does not follow the GB/T 39046 §5.3 grammar. */
  REPRESENTATION_FORMAT_MALFORMED("GDX-1201", "malformed representation format"),

  /** A data element definition is incomplete or inconsistent (e.g. a date type with a text format). */
  DATA_ELEMENT_INVALID("GDX-1202", "invalid data element"),

  /** A data element identifier is not in the data element catalogue. */
  DATA_ELEMENT_UNKNOWN("GDX-1203", "unknown data element"),

  /** A data element catalogue file could not be read or parsed. */
  DATA_ELEMENT_CATALOGUE_MALFORMED("GDX-1204", "malformed data element catalogue"),

  // GDX-13xx catalog entries

  /** A catalog entry misses core metadata required by the 2017 catalog guide (e.g. name, provider, items). */
  CATALOG_ENTRY_INCOMPLETE("GDX-1301", "catalog entry incomplete"),

  /** A conditionally shared (有条件共享) resource does not state its sharing conditions (共享条件). */
  CATALOG_SHARE_CONDITIONS_MISSING("GDX-1302", "sharing conditions missing"),

  /** A resource that is not shared (不予共享) does not cite its legal basis. */
  CATALOG_LEGAL_BASIS_MISSING("GDX-1303", "legal basis for not sharing missing"),

  /** A resource code (信息资源代码) is not {@code classCode/sequence}. */
  CATALOG_RESOURCE_CODE_MALFORMED("GDX-1304", "malformed resource code"),

  /** A coded catalog value (share type, update cycle, format, item data type, level) is not in its code list. */
  CATALOG_CODE_UNKNOWN("GDX-1305", "catalog code not in its code list"),

  /** A catalog item refers to a code table, data element or identifier check that is not known. */
  CATALOG_REFERENCE_UNKNOWN("GDX-1306", "catalog item reference unknown"),

  /** Two catalog items share one name or one field key. */
  CATALOG_ITEM_DUPLICATE("GDX-1307", "duplicate catalog item"),

  /** A catalog entry document is not well-formed JSON or does not map to a catalog entry. */
  CATALOG_ENTRY_MALFORMED("GDX-1308", "malformed catalog entry document"),

  /** Open to society (向社会开放) with conditions, or an item format that does not parse. */
  CATALOG_ITEM_INVALID("GDX-1309", "invalid catalog item"),

  // GDX-14xx record validation

  /** A required item is missing from a record. */
  RECORD_REQUIRED_MISSING("GDX-1401", "required item missing"),

  /** An item has the wrong JSON type (e.g. a number where text is required). */
  RECORD_TYPE_MISMATCH("GDX-1402", "wrong value type"),

  /** An item is shorter or longer than its representation format allows. */
  RECORD_LENGTH_OUT_OF_RANGE("GDX-1403", "length out of range"),

  /** An item's characters do not match its representation format (e.g. letters in an {@code n} item). */
  RECORD_FORMAT_MISMATCH("GDX-1404", "representation format mismatch"),

  /** A date or date-time item is not a real calendar date or time (e.g. 20230229, 246000). */
  RECORD_DATE_INVALID("GDX-1405", "invalid date or time"),

  /** A numeric item has more digits or decimals than its format {@code n..p,q} allows. */
  RECORD_NUMBER_PRECISION("GDX-1406", "number precision exceeded"),

  /** A coded item's value is not in the code table (edition) it references. */
  RECORD_CODE_NOT_IN_TABLE("GDX-1407", "code not in code table"),

  /** An identifier item fails its check (GB 11643, GB 32100, GB 11714, mobile, postal code). */
  RECORD_IDENTIFIER_INVALID("GDX-1408", "identifier check failed"),

  /** A record carries an item the resource schema does not define. */
  RECORD_UNKNOWN_ITEM("GDX-1409", "unknown item"),

  /** A record breaks another JSON Schema rule (array size, e-mail format, enumeration). */
  RECORD_CONSTRAINT_VIOLATED("GDX-1410", "schema constraint violated"),

  /** An input exceeds a configured limit (size, nesting depth, string length, number length). */
  RECORD_LIMIT_EXCEEDED("GDX-1411", "input limit exceeded"),

  /** An input is not well-formed JSON (or NDJSON, or not a JSON array where one is expected). */
  RECORD_MALFORMED("GDX-1412", "malformed record input"),

  /** A resource schema cannot be compiled (unknown code table or identifier check, bad format). */
  RESOURCE_SCHEMA_INVALID("GDX-1413", "invalid resource schema"),

  /**
   * A resource schema file (the JSON form read by {@code ResourceSchemas.fromJson}) is not JSON, exceeds a
   * limit, or has a bad attribute; the message names the JSON Pointer and the problem.
   */
  RESOURCE_SCHEMA_FILE_MALFORMED("GDX-1414", "malformed resource schema file"),

  // GDX-15xx masking and party identifiers

  /** A party identifier is not a valid unified social credit code with an optional system code. */
  PARTY_ID_INVALID("GDX-1501", "invalid party identifier"),

  /** A data security level code is not known to the masking policy. */
  MASK_LEVEL_UNKNOWN("GDX-1502", "unknown data security level"),

  /** A masking rules file is malformed. */
  MASK_RULES_MALFORMED("GDX-1503", "malformed masking rules"),

  // GDX-16xx shared state stores (DESIGN section 7)

  /**
   * A shared state store (replay cache, nonce cache, idempotency store, rate limiter, evidence store,
   * outbox) did not answer in time or failed; the call was refused rather than accepted unchecked.
   * Retryable: the same call can succeed once the store is back.
   */
  STATE_STORE_UNAVAILABLE("GDX-1601", "state store unavailable"),

  /**
   * A shared state store answered, but is not usable as configured (its tables are missing, or hold data
   * this version cannot read). Not retryable: fix the configuration or run the shipped DDL.
   */
  STATE_STORE_MISCONFIGURED("GDX-1602", "state store misconfigured");

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
