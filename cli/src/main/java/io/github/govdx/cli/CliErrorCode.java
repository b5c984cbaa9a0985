package io.github.govdx.cli;

import io.github.govdx.core.ErrorCode;

/**
 * The error codes of the {@code govdx} command line ({@code GDX-5xxx}): failures of the command itself
 * (a bad command line, a file that cannot be read or written) as opposed to the checks it runs, which
 * report the codes of the library that made them ({@code GDX-1xxx} core, {@code GDX-2xxx} crypto).
 *
 * <p>Ranges: {@code GDX-50xx} command line and files, {@code GDX-51xx} command-specific preconditions,
 * {@code GDX-59xx} internal errors. Codes are stable: never renumber or reuse one. Thread-safe.
 */
public enum CliErrorCode implements ErrorCode {

  // GDX-50xx command line and files

  /** The command line could not be parsed: unknown option, missing or bad argument, missing subcommand. */
  USAGE("GDX-5001", "invalid command line"),

  /** An input file does not exist, is not a regular file or cannot be read. */
  FILE_UNREADABLE("GDX-5002", "input file unreadable"),

  /** An input file is larger than the command accepts; it was not parsed. */
  FILE_TOO_LARGE("GDX-5003", "input file too large"),

  /** An output file already exists; the command never overwrites files. */
  OUTPUT_EXISTS("GDX-5004", "output file exists"),

  /** An output file or directory could not be created or written. */
  FILE_UNWRITABLE("GDX-5005", "output file unwritable"),

  /** An input file (schema, catalog entry, key, certificate, record) is not in the expected format. */
  INPUT_MALFORMED("GDX-5006", "input file malformed"),

  // GDX-51xx command-specific preconditions

  /** A sealed envelope was given to a command without the receiver's private key needed to open it. */
  KEY_REQUIRED("GDX-5101", "private key required for a sealed envelope"),

  /** The party of a certificate could not be determined and no party was given. */
  PARTY_UNKNOWN("GDX-5102", "party of certificate unknown"),

  /** A private key and the certificate given with it do not belong together (other key or other party). */
  KEY_CERTIFICATE_MISMATCH("GDX-5103", "private key and certificate do not belong together"),

  /** {@code govdx codes lookup}: the code is not in the table (a failed check, exit 1). */
  CODE_NOT_FOUND("GDX-5104", "code not in table"),

  /** {@code govdx check-id}: the identifier type is not one govdx checks. */
  IDENTIFIER_TYPE_UNKNOWN("GDX-5105", "unknown identifier type"),

  /** A private key was given without its certificate, and none was found beside it ({@code cert.pem}). */
  CERTIFICATE_REQUIRED("GDX-5106", "own certificate required"),

  /**
   * Unused, kept so the released number is never reused: {@code validate --schema} used to fail with it while
   * govdx-core had no schema file form. Schema files are now read by {@code ResourceSchemas} and a bad one fails
   * with core's {@code GDX-1414} (exit 2). Never raised.
   *
   * @deprecated no longer raised; reserved.
   */
  @Deprecated
  SCHEMA_FILE_UNSUPPORTED("GDX-5107", "schema files not supported yet"),

  /** {@code govdx outbox retry}: no dead outbox entry has this id (unknown, or not dead). */
  OUTBOX_ENTRY_NOT_DEAD("GDX-5120", "outbox entry not dead"),

  /** {@code govdx push --outbox}: the receiver refused the push permanently; the entry is dead (exit 1). */
  OUTBOX_ENTRY_DEAD("GDX-5121", "outbox entry refused"),

  // GDX-59xx internal errors

  /** An unexpected internal error; the message says where. Please report it. */
  INTERNAL("GDX-5901", "internal error");

  private final String code;
  private final String title;

  CliErrorCode(String code, String title) {
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
