package io.github.govdx.core.ident;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of an identifier check: valid, or the first failed rule with its stable {@code GDX-11xx} code,
 * a short rule name (e.g. {@code "check-digit"}) and an English reason. The reason never contains the full
 * checked value, so results can be logged.
 *
 * <p>Immutable and thread-safe; equal when all parts are equal.
 */
public final class CheckResult {

  private static final CheckResult VALID = new CheckResult(null, "", "");

  private final @Nullable CoreErrorCode errorCode;
  private final String rule;
  private final String reason;

  private CheckResult(@Nullable CoreErrorCode errorCode, String rule, String reason) {
    this.errorCode = errorCode;
    this.rule = rule;
    this.reason = reason;
  }

  /**
   * The result of a passed check.
   *
   * @return the valid result
   */
  public static CheckResult valid() {
    return VALID;
  }

  /**
   * The result of a failed check.
   *
   * @param errorCode the code of the failed rule
   * @param rule the short rule name, e.g. {@code "check-digit"}
   * @param reason an English reason that does not contain the full checked value
   * @return the invalid result
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code rule} is empty
   */
  public static CheckResult invalid(CoreErrorCode errorCode, String rule, String reason) {
    Objects.requireNonNull(errorCode, "errorCode == null");
    Objects.requireNonNull(rule, "rule == null");
    Objects.requireNonNull(reason, "reason == null");
    if (rule.isEmpty()) {
      throw new IllegalArgumentException("rule is empty");
    }
    return new CheckResult(errorCode, rule, reason);
  }

  /**
   * Whether the value passed every rule.
   *
   * @return {@code true} if valid
   */
  public boolean isValid() {
    return errorCode == null;
  }

  /**
   * The code of the failed rule.
   *
   * @return the code, empty if valid
   */
  public Optional<CoreErrorCode> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * The short name of the failed rule, e.g. {@code "length"}, {@code "birth-date"}, {@code "check-digit"}.
   *
   * @return the rule name, empty text if valid
   */
  public String rule() {
    return rule;
  }

  /**
   * Why the rule failed, in English, without the full checked value.
   *
   * @return the reason, empty text if valid
   */
  public String reason() {
    return reason;
  }

  /**
   * Throws if this result is invalid.
   *
   * @throws GovdxException with the failed rule's code if invalid
   */
  public void orThrow() {
    if (errorCode != null) {
      throw new GovdxException(errorCode, rule + ": " + reason);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CheckResult)) {
      return false;
    }
    CheckResult that = (CheckResult) o;
    return errorCode == that.errorCode && rule.equals(that.rule) && reason.equals(that.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(errorCode, rule, reason);
  }

  @Override
  public String toString() {
    return errorCode == null
        ? "CheckResult{valid}"
        : "CheckResult{" + errorCode.code() + " " + rule + ": " + reason + "}";
  }
}
