package io.github.govdx.core.ident;

import io.github.govdx.core.CoreErrorCode;

/** Mobile number and postal code checks. Stateless and thread-safe. */
final class PhoneAndPostal {

  private PhoneAndPostal() {}

  /** 11 digits, optional +86 prefix, 1 then 3-9 (MIIT numbering plan for mobile networks). */
  static CheckResult checkMobile(String value) {
    if (value.isBlank()) {
      return CheckResult.invalid(CoreErrorCode.IDENT_EMPTY, "empty", "the value is empty");
    }
    String v = value.startsWith("+86") ? value.substring(3) : value;
    if (v.length() != 11) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_LENGTH,
          "length",
          "a mainland mobile number has 11 digits (optionally after +86), found " + v.length());
    }
    for (int i = 0; i < 11; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return CheckResult.invalid(
            CoreErrorCode.IDENT_CHARSET, "charset", "position " + (i + 1) + " must be a digit");
      }
    }
    if (v.charAt(0) != '1' || v.charAt(1) < '3') {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_MOBILE_PREFIX,
          "mobile-prefix",
          "a mainland mobile number starts with 1 followed by 3-9");
    }
    return CheckResult.valid();
  }

  /** 6 digits; the first digit 0-8 and the first two not 00 (the mainland postal regions). */
  static CheckResult checkPostal(String v) {
    if (v.isBlank()) {
      return CheckResult.invalid(CoreErrorCode.IDENT_EMPTY, "empty", "the value is empty");
    }
    if (v.length() != 6) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_LENGTH, "length", "a postal code has 6 digits, found " + v.length());
    }
    for (int i = 0; i < 6; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return CheckResult.invalid(
            CoreErrorCode.IDENT_CHARSET, "charset", "position " + (i + 1) + " must be a digit");
      }
    }
    if (v.charAt(0) == '9' || v.startsWith("00")) {
      return CheckResult.invalid(
          CoreErrorCode.IDENT_POSTAL_REGION,
          "postal-region",
          "the first two digits name no mainland postal region (00 and 9x are not used)");
    }
    return CheckResult.valid();
  }
}
