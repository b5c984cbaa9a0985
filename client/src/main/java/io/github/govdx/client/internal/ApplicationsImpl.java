package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

  private static final ApiCall.Handler<Application> ONE =
      (s, h, b, st) -> Json.read(b, Application.class);

  private final Transport transport;

  /**
   * Creates the application calls.
   *
   * @param transport the transport
   */
  public ApplicationsImpl(Transport transport) {
    this.transport = transport;
  }

  ApiCall<Application> applyCall(ApplyRequest r) {
    Objects.requireNonNull(r, "request == null");
    Keys.checkResourceCode(r.resourceCode());
    ObjectNode o = Json.object();
    o.put("resourceCode", r.resourceCode());
    o.put("purpose", r.purpose());
    Json.putOpt(o, "legalBasis", r.legalBasis().orElse(null));
    Json.putStrings(o, "items", r.items());
    Json.putOpt(o, "validUntil", r.validUntil().orElse(null));
    return ApiCall.builder("POST", ONE)
        .operation("applications.submit")
        .path("applications")
        .json(Json.bytes(o))
        .idempotencyKey(r.idempotencyKey().orElseGet(Keys::newIdempotencyKey))
        .build();
  }

  ApiCall<Application> statusCall(String id) {
    return ApiCall.builder("GET", ONE)
        .operation("applications.get")
        .path("applications", Keys.checkId(id, "applicationId"))
        .build();
  }

  ApiCall<Application> withdrawCall(String id, String reason) {
    Objects.requireNonNull(reason, "reason == null");
    ObjectNode o = Json.object();
    o.put("reason", reason);
    // withdrawing twice returns the same object (docs/protocol.md 8.4), so the call is safe to
    // repeat
    return ApiCall.builder("POST", ONE)
        .operation("applications.withdraw")
        .path("applications", Keys.checkId(id, "applicationId"), "withdraw")
        .json(Json.bytes(o))
        .safeToRetry()
        .build();
  }

  ApiCall<Page<Application>> listCall(ListApplicationsRequest r) {
    Objects.requireNonNull(r, "request == null");
    return ApiCall.<Page<Application>>builder(
            "GET", (s, h, b, st) -> Json.page(b, Application.class))
        .operation("applications.list")
        .path("applications")
        .query("role", r.role().wireName())
        .query("state", r.state().map(ApplicationState::wireName).orElse(null))
        .query("resourceCode", r.resourceCode().orElse(null))
        .query("pageSize", r.pageSize().orElse(null))
        .query("pageToken", r.pageToken().orElse(null))
        .build();
  }

  ApiCall<Application> decideCall(DecideApplicationRequest r) {
    Objects.requireNonNull(r, "request == null");
    ObjectNode o = Json.object();
    o.put("state", r.state().wireName());
    Json.putOpt(o, "reason", r.reason().orElse(null));
    return ApiCall.builder("POST", ONE)
        .operation("applications.decide")
        .path("applications", Keys.checkId(r.applicationId(), "applicationId"), "decision")
        .json(Json.bytes(o))
        .build();
  }

  /** @return the synchronous client */
  public ApplicationsClient sync() {
    return new ApplicationsClient() {
      @Override
      public Application apply(ApplyRequest request) {
        return transport.execute(applyCall(request));
      }

      @Override
      public Application status(String applicationId) {
        return transport.execute(statusCall(applicationId));
      }

      @Override
      public Application withdraw(String applicationId, String reason) {
        return transport.execute(withdrawCall(applicationId, reason));
      }

      @Override
      public PagedIterable<Application> list(ListApplicationsRequest request) {
        Objects.requireNonNull(request, "request == null");
        return PagedIterable.of(
            t ->
                transport.execute(
                    listCall(t == null ? request : request.toBuilder().pageToken(t).build())));
      }

      @Override
      public Application decide(DecideApplicationRequest request) {
        return transport.execute(decideCall(request));
      }
    };
  }

  /** @return the asynchronous client */
  public ApplicationsAsyncClient async() {
    return new ApplicationsAsyncClient() {
      @Override
      public CompletableFuture<Application> apply(ApplyRequest request) {
        return transport.executeAsync(applyCall(request));
      }

      @Override
      public CompletableFuture<Application> status(String applicationId) {
        return transport.executeAsync(statusCall(applicationId));
      }

      @Override
      public CompletableFuture<Application> withdraw(String applicationId, String reason) {
        return transport.executeAsync(withdrawCall(applicationId, reason));
      }

      @Override
      public CompletableFuture<Page<Application>> listPage(ListApplicationsRequest request) {
        return transport.executeAsync(listCall(request));
      }

      @Override
      public CompletableFuture<Application> decide(DecideApplicationRequest request) {
        return transport.executeAsync(decideCall(request));
      }
    };
  }
}
