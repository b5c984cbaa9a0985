package io.github.govdx.client;

import io.github.govdx.core.ErrorCode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Records failed the resource's schema: records about to be pushed ({@code GDX-3410}, nothing was sent) or
 * records in a query result ({@code GDX-3409}, nothing is returned to the caller). The violations name
 * record index, JSON Pointer and rule, never the offending value. Not retryable. Immutable once thrown;
 * thread-safe.
 */
public final class ExchangeValidationException extends ExchangeException {

  private static final long serialVersionUID = 1L;

  private final List<ErrorDetail> violations;

  /**
   * Creates the exception; normally only the client does.
   *
   * @param errorCode {@code GDX-3409} or {@code GDX-3410}
   * @param detail the message without the code prefix
   * @param violations where the records are invalid ({@code /records/{index}/...} pointers)
   * @param requestId the request id, or {@code null}
   */
  public ExchangeValidationException(ErrorCode errorCode, String detail, List<ErrorDetail> violations,
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
