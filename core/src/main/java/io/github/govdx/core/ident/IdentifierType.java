package io.github.govdx.core.ident;

import java.util.Objects;
import java.util.Optional;

/**
 * The identifier kinds govdx checks, each with a stable key for configuration and schemas.
 *
 * <p>Thread-safe.
 */
public enum IdentifierType {

  /** 公民身份号码, GB 11643-1999 (18 characters; 15-digit legacy numbers recognised). Key {@code gb11643}. */
  CITIZEN_ID("gb11643"),

  /** 统一社会信用代码, GB 32100-2015 (18 characters). Key {@code gb32100}. */
  UNIFIED_SOCIAL_CREDIT_CODE("gb32100"),

  /** 组织机构代码, GB 11714-1997 ({@code XXXXXXXX-X}, hyphen optional). Key {@code gb11714}. */
  ORGANIZATION_CODE("gb11714"),

  /** A mainland China mobile number (11 digits, optional {@code +86}). Key {@code mobile}. */
  MOBILE_PHONE("mobile"),

  /** A mainland China postal code (邮政编码, 6 digits). Key {@code postal}. */
  POSTAL_CODE("postal");

  private final String key;

  IdentifierType(String key) {
    this.key = key;
  }

  /**
   * The stable key, e.g. {@code "gb11643"}.
   *
   * @return the key
   */
  public String key() {
    return key;
  }

  /**
   * The type with the given key.
   *
   * @param key the key, e.g. {@code "gb32100"}
   * @return the type, or empty if no type has that key
   * @throws NullPointerException if {@code key} is null
   */
  public static Optional<IdentifierType> fromKey(String key) {
    Objects.requireNonNull(key, "key == null");
    for (IdentifierType t : values()) {
      if (t.key.equals(key)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * Checks a value. Never throws on bad input.
   *
   * @param value the value to check
   * @return the result naming the first failed rule, or {@link CheckResult#valid()}
   * @throws NullPointerException if {@code value} is null
   */
  public CheckResult check(String value) {
    Objects.requireNonNull(value, "value == null");
    switch (this) {
      case CITIZEN_ID:
        return CitizenIdNumber.check(value);
      case UNIFIED_SOCIAL_CREDIT_CODE:
        return UnifiedSocialCreditCode.check(value);
      case ORGANIZATION_CODE:
        return OrganizationCode.check(value);
      case MOBILE_PHONE:
        return PhoneAndPostal.checkMobile(value);
      case POSTAL_CODE:
        return PhoneAndPostal.checkPostal(value);
      default:
        throw new AssertionError(this);
    }
  }
}
