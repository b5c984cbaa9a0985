package io.github.govdx.core.state;

import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A shared state store could not answer, so the call that needed it fails closed (DESIGN section 7): a
 * replay, nonce or idempotency check that cannot be made is never treated as passed.
 *
 * <p>{@code GDX-1601} ({@link CoreErrorCode#STATE_STORE_UNAVAILABLE}, retryable) when the store timed out or
 * failed: the same call can succeed once the store is back. {@code GDX-1602}
 * ({@link CoreErrorCode#STATE_STORE_MISCONFIGURED}, not retryable) when the store answers but is not usable as
 * configured (missing tables, unreadable data). The message names the store and the operation, never a key
 * value that could carry personal data.
 *
 * <p>Immutable and thread-safe once thrown.
 */
public class StateStoreException extends GovdxException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code {@link CoreErrorCode#STATE_STORE_UNAVAILABLE} or {@link CoreErrorCode#STATE_STORE_MISCONFIGURED}
   * @param detail which store and operation failed, without key values
   * @param cause the driver's exception, or {@code null}
   * @throws IllegalArgumentException if {@code code} is not one of the two state store codes
   */
  public StateStoreException(CoreErrorCode code, String detail, @Nullable Throwable cause) {
    super(check(code), detail, cause, code == CoreErrorCode.STATE_STORE_UNAVAILABLE, null);
  }

  /**
   * A retryable {@code GDX-1601}: the store did not answer in time or failed.
   *
   * @param store the store, e.g. {@code "jdbc replay cache"}
   * @param operation the operation, e.g. {@code "firstSeen"}
   * @param cause the driver's exception, or {@code null}
   * @return the exception, to throw
   */
  public static StateStoreException unavailable(
      String store, String operation, @Nullable Throwable cause) {
    return new StateStoreException(
        CoreErrorCode.STATE_STORE_UNAVAILABLE,
        Objects.requireNonNull(store, "store == null")
            + " could not answer "
            + Objects.requireNonNull(operation, "operation == null")
            + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")"),
        cause);
  }

  /**
   * A non-retryable {@code GDX-1602}: the store answers but is not usable as configured.
   *
   * @param store the store
   * @param problem what is wrong, e.g. {@code "table gdx_replay is missing"}
   * @param cause the driver's exception, or {@code null}
   * @return the exception, to throw
   */
  public static StateStoreException misconfigured(
      String store, String problem, @Nullable Throwable cause) {
    return new StateStoreException(
        CoreErrorCode.STATE_STORE_MISCONFIGURED,
        Objects.requireNonNull(store, "store == null")
            + " is not usable: "
            + Objects.requireNonNull(problem, "problem == null"),
        cause);
  }

  private static CoreErrorCode check(CoreErrorCode code) {
    Objects.requireNonNull(code, "code == null");
    if (code != CoreErrorCode.STATE_STORE_UNAVAILABLE
        && code != CoreErrorCode.STATE_STORE_MISCONFIGURED) {
      throw new IllegalArgumentException("not a state store code: " + code.code());
    }
    return code;
  }
}
