package io.github.govdx.core.party;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.ident.CheckResult;
import io.github.govdx.core.ident.UnifiedSocialCreditCode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The identifier of a party on the exchange: a department's unified social credit code (统一社会信用代码,
 * GB 32100-2015) and, optionally, a system code naming one of its systems.
 *
 * <p>The text form is {@code USCC} or {@code USCC/system}, e.g. {@code 11320500014160478L/hotline}. The
 * system code is 1 to 32 characters of lower-case ASCII letters, digits, {@code -} and {@code _}, starting
 * with a letter or digit. {@link #parse(String)} checks the credit code with every GB 32100 rule of
 * {@link UnifiedSocialCreditCode#check(String)} (character set, department and category codes, region, embedded
 * GB 11714 code, MOD 31 check character); bad input raises a {@link GovdxException} with code {@link CoreErrorCode#PARTY_ID_INVALID}.
 *
 * <p>Immutable and thread-safe; equal when both parts are equal.
 */
public final class PartyId implements Comparable<PartyId> {

  private static final Pattern SYSTEM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  private final String creditCode;
  private final @Nullable String system;

  private PartyId(String creditCode, @Nullable String system) {
    this.creditCode = creditCode;
    this.system = system;
  }

  /**
   * Parses {@code USCC} or {@code USCC/system}.
   *
   * @param text the party id text
   * @return the party id
   * @throws GovdxException {@code GDX-1501} if the text is not a valid party id
   * @throws NullPointerException if {@code text} is null
   */
  public static PartyId parse(String text) {
    Objects.requireNonNull(text, "text == null");
    int slash = text.indexOf('/');
    if (slash < 0) {
      return of(text, null);
    }
    return of(text.substring(0, slash), text.substring(slash + 1));
  }

  /**
   * Creates a party id from a credit code and an optional system code.
   *
   * @param creditCode the department's unified social credit code (18 characters)
   * @param system the system code, or {@code null} for the department itself
   * @return the party id
   * @throws GovdxException {@code GDX-1501} if either part is invalid
   * @throws NullPointerException if {@code creditCode} is null
   */
  public static PartyId of(String creditCode, @Nullable String system) {
    Objects.requireNonNull(creditCode, "creditCode == null");
    String reason = creditCodeProblem(creditCode);
    if (reason != null) {
      throw new GovdxException(CoreErrorCode.PARTY_ID_INVALID, "credit code " + reason);
    }
    if (system != null && !SYSTEM.matcher(system).matches()) {
      throw new GovdxException(
          CoreErrorCode.PARTY_ID_INVALID,
          "system code must be 1-32 of [a-z0-9_-], starting with a letter or digit");
    }
    return new PartyId(creditCode, system);
  }

  /**
   * Whether {@code text} is a valid party id.
   *
   * @param text the text to check, may be {@code null}
   * @return {@code true} if {@link #parse(String)} would accept it
   */
  public static boolean isValid(@Nullable String text) {
    if (text == null) {
      return false;
    }
    try {
      parse(text);
      return true;
    } catch (GovdxException e) {
      return false;
    }
  }

  private static @Nullable String creditCodeProblem(String code) {
    CheckResult r = UnifiedSocialCreditCode.check(code);
    return r.isValid()
        ? null
        : "fails GB 32100 rule "
            + r.rule()
            + " ("
            + r.errorCode().orElseThrow().code()
            + "): "
            + r.reason();
  }

  /**
   * The department's unified social credit code.
   *
   * @return the 18-character credit code
   */
  public String creditCode() {
    return creditCode;
  }

  /**
   * The system code, when this party is one system of a department.
   *
   * @return the system code, or empty for the department itself
   */
  public Optional<String> system() {
    return Optional.ofNullable(system);
  }

  /**
   * The department this party belongs to (this id without its system code).
   *
   * @return the department's party id
   */
  public PartyId department() {
    return system == null ? this : new PartyId(creditCode, null);
  }

  @Override
  public int compareTo(PartyId other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PartyId)) {
      return false;
    }
    PartyId that = (PartyId) o;
    return creditCode.equals(that.creditCode) && Objects.equals(system, that.system);
  }

  @Override
  public int hashCode() {
    return Objects.hash(creditCode, system);
  }

  /** Returns the text form, {@code USCC} or {@code USCC/system}. */
  @Override
  public String toString() {
    return system == null ? creditCode : creditCode + "/" + system;
  }
}
