package io.github.govdx.client.internal;

import io.github.govdx.client.Page;
import io.github.govdx.client.PagedIterable;
import io.github.govdx.client.application.Application;
import io.github.govdx.client.application.ApplicationState;
import io.github.govdx.client.application.ApplicationsAsyncClient;
import io.github.govdx.client.application.ApplicationsClient;
import io.github.govdx.client.application.ApplyRequest;
import io.github.govdx.client.application.DecideApplicationRequest;
import io.github.govdx.client.application.ListApplicationsRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** The access application calls of {@code docs/protocol.md} section 8, sync and async. */
public final class ApplicationsImpl {

  private final Cases<
          Application, ApplicationState, ListApplicationsRequest, DecideApplicationRequest>
      cases;

  /**
   * Creates the application calls.
   *
   * @param transport the transport
   */
  public ApplicationsImpl(Transport transport) {
    this.cases =
        new Cases<>(
            transport,
            "applications",
            r -> r.role().wireName(),
            Mappers::application,
            (r, token) -> r.toBuilder().pageToken(token).build(),
            DecideApplicationRequest::applicationId);
  }

  ApiCall<Application> applyCall(ApplyRequest r) {
    Objects.requireNonNull(r, "request == null");
    return cases.createCall(
        "submit",
        r.resourceCode(),
        r,
        o -> {
          o.put("purpose", r.purpose());
          Json.putOpt(o, "legalBasis", r.legalBasis().orElse(null));
          Json.putStrings(o, "items", r.items());
          Json.putOpt(o, "validUntil", r.validUntil().orElse(null));
        });
  }

  /** @return the synchronous client */
  public ApplicationsClient sync() {
    return new ApplicationsClient() {
      @Override
      public Application apply(ApplyRequest request) {
        return cases.run(applyCall(request));
      }

      @Override
      public Application status(String applicationId) {
        return cases.run(cases.getCall(applicationId));
      }

      @Override
      public Application withdraw(String applicationId, String reason) {
        return cases.run(cases.withdrawCall(applicationId, reason));
      }

      @Override
      public PagedIterable<Application> list(ListApplicationsRequest request) {
        return cases.list(request);
      }

      @Override
      public Application decide(DecideApplicationRequest request) {
        return cases.run(cases.decideCall(request));
      }
    };
  }

  /** @return the asynchronous client */
  public ApplicationsAsyncClient async() {
    return new ApplicationsAsyncClient() {
      @Override
      public CompletableFuture<Application> apply(ApplyRequest request) {
        return cases.runAsync(applyCall(request));
      }

      @Override
      public CompletableFuture<Application> status(String applicationId) {
        return cases.runAsync(cases.getCall(applicationId));
      }

      @Override
      public CompletableFuture<Application> withdraw(String applicationId, String reason) {
        return cases.runAsync(cases.withdrawCall(applicationId, reason));
      }

      @Override
      public CompletableFuture<Page<Application>> listPage(ListApplicationsRequest request) {
        return cases.listPage(request);
      }

      @Override
      public CompletableFuture<Application> decide(DecideApplicationRequest request) {
        return cases.runAsync(cases.decideCall(request));
      }
    };
  }
}
