package io.github.govdx.client.internal;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Syntax checks of protocol identifiers ({@code docs/protocol.md} sections 1 and 2). */
public final class Keys {

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{16,128}");
  private static final Pattern RESOURCE_CODE =
      Pattern.compile("[0-9A-Za-z]{1,32}/[0-9A-Za-z]{1,32}");
  private static final Pattern OBJECT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private Keys() {}

  /**
   * Checks an idempotency key: 16 to 128 characters of {@code [A-Za-z0-9._:-]}.
   *
   * @param key the key
   * @return the key
   * @throws IllegalArgumentException if malformed
   */
  public static String checkIdempotencyKey(String key) {
    Objects.requireNonNull(key, "key == null");
    if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "idempotency key must be 16-128 characters of [A-Za-z0-9._:-]");
    }
    return key;
  }

  /**
   * Checks a resource code: {@code classCode/sequence}, each part 1 to 32 of {@code [0-9A-Za-z]}.
   *
   * @param code the code
   * @return the code
   * @throws IllegalArgumentException if malformed
   */
  public static String checkResourceCode(String code) {
    Objects.requireNonNull(code, "resourceCode == null");
    if (!RESOURCE_CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "resource code must be classCode/sequence of [0-9A-Za-z]: " + code);
    }
    return code;
  }

  /**
   * Checks a platform object id (application, subscription, objection, cursor) used in a path.
   *
   * @param id the id
   * @param what what it is, for the message
   * @return the id
   * @throws IllegalArgumentException if malformed
   */
  public static String checkId(String id, String what) {
    Objects.requireNonNull(id, what + " == null");
    if (!OBJECT_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(what + " must be 1-128 characters of [A-Za-z0-9._:-]");
    }
    return id;
  }

  /** @return a fresh random idempotency key (a UUID) */
  public static String newIdempotencyKey() {
    return UUID.randomUUID().toString();
  }
}
