package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.subscription.EventFeedRequest;
import io.github.govdx.client.subscription.EventPage;
import io.github.govdx.client.subscription.SubscribeRequest;
import io.github.govdx.client.subscription.Subscription;
import io.github.govdx.client.subscription.SubscriptionsAsyncClient;
import io.github.govdx.client.subscription.SubscriptionsClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** The subscription calls of {@code docs/protocol.md} section 11, sync and async. */
public final class SubscriptionsImpl {

  private static final ApiCall.Handler<Subscription> ONE =
      (s, h, b, st) -> Json.read(b, Subscription.class);
  private static final ApiCall.Handler<Void> NONE = (s, h, b, st) -> null;

  private final Transport transport;
  private final Duration readTimeout;

  /**
   * Creates the subscription calls.
   *
   * @param transport the transport
   * @param readTimeout the client's read timeout (a long poll adds its wait to it)
   */
  public SubscriptionsImpl(Transport transport, Duration readTimeout) {
    this.transport = transport;
    this.readTimeout = readTimeout;
  }

  ApiCall<Subscription> subscribeCall(SubscribeRequest r) {
    Objects.requireNonNull(r, "request == null");
    Keys.checkResourceCode(r.resourceCode());
    ObjectNode o = Json.object();
    o.put("resourceCode", r.resourceCode());
    Json.putStrings(o, "eventTypes", r.eventTypes());
    return ApiCall.builder("POST", ONE)
        .operation("subscriptions.create")
        .path("subscriptions")
        .json(Json.bytes(o))
        .idempotencyKey(r.idempotencyKey().orElseGet(Keys::newIdempotencyKey))
        .build();
  }

  ApiCall<Subscription> getCall(String id) {
    return ApiCall.builder("GET", ONE)
        .operation("subscriptions.get")
        .path("subscriptions", Keys.checkId(id, "subscriptionId"))
        .build();
  }

  ApiCall<Void> deleteCall(String id) {
    return ApiCall.builder("DELETE", NONE)
        .operation("subscriptions.delete")
        .path("subscriptions", Keys.checkId(id, "subscriptionId"))
        .build();
  }

  ApiCall<EventPage> eventsCall(EventFeedRequest r) {
    Objects.requireNonNull(r, "request == null");
    ApiCall.Builder<EventPage> b =
        ApiCall.<EventPage>builder("GET", (s, h, body, st) -> Json.eventPage(body))
            .operation("subscriptions.events")
            .path("subscriptions", Keys.checkId(r.subscriptionId(), "subscriptionId"), "events")
            .query("cursor", r.cursor().orElse(null))
            .query("limit", r.limit().orElse(null));
    if (r.waitFor().isPresent() && !r.waitFor().get().isZero()) {
      Duration wait = r.waitFor().get();
      b.query("wait", wait.getSeconds());
      b.readTimeout(readTimeout.plus(wait).plusSeconds(10));
    }
    return b.build();
  }

  ApiCall<Void> ackCall(String id, String cursor) {
    Objects.requireNonNull(cursor, "cursor == null");
    ObjectNode o = Json.object();
    o.put("cursor", cursor);
    // acknowledging is idempotent (docs/protocol.md 11.4)
    return ApiCall.builder("POST", NONE)
        .operation("subscriptions.ack")
        .path("subscriptions", Keys.checkId(id, "subscriptionId"), "ack")
        .json(Json.bytes(o))
        .safeToRetry()
        .build();
  }

  /** @return the synchronous client */
  public SubscriptionsClient sync() {
    return new SubscriptionsClient() {
      @Override
      public Subscription subscribe(SubscribeRequest request) {
        return transport.execute(subscribeCall(request));
      }

      @Override
      public Subscription get(String subscriptionId) {
        return transport.execute(getCall(subscriptionId));
      }

      @Override
      public void unsubscribe(String subscriptionId) {
        transport.execute(deleteCall(subscriptionId));
      }

      @Override
      public EventPage events(EventFeedRequest request) {
        return transport.execute(eventsCall(request));
      }

      @Override
      public void acknowledge(String subscriptionId, String cursor) {
        transport.execute(ackCall(subscriptionId, cursor));
      }
    };
  }

  /** @return the asynchronous client */
  public SubscriptionsAsyncClient async() {
    return new SubscriptionsAsyncClient() {
      @Override
      public CompletableFuture<Subscription> subscribe(SubscribeRequest request) {
        return transport.executeAsync(subscribeCall(request));
      }

      @Override
      public CompletableFuture<Subscription> get(String subscriptionId) {
        return transport.executeAsync(getCall(subscriptionId));
      }

      @Override
      public CompletableFuture<Void> unsubscribe(String subscriptionId) {
        return transport.executeAsync(deleteCall(subscriptionId));
      }

      @Override
      public CompletableFuture<EventPage> events(EventFeedRequest request) {
        return transport.executeAsync(eventsCall(request));
      }

      @Override
      public CompletableFuture<Void> acknowledge(String subscriptionId, String cursor) {
        return transport.executeAsync(ackCall(subscriptionId, cursor));
      }
    };
  }
}
