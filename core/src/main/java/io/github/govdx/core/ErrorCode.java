package io.github.govdx.core;

/**
 * A stable, searchable govdx error code such as {@code GDX-1101}.
 *
 * <p>Every module declares its codes once, in an enum that implements this interface
 * ({@link CoreErrorCode} for core), and a test checks that they are unique. Codes never change meaning
 * once released; a retired code is never reused. Ranges: {@code GDX-1xxx} core, {@code GDX-2xxx} crypto,
 * {@code GDX-3xxx} client and the exchange protocol, {@code GDX-4xxx} testkit, {@code GDX-5xxx} cli,
 * {@code GDX-6xxx} the Spring Boot starter.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ErrorCode {

  /**
   * The code itself, {@code "GDX-"} followed by four digits.
   *
   * @return the code, never {@code null}
   */
  String code();

  /**
   * A short English title of the rule or failure, e.g. {@code "check digit mismatch"}.
   *
   * @return the title, never {@code null}
   */
  String title();
}
