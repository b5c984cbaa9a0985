package io.github.govdx.client.subscription;

import java.util.concurrent.CompletableFuture;

/** The asynchronous form of {@link SubscriptionsClient}. Thread-safe. */
public interface SubscriptionsAsyncClient {

  /**
   * Subscribes.
   *
   * @param request the subscription
   * @return the created subscription
   */
  CompletableFuture<Subscription> subscribe(SubscribeRequest request);

  /**
   * Reads a subscription.
   *
   * @param subscriptionId the id
   * @return the subscription
   */
  CompletableFuture<Subscription> get(String subscriptionId);

  /**
   * Deletes a subscription.
   *
   * @param subscriptionId the id
   * @return completes when deleted
   */
  CompletableFuture<Void> unsubscribe(String subscriptionId);

  /**
   * Reads the event feed (long polling without blocking a caller thread).
   *
   * @param request the feed read
   * @return the events and the next cursor
   */
  CompletableFuture<EventPage> events(EventFeedRequest request);

  /**
   * Acknowledges up to a cursor.
   *
   * @param subscriptionId the id
   * @param cursor the cursor
   * @return completes when acknowledged
   */
  CompletableFuture<Void> acknowledge(String subscriptionId, String cursor);
}
