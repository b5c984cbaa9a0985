package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An error answer of the sandbox: a wire code, an English detail (no personal data), and optional extras. Thrown
 * by handlers and turned into the protocol's error body ({@code docs/protocol.md} §3) by the server. Not a govdx
 * API exception: it never leaves the sandbox. Immutable.
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final WireCode wireCode;
  private final String source;
  private final int status;
  private final @Nullable Duration retryAfter;
  private final transient @Nullable ArrayNode details;
  private final @Nullable Instant serverTime;

  /**
   * Creates an error with the code's own status and source.
   *
   * @param wireCode the code
   * @param detail the English detail, without personal data
   */
  public ApiException(WireCode wireCode, String detail) {
    this(wireCode, detail, wireCode.source(), wireCode.status(), null, null, null);
  }

  /**
   * Creates an error.
   *
   * @param wireCode the code
   * @param detail the detail
   * @param source the source
   * @param status the status
   * @param retryAfter the {@code Retry-After}, or null
   * @param details the {@code details} array, or null
   * @param serverTime the {@code serverTime} member, or null
   */
  public ApiException(
      WireCode wireCode,
      String detail,
      String source,
      int status,
      @Nullable Duration retryAfter,
      @Nullable ArrayNode details,
      @Nullable Instant serverTime) {
    super(
        wireCode.code() + ": " + Objects.requireNonNull(detail, "detail == null"),
        null,
        false,
        false);
    this.wireCode = wireCode;
    this.source = source;
    this.status = status;
    this.retryAfter = retryAfter;
    this.details = details;
    this.serverTime = serverTime;
  }

  /**
   * A copy with {@code Retry-After}.
   *
   * @param delay the delay
   * @return the copy
   */
  public ApiException withRetryAfter(Duration delay) {
    return new ApiException(wireCode, detail(), source, status, delay, details, serverTime);
  }

  /**
   * A copy with a {@code details} array.
   *
   * @param array the details
   * @return the copy
   */
  public ApiException withDetails(ArrayNode array) {
    return new ApiException(wireCode, detail(), source, status, retryAfter, array, serverTime);
  }

  /**
   * A copy with {@code serverTime}.
   *
   * @param time the server clock
   * @return the copy
   */
  public ApiException withServerTime(Instant time) {
    return new ApiException(wireCode, detail(), source, status, retryAfter, details, time);
  }

  private String detail() {
    String m = getMessage();
    return m.substring(m.indexOf(": ") + 2);
  }

  /**
   * The wire code.
   *
   * @return the code
   */
  public WireCode wireCode() {
    return wireCode;
  }

  /**
   * The source member.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * The status.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * The {@code Retry-After}, or null.
   *
   * @return the delay
   */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /**
   * The details, or null.
   *
   * @return the details
   */
  public @Nullable ArrayNode details() {
    return details;
  }

  /**
   * The server time, or null.
   *
   * @return the instant
   */
  public @Nullable Instant serverTime() {
    return serverTime;
  }
}
