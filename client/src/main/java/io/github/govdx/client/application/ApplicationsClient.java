package io.github.govdx.client.application;

import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.PagedIterable;

/**
 * Access applications (数据共享申请) for conditionally shared resources ({@code docs/protocol.md} section 8):
 * apply, follow the status, withdraw, and, for providers, decide. Thread-safe.
 */
public interface ApplicationsClient {

  /**
   * Applies for access. Safe to retry: the request's idempotency key (random when not set) is sent.
   *
   * @param request the application
   * @return the created application, state {@code submitted}, with its due date
   * @throws ExchangeException e.g. {@code GDX-3209} if an open application exists
   */
  Application apply(ApplyRequest request);

  /**
   * Reads an application's current state.
   *
   * @param applicationId the id
   * @return the application
   * @throws ExchangeException e.g. {@code GDX-3203} if unknown
   */
  Application status(String applicationId);

  /**
   * Withdraws an application (from {@code submitted} or {@code under_review}).
   *
   * @param applicationId the id
   * @param reason why, for the history
   * @return the application, state {@code withdrawn}
   * @throws ExchangeException e.g. {@code GDX-3208} if already decided
   */
  Application withdraw(String applicationId, String reason);

  /**
   * Lists applications across pages.
   *
   * @param request the filters
   * @return the applications
   */
  PagedIterable<Application> list(ListApplicationsRequest request);

  /**
   * Decides on an application for one of the caller's resources (providers only).
   *
   * @param request the decision
   * @return the application in its new state
   * @throws ExchangeException e.g. {@code GDX-3216} if the caller is not the provider
   */
  Application decide(DecideApplicationRequest request);
}
