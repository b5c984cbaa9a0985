package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.Page;
import io.github.govdx.client.PagedIterable;
import io.github.govdx.client.objection.DecideObjectionRequest;
import io.github.govdx.client.objection.ListObjectionsRequest;
import io.github.govdx.client.objection.Objection;
import io.github.govdx.client.objection.ObjectionState;
import io.github.govdx.client.objection.ObjectionsAsyncClient;
import io.github.govdx.client.objection.ObjectionsClient;
import io.github.govdx.client.objection.RaiseObjectionRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** The data objection calls of {@code docs/protocol.md} section 12, sync and async. */
public final class ObjectionsImpl {

  private static final ApiCall.Handler<Objection> ONE =
      (s, h, b, st) -> Json.read(b, Objection.class);

  private final Transport transport;

  /**
   * Creates the objection calls.
   *
   * @param transport the transport
   */
  public ObjectionsImpl(Transport transport) {
    this.transport = transport;
  }

  ApiCall<Objection> raiseCall(RaiseObjectionRequest r) {
    Objects.requireNonNull(r, "request == null");
    Keys.checkResourceCode(r.resourceCode());
    ObjectNode o = Json.object();
    o.put("resourceCode", r.resourceCode());
    o.put("messageId", r.messageId());
    ObjectNode d = o.putObject("digest");
    d.put("alg", r.digest().algorithm());
    d.put("value", r.digest().hex());
    Json.putStrings(o, "pointers", r.pointers());
    o.put("category", r.category().wireName());
    o.put("description", r.description());
    return ApiCall.builder("POST", ONE)
        .operation("objections.raise")
        .path("objections")
        .json(Json.bytes(o))
        .idempotencyKey(r.idempotencyKey().orElseGet(Keys::newIdempotencyKey))
        .build();
  }

  ApiCall<Objection> getCall(String id) {
    return ApiCall.builder("GET", ONE)
        .operation("objections.get")
        .path("objections", Keys.checkId(id, "objectionId"))
        .build();
  }

  ApiCall<Page<Objection>> listCall(ListObjectionsRequest r) {
    Objects.requireNonNull(r, "request == null");
    return ApiCall.<Page<Objection>>builder("GET", (s, h, b, st) -> Json.page(b, Objection.class))
        .operation("objections.list")
        .path("objections")
        .query("role", r.asProvider() ? "provider" : "objector")
        .query("state", r.state().map(ObjectionState::wireName).orElse(null))
        .query("resourceCode", r.resourceCode().orElse(null))
        .query("pageSize", r.pageSize().orElse(null))
        .query("pageToken", r.pageToken().orElse(null))
        .build();
  }

  ApiCall<Objection> withdrawCall(String id, String reason) {
    Objects.requireNonNull(reason, "reason == null");
    ObjectNode o = Json.object();
    o.put("reason", reason);
    return ApiCall.builder("POST", ONE)
        .operation("objections.withdraw")
        .path("objections", Keys.checkId(id, "objectionId"), "withdraw")
        .json(Json.bytes(o))
        .build();
  }

  ApiCall<Objection> decideCall(DecideObjectionRequest r) {
    Objects.requireNonNull(r, "request == null");
    ObjectNode o = Json.object();
    o.put("state", r.state().wireName());
    Json.putOpt(o, "reason", r.reason().orElse(null));
    return ApiCall.builder("POST", ONE)
        .operation("objections.decide")
        .path("objections", Keys.checkId(r.objectionId(), "objectionId"), "decision")
        .json(Json.bytes(o))
        .build();
  }

  /** @return the synchronous client */
  public ObjectionsClient sync() {
    return new ObjectionsClient() {
      @Override
      public Objection raise(RaiseObjectionRequest request) {
        return transport.execute(raiseCall(request));
      }

      @Override
      public Objection get(String objectionId) {
        return transport.execute(getCall(objectionId));
      }

      @Override
      public PagedIterable<Objection> list(ListObjectionsRequest request) {
        Objects.requireNonNull(request, "request == null");
        return PagedIterable.of(
            t ->
                transport.execute(
                    listCall(t == null ? request : request.toBuilder().pageToken(t).build())));
      }

      @Override
      public Objection withdraw(String objectionId, String reason) {
        return transport.execute(withdrawCall(objectionId, reason));
      }

      @Override
      public Objection decide(DecideObjectionRequest request) {
        return transport.execute(decideCall(request));
      }
    };
  }

  /** @return the asynchronous client */
  public ObjectionsAsyncClient async() {
    return new ObjectionsAsyncClient() {
      @Override
      public CompletableFuture<Objection> raise(RaiseObjectionRequest request) {
        return transport.executeAsync(raiseCall(request));
      }

      @Override
      public CompletableFuture<Objection> get(String objectionId) {
        return transport.executeAsync(getCall(objectionId));
      }

      @Override
      public CompletableFuture<Page<Objection>> listPage(ListObjectionsRequest request) {
        return transport.executeAsync(listCall(request));
      }

      @Override
      public CompletableFuture<Objection> withdraw(String objectionId, String reason) {
        return transport.executeAsync(withdrawCall(objectionId, reason));
      }

      @Override
      public CompletableFuture<Objection> decide(DecideObjectionRequest request) {
        return transport.executeAsync(decideCall(request));
      }
    };
  }
}
