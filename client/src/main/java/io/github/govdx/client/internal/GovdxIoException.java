package io.github.govdx.client.internal;

import io.github.govdx.client.ExchangeException;
import java.io.IOException;

/**
 * Carries an {@link ExchangeException} raised inside an OkHttp interceptor through OkHttp, which only
 * propagates {@link IOException}s reliably (in particular to asynchronous callbacks). The transport unwraps
 * it; it never reaches a caller.
 */
public final class GovdxIoException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient ExchangeException exception;

  /**
   * Wraps an exchange exception.
   *
   * @param exception the exception to carry
   */
  public GovdxIoException(ExchangeException exception) {
    super(exception.getMessage(), exception);
    this.exception = exception;
  }

  /**
   * The carried exception.
   *
   * @return the exchange exception
   */
  public ExchangeException exception() {
    return exception;
  }
}
