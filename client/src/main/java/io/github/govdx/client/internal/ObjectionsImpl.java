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

  private final Cases<Objection, ObjectionState, ListObjectionsRequest, DecideObjectionRequest>
      cases;

  /**
   * Creates the objection calls.
   *
   * @param transport the transport
   */
  public ObjectionsImpl(Transport transport) {
    this.cases =
        new Cases<>(
            transport,
            "objections",
            r -> r.asProvider() ? "provider" : "objector",
            Mappers::objection,
            (r, token) -> r.toBuilder().pageToken(token).build(),
            DecideObjectionRequest::objectionId);
  }

  ApiCall<Objection> raiseCall(RaiseObjectionRequest r) {
    Objects.requireNonNull(r, "request == null");
    return cases.createCall("raise", r.resourceCode(), r, o -> members(r, o));
  }

  private static void members(RaiseObjectionRequest r, ObjectNode o) {
    o.put("messageId", r.messageId());
    ObjectNode d = o.putObject("digest");
    d.put("alg", r.digest().algorithm());
    d.put("value", r.digest().hex());
    Json.putStrings(o, "pointers", r.pointers());
    o.put("category", r.category().wireName());
    o.put("description", r.description());
  }

  /** @return the synchronous client */
  public ObjectionsClient sync() {
    return new ObjectionsClient() {
      @Override
      public Objection decide(DecideObjectionRequest request) {
        return cases.run(cases.decideCall(request));
      }

      @Override
      public Objection get(String objectionId) {
        return cases.run(cases.getCall(objectionId));
      }

      @Override
      public PagedIterable<Objection> list(ListObjectionsRequest request) {
        return cases.list(request);
      }

      @Override
      public Objection withdraw(String objectionId, String reason) {
        return cases.run(cases.withdrawCall(objectionId, reason));
      }

      @Override
      public Objection raise(RaiseObjectionRequest request) {
        return cases.run(raiseCall(request));
      }
    };
  }

  /** @return the asynchronous client */
  public ObjectionsAsyncClient async() {
    return new ObjectionsAsyncClient() {
      @Override
      public CompletableFuture<Objection> decide(DecideObjectionRequest request) {
        return cases.runAsync(cases.decideCall(request));
      }

      @Override
      public CompletableFuture<Objection> get(String objectionId) {
        return cases.runAsync(cases.getCall(objectionId));
      }

      @Override
      public CompletableFuture<Page<Objection>> listPage(ListObjectionsRequest request) {
        return cases.listPage(request);
      }

      @Override
      public CompletableFuture<Objection> withdraw(String objectionId, String reason) {
        return cases.runAsync(cases.withdrawCall(objectionId, reason));
      }

      @Override
      public CompletableFuture<Objection> raise(RaiseObjectionRequest request) {
        return cases.runAsync(raiseCall(request));
      }
    };
  }
}
