package io.github.govdx.client.objection;

import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.PagedIterable;

/**
 * Data-quality objections (数据异议, {@code docs/protocol.md} section 12): raise one citing the message id and
 * envelope digest of the disputed data, track it, withdraw it; providers decide. Thread-safe.
 */
public interface ObjectionsClient {

  /**
   * Raises an objection. Safe to retry (idempotency key).
   *
   * @param request the objection
   * @return the created objection
   * @throws ExchangeException e.g. {@code GDX-3217} if the cited message is unknown
   */
  Objection raise(RaiseObjectionRequest request);

  /**
   * Reads an objection's current state.
   *
   * @param objectionId the id
   * @return the objection
   * @throws ExchangeException e.g. {@code GDX-3205} if unknown
   */
  Objection get(String objectionId);

  /**
   * Lists objections across pages.
   *
   * @param request the filters
   * @return the objections
   */
  PagedIterable<Objection> list(ListObjectionsRequest request);

  /**
   * Withdraws an objection.
   *
   * @param objectionId the id
   * @param reason why
   * @return the objection, state {@code withdrawn}
   * @throws ExchangeException e.g. {@code GDX-3208} if already final
   */
  Objection withdraw(String objectionId, String reason);

  /**
   * Answers an objection about one of the caller's resources (providers only).
   *
   * @param request the decision
   * @return the objection in its new state
   */
  Objection decide(DecideObjectionRequest request);
}
