package io.github.govdx.client.internal;

import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ExchangeEnvelopeException;
import io.github.govdx.client.ExchangeServiceException;
import io.github.govdx.client.ExchangeValidationException;
import io.github.govdx.client.observation.CallListener;
import io.github.govdx.client.observation.CallOutcome;
import io.github.govdx.client.observation.CircuitStateChange;
import io.github.govdx.client.observation.Outcome;
import io.github.govdx.client.observation.ProviderListener;
import io.github.govdx.client.observation.ProviderOutcome;
import io.github.govdx.client.observation.RateLimitWait;
import io.github.govdx.client.observation.RetryEvent;
import io.github.govdx.core.GovdxException;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one client, called so that none can break a call: an exception a listener throws is logged at
 * DEBUG by its class name only (its message could hold anything) and dropped. Thread-safe.
 */
public final class Observers {

  /** No listener. */
  public static final Observers NONE = new Observers(List.of());

  private static final Logger LOG = LoggerFactory.getLogger(Observers.class);

  private final List<CallListener> listeners;

  /**
   * Creates the set.
   *
   * @param listeners the listeners, in registration order
   */
  public Observers(List<CallListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** @return whether there is no listener (the pipeline then skips the work of telling them) */
  public boolean isEmpty() {
    return listeners.isEmpty();
  }

  /** @param outcome a finished call */
  public void callCompleted(CallOutcome outcome) {
    each(l -> l.callCompleted(outcome));
  }

  /** @param event a retry about to happen */
  public void retryScheduled(RetryEvent event) {
    each(l -> l.retryScheduled(event));
  }

  /** @param change a circuit-breaker change */
  public void circuitStateChanged(CircuitStateChange change) {
    each(l -> l.circuitStateChanged(change));
  }

  /** @param wait a rate-limit wait */
  public void rateLimitWaited(RateLimitWait wait) {
    each(l -> l.rateLimitWaited(wait));
  }

  private void each(Consumer<CallListener> call) {
    for (CallListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.debug("call listener {} failed: {}", l.getClass().getName(), e.getClass().getName());
      }
    }
  }

  /**
   * Tells provider listeners, safely.
   *
   * @param listeners the listeners
   * @param outcome the handled request
   */
  public static void requestHandled(List<ProviderListener> listeners, ProviderOutcome outcome) {
    for (ProviderListener l : listeners) {
      try {
        l.requestHandled(outcome);
      } catch (RuntimeException e) {
        LOG.debug(
            "provider listener {} failed: {}", l.getClass().getName(), e.getClass().getName());
      }
    }
  }

  /**
   * Classifies a call's failure (see {@link Outcome}).
   *
   * @param e the failure
   * @return refused or error
   */
  public static Outcome outcomeOf(Throwable e) {
    if (e instanceof ExchangeServiceException) {
      int s = ((ExchangeServiceException) e).status();
      return s >= 400 && s < 500 ? Outcome.REFUSED : Outcome.ERROR;
    }
    if (e instanceof ExchangeEnvelopeException || e instanceof ExchangeValidationException) {
      return Outcome.REFUSED;
    }
    return Outcome.ERROR;
  }

  /**
   * The {@code GDX-} code of a failure.
   *
   * @param e the failure
   * @return the code, or {@code null} when the failure has none
   */
  public static @Nullable String codeOf(Throwable e) {
    return e instanceof GovdxException ? ((GovdxException) e).code() : null;
  }

  /**
   * The crypto code of an answer envelope the client refused ({@code GDX-3406}); not of an envelope it could not
   * seal.
   *
   * @param e the failure
   * @return the code of the cause, or {@code null}
   */
  public static @Nullable String envelopeCodeOf(Throwable e) {
    if (e instanceof ExchangeEnvelopeException
        && ClientErrorCode.RESPONSE_ENVELOPE_REJECTED.code().equals(((GovdxException) e).code())
        && e.getCause() instanceof GovdxException) {
      return ((GovdxException) e.getCause()).code();
    }
    return null;
  }

  /**
   * The status of a failure's answer.
   *
   * @param e the failure
   * @return the status, or 0 when no answer came
   */
  public static int statusOf(Throwable e) {
    return e instanceof ExchangeServiceException ? ((ExchangeServiceException) e).status() : 0;
  }
}
