package io.github.govdx.testkit;

import io.github.govdx.core.ErrorCode;

/**
 * The error codes of govdx-testkit ({@code GDX-4xxx}): failures of the sandbox itself, never of the exchange
 * protocol (errors on the wire use the protocol's {@code GDX-3xxx} codes, {@code docs/protocol.md} §14).
 *
 * <p>Ranges: {@code GDX-40xx} seed data, {@code GDX-41xx} sandbox life cycle and test credentials. Codes are
 * stable: never renumbered or reused. Thread-safe.
 */
public enum TestkitErrorCode implements ErrorCode {

  /** A seed file (catalog, parties, datasets) is missing a member, malformed or inconsistent. */
  SEED_INVALID("GDX-4001", "invalid seed data"),

  /** A seed file or directory could not be read. */
  SEED_UNREADABLE("GDX-4002", "seed data unreadable"),

  /** The sandbox could not bind its port or start its server. */
  START_FAILED("GDX-4101", "sandbox could not start"),

  /** The generated test credentials could not be written. */
  CREDENTIALS_WRITE_FAILED("GDX-4102", "test credentials could not be written"),

  /** A party alias or id is not known to the sandbox. */
  PARTY_UNKNOWN("GDX-4103", "party unknown to the sandbox"),

  /** An application, objection or resource named through the sandbox's own API does not exist. */
  OBJECT_UNKNOWN("GDX-4104", "object unknown to the sandbox"),

  /** A transition requested through the sandbox's own API is not allowed from the current state. */
  TRANSITION_NOT_ALLOWED("GDX-4105", "state transition not allowed");

  private final String code;
  private final String title;

  TestkitErrorCode(String code, String title) {
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
