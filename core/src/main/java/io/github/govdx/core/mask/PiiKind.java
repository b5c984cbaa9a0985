package io.github.govdx.core.mask;

/**
 * The kinds of personal data a {@link MaskingPolicy} masks. Thread-safe.
 */
public enum PiiKind {
  /** A person's name (姓名). */
  NAME,
  /** An identity document number, e.g. a citizen ID number (身份证号). */
  ID_NUMBER,
  /** A telephone or mobile number (电话号码). */
  PHONE,
  /** A postal address (地址). */
  ADDRESS,
  /** An e-mail address (电子邮箱). */
  EMAIL,
  /** A bank card number (银行卡号). */
  BANK_CARD
}
