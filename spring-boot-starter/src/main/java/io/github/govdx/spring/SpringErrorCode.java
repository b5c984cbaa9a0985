package io.github.govdx.spring;

import io.github.govdx.core.ErrorCode;

/**
 * The error codes of govdx-spring-boot-starter ({@code GDX-60xx}): a {@code govdx.*} configuration that cannot
 * work, found while the application context starts. Each is raised as a {@link GovdxConfigurationException}
 * naming the property, and reported by Spring Boot's failure analysis in one line. Codes are stable: never
 * renumbered or reused. Thread-safe.
 */
public enum SpringErrorCode implements ErrorCode {

  /** A required property is not set. */
  PROPERTY_MISSING("GDX-6001", "required property missing"),

  /** {@code govdx.party-id} is not a valid party id (GB 32100 code, optionally {@code /system}). */
  PARTY_ID_INVALID("GDX-6002", "party id invalid"),

  /** A key, certificate, trust anchor or PKCS#11 configuration file does not exist or cannot be read. */
  FILE_MISSING("GDX-6003", "file missing or unreadable"),

  /** A key, certificate or key store file does not hold usable key material (or its password is wrong). */
  KEY_MATERIAL_INVALID("GDX-6004", "key material invalid"),

  /** The certificate does not hold the private key's public key, or names another party. */
  KEY_CERTIFICATE_MISMATCH("GDX-6005", "key and certificate do not match"),

  /** The party certificate is expired or not yet valid. */
  CERTIFICATE_NOT_VALID("GDX-6006", "certificate expired or not yet valid"),

  /** {@code govdx.endpoint} is not an absolute http(s) URI. */
  ENDPOINT_INVALID("GDX-6007", "exchange endpoint invalid"),

  /** The configured store cannot be built: its module is not on the class path, or the bean it needs is missing. */
  STORE_UNAVAILABLE("GDX-6008", "state store unavailable"),

  /** A provider handler names no resource, or a resource's catalog detail could not be had. */
  PROVIDER_HANDLER_INVALID("GDX-6009", "provider handler invalid"),

  /** A property has a value that cannot work (an unknown scheme, a secret that is not Base64, a suite mismatch). */
  PROPERTY_INVALID("GDX-6010", "property value invalid");

  private final String code;
  private final String title;

  SpringErrorCode(String code, String title) {
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
