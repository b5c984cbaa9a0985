package io.github.govdx.testkit;

/**
 * How the sandbox reviews access applications ({@code docs/protocol.md} §8) for resources whose provider does not
 * decide itself. Thread-safe.
 */
public enum ReviewMode {
  /**
   * Every application is approved as it is submitted ({@code submitted → under_review → approved}, recorded
   * before the {@code 201} is sent, so the next status call sees {@code approved}; the {@code 201} body itself
   * shows {@code submitted}).
   */
  AUTO_APPROVE,
  /** Every application is rejected as it is submitted, with a reason naming the sandbox. */
  AUTO_REJECT,
  /**
   * Applications stay {@code submitted} until the provider decides over HTTP ({@code /decision}) or the test
   * decides through {@link ExchangeSandbox#approve(String, String)} and {@link ExchangeSandbox#reject(String,
   * String)}.
   */
  MANUAL
}
