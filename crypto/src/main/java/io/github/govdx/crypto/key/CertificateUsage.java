package io.github.govdx.crypto.key;

/**
 * What a party certificate's key may be used for, by its keyUsage extension (RFC 5280 section 4.2.1.3). Chinese
 * CAs issue a department two certificates (双证书, GB/T 20518, GM/T 0015): a signing certificate whose key the
 * department generated and keeps, and an encryption certificate whose key the CA's key management centre generated
 * and escrows. govdx signs with the signing key, seals to the receiver's encryption certificate, and refuses a
 * signature made with a certificate that does not allow signing ({@code GDX-2207}).
 */
public enum CertificateUsage {
  /** Signing only: {@code digitalSignature}, {@code nonRepudiation}. */
  SIGNING,
  /** Encryption only: {@code keyEncipherment}, {@code dataEncipherment}, {@code keyAgreement}. */
  ENCRYPTION,
  /** One certificate for both (the single-certificate form). */
  BOTH
}
