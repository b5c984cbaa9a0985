package io.github.govdx.client.application;

import io.github.govdx.client.Page;
import java.util.concurrent.CompletableFuture;

/** The asynchronous form of {@link ApplicationsClient}. Thread-safe. */
public interface ApplicationsAsyncClient {

  /**
   * Applies for access.
   *
   * @param request the application
   * @return the created application
   */
  CompletableFuture<Application> apply(ApplyRequest request);

  /**
   * Reads an application.
   *
   * @param applicationId the id
   * @return the application
   */
  CompletableFuture<Application> status(String applicationId);

  /**
   * Withdraws an application.
   *
   * @param applicationId the id
   * @param reason why
   * @return the withdrawn application
   */
  CompletableFuture<Application> withdraw(String applicationId, String reason);

  /**
   * Lists one page of applications.
   *
   * @param request the filters and page token
   * @return the page
   */
  CompletableFuture<Page<Application>> listPage(ListApplicationsRequest request);

  /**
   * Decides on an application (providers only).
   *
   * @param request the decision
   * @return the application in its new state
   */
  CompletableFuture<Application> decide(DecideApplicationRequest request);
}
