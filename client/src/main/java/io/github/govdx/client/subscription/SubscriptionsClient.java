package io.github.govdx.client.subscription;

import io.github.govdx.client.ExchangeException;

/**
 * Subscriptions and their event feeds ({@code docs/protocol.md} section 11). A consumer loop reads with a
 * cursor and long polling, handles the events (de-duplicating by event id: delivery is at least once), then
 * acknowledges the cursor. Thread-safe.
 *
 * <pre>{@code
 * String cursor = null;
 * while (running) {
 *   EventPage page = client.subscriptions().events(EventFeedRequest.builder()
 *       .subscriptionId(id).cursor(cursor).waitFor(Duration.ofSeconds(30)).build());
 *   page.events().forEach(this::handle);
 *   client.subscriptions().acknowledge(id, page.nextCursor());
 *   cursor = page.nextCursor();
 * }
 * }</pre>
 */
public interface SubscriptionsClient {

  /**
   * Subscribes to a resource's events.
   *
   * @param request the subscription
   * @return the created subscription
   * @throws ExchangeException e.g. {@code GDX-3201} if the resource is unknown
   */
  Subscription subscribe(SubscribeRequest request);

  /**
   * Reads a subscription.
   *
   * @param subscriptionId the id
   * @return the subscription
   * @throws ExchangeException e.g. {@code GDX-3204} if unknown
   */
  Subscription get(String subscriptionId);

  /**
   * Deletes a subscription.
   *
   * @param subscriptionId the id
   * @throws ExchangeException e.g. {@code GDX-3204} if unknown
   */
  void unsubscribe(String subscriptionId);

  /**
   * Reads the event feed, long-polling when the request asks for it.
   *
   * @param request the feed read
   * @return the events and the next cursor
   * @throws ExchangeException e.g. {@code GDX-3211} if the cursor expired
   */
  EventPage events(EventFeedRequest request);

  /**
   * Acknowledges every event up to and including a cursor.
   *
   * @param subscriptionId the id
   * @param cursor the cursor
   * @throws ExchangeException e.g. {@code GDX-3010} if the cursor is not this subscription's
   */
  void acknowledge(String subscriptionId, String cursor);
}
