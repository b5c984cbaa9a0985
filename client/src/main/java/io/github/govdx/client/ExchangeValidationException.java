package io.github.govdx.client;

import io.github.govdx.core.ErrorCode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Records failed the resource's schema: records about to be pushed ({@code GDX-3410}, nothing was sent) or
 * records in a query result ({@code GDX-3409}, nothing is returned to the caller), or the resource's catalog
 * detail gives no schema the validator can use ({@code GDX-3417}, nothing sent or returned). The violations
 * name record index, JSON Pointer, rule and the rule's code (govdx-core's {@code GDX-14xx} for the default
 * validator), never the offending value. Not retryable. Immutable once thrown;
 * thread-safe.
 */
public final class ExchangeValidationException extends ExchangeException {

  private static final long serialVersionUID = 1L;

  private final List<ErrorDetail> violations;

  /**
   * Creates the exception; normally only the client does.
   *
   * @param errorCode {@code GDX-3409}, {@code GDX-3410} or {@code GDX-3417}
   * @param detail the message without the code prefix
   * @param violations where the records are invalid ({@code /records/{index}/...} pointers)
   * @param requestId the request id, or {@code null}
   */
  public ExchangeValidationException(
      ErrorCode errorCode,
      String detail,
      List<ErrorDetail> violations,
      @Nullable String requestId) {
    super(errorCode, detail, null, false, requestId, 0);
    this.violations = List.copyOf(violations);
  }

  /**
   * Every violation found.
   *
   * @return the violations, never empty
   */
  public List<ErrorDetail> violations() {
    return violations;
  }
}
