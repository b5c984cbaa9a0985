package io.github.govdx.client.objection;

import io.github.govdx.client.Page;
import java.util.concurrent.CompletableFuture;

/** The asynchronous form of {@link ObjectionsClient}. Thread-safe. */
public interface ObjectionsAsyncClient {

  /**
   * Raises an objection.
   *
   * @param request the objection
   * @return the created objection
   */
  CompletableFuture<Objection> raise(RaiseObjectionRequest request);

  /**
   * Reads an objection.
   *
   * @param objectionId the id
   * @return the objection
   */
  CompletableFuture<Objection> get(String objectionId);

  /**
   * Lists one page of objections.
   *
   * @param request the filters and page token
   * @return the page
   */
  CompletableFuture<Page<Objection>> listPage(ListObjectionsRequest request);

  /**
   * Withdraws an objection.
   *
   * @param objectionId the id
   * @param reason why
   * @return the withdrawn objection
   */
  CompletableFuture<Objection> withdraw(String objectionId, String reason);

  /**
   * Answers an objection (providers only).
   *
   * @param request the decision
   * @return the objection in its new state
   */
  CompletableFuture<Objection> decide(DecideObjectionRequest request);
}
