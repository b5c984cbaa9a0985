package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Subscriptions and their event feeds ({@code docs/protocol.md} §11): each subscription holds its own ordered
 * events; cursors are opaque, tamper-evident and bound to the subscription; acknowledged events are not delivered
 * to a reader without a cursor; long polls wait on the subscription until an event arrives or the wait ends
 * (capped by the sandbox). Thread-safe.
 */
public final class FeedHub {

  /** The event types of §11. */
  public static final Set<String> TYPES =
      Set.of(
          "data.updated",
          "resource.changed",
          "application.state_changed",
          "objection.state_changed");

  private final Map<String, Sub> subs = new ConcurrentHashMap<>();
  private final AtomicLong eventIds = new AtomicLong();
  private final AtomicLong subIds = new AtomicLong();
  private final Clock clock;
  private final Tokens tokens;
  private final Duration retention;
  private final int maxEvents;
  private final Duration longPollCap;

  /**
   * Creates the hub.
   *
   * @param clock the clock of event times and retention
   * @param tokens the cursor service
   * @param retention how long events are kept (the protocol asks for at least 7 days)
   * @param maxEvents the most events kept per subscription
   * @param longPollCap the longest a long poll is held, whatever {@code wait} asks
   */
  public FeedHub(
      Clock clock, Tokens tokens, Duration retention, int maxEvents, Duration longPollCap) {
    this.clock = clock;
    this.tokens = tokens;
    this.retention = retention;
    this.maxEvents = maxEvents;
    this.longPollCap = longPollCap;
  }

  /**
   * Creates a subscription.
   *
   * @param resourceCode the resource
   * @param types the event types (empty = all)
   * @param subscriber the subscriber
   * @return its JSON form
   */
  public ObjectNode create(String resourceCode, Set<String> types, PartyId subscriber) {
    String id = String.format("sub-%06d", subIds.incrementAndGet());
    Sub s =
        new Sub(
            id,
            resourceCode,
            types.isEmpty()
                ? new LinkedHashSet<>(
                    List.of(
                        "data.updated",
                        "resource.changed",
                        "application.state_changed",
                        "objection.state_changed"))
                : types,
            subscriber,
            clock.instant());
    subs.put(id, s);
    return s.json();
  }

  /**
   * A subscription visible to {@code party}.
   *
   * @param id the id
   * @param party the caller
   * @return its JSON form
   */
  public ObjectNode get(String id, PartyId party) {
    return find(id, party).json();
  }

  /**
   * Deletes a subscription.
   *
   * @param id the id
   * @param party the caller
   */
  public void delete(String id, PartyId party) {
    Sub s = find(id, party);
    synchronized (s) {
      s.deleted = true;
      s.notifyAll();
    }
    subs.remove(id);
  }

  private Sub find(String id, PartyId party) {
    Sub s = subs.get(id);
    if (s == null || s.deleted) {
      throw new ApiException(WireCode.SUBSCRIPTION_NOT_FOUND, "no subscription " + id);
    }
    if (!s.subscriber.equals(party)) {
      throw new ApiException(
          WireCode.NOT_A_PARTICIPANT, "subscription " + id + " belongs to another party");
    }
    return s;
  }

  /**
   * Emits an event to every matching subscription.
   *
   * @param type the event type
   * @param resourceCode the resource
   * @param data the {@code data} member
   * @param audience only this party's subscriptions (application and objection events), or null for all
   */
  public void emit(String type, String resourceCode, ObjectNode data, @Nullable PartyId audience) {
    ObjectNode ev = Json.object();
    ev.put("eventId", String.format("evt-%06d", eventIds.incrementAndGet()));
    ev.put("type", type);
    ev.put("resourceCode", resourceCode);
    ev.put("occurredAt", Json.instant(clock.instant()));
    ev.set("data", data);
    Instant now = clock.instant();
    for (Sub s : subs.values()) {
      if (!s.resourceCode.equals(resourceCode)
          || !s.types.contains(type)
          || audience != null && !audience.equals(s.subscriber)) {
        continue;
      }
      synchronized (s) {
        s.lastSeq++;
        s.events.addLast(new Stored(s.lastSeq, now, ev));
        while (s.events.size() > maxEvents
            || !s.events.isEmpty() && s.events.peekFirst().at.isBefore(now.minus(retention))) {
          s.events.removeFirst();
        }
        s.notifyAll();
      }
    }
  }

  /**
   * Reads the feed (§11.3), long polling if asked.
   *
   * @param id the subscription
   * @param party the caller
   * @param cursor the cursor, or null to start after the last acknowledged event
   * @param limit 1–500
   * @param wait the requested wait
   * @return {@code {"events", "nextCursor"}}
   */
  public ObjectNode events(
      String id, PartyId party, @Nullable String cursor, int limit, Duration wait) {
    Sub s = find(id, party);
    long deadline = System.nanoTime() + min(wait, longPollCap).toNanos();
    synchronized (s) {
      long after = cursor == null ? s.ackSeq : tokens.read(cursor, binding(s), false);
      if (after > s.lastSeq || after < 0) {
        throw new ApiException(
            WireCode.PAGE_TOKEN_INVALID, "the cursor was not issued for this subscription");
      }
      while (true) {
        long oldest = s.events.isEmpty() ? s.lastSeq + 1 : s.events.peekFirst().seq;
        if (after < oldest - 1) {
          throw new ApiException(
              WireCode.CURSOR_EXPIRED,
              "the cursor is older than the feed's retention; restart without a cursor");
        }
        ArrayNode out = Json.array();
        long last = after;
        for (Stored e : s.events) {
          if (e.seq > after && out.size() < limit) {
            out.add(e.event);
            last = e.seq;
          }
        }
        long remaining = deadline - System.nanoTime();
        if (out.size() > 0 || remaining <= 0 || s.deleted) {
          ObjectNode r = Json.object();
          r.set("events", out);
          r.put("nextCursor", tokens.issue(binding(s), last));
          return r;
        }
        try {
          long ms = Math.max(1, remaining / 1_000_000);
          s.wait(ms);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ApiException(WireCode.PLATFORM_UNAVAILABLE, "the sandbox is stopping");
        }
      }
    }
  }

  /**
   * Acknowledges every event up to a cursor (§11.4).
   *
   * @param id the subscription
   * @param party the caller
   * @param cursor the cursor
   */
  public void ack(String id, PartyId party, String cursor) {
    Sub s = find(id, party);
    synchronized (s) {
      long seq = tokens.read(cursor, binding(s), false);
      if (seq > s.lastSeq || seq < 0) {
        throw new ApiException(
            WireCode.PAGE_TOKEN_INVALID, "the cursor was not issued for this subscription");
      }
      s.ackSeq = Math.max(s.ackSeq, seq);
    }
  }

  /**
   * Wakes every long poll (the sandbox is stopping).
   */
  public void wakeAll() {
    for (Sub s : subs.values()) {
      synchronized (s) {
        s.deleted = true;
        s.notifyAll();
      }
    }
  }

  /**
   * Events of one subscription currently held (for tests and the sandbox API).
   *
   * @return subscription id to event count
   */
  public Map<String, Integer> sizes() {
    Map<String, Integer> m = new ConcurrentHashMap<>();
    subs.forEach(
        (k, s) -> {
          synchronized (s) {
            m.put(k, s.events.size());
          }
        });
    return m;
  }

  private static String binding(Sub s) {
    return "cursor\n" + s.id;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private record Stored(long seq, Instant at, JsonNode event) {}

  private static final class Sub {
    final String id;
    final String resourceCode;
    final Set<String> types;
    final PartyId subscriber;
    final Instant createdAt;
    final ArrayDeque<Stored> events = new ArrayDeque<>();
    long lastSeq;
    long ackSeq;
    boolean deleted;

    Sub(String id, String resourceCode, Set<String> types, PartyId subscriber, Instant createdAt) {
      this.id = id;
      this.resourceCode = resourceCode;
      this.types = Set.copyOf(types);
      this.subscriber = subscriber;
      this.createdAt = createdAt;
    }

    ObjectNode json() {
      ObjectNode o = Json.object();
      o.put("subscriptionId", id);
      o.put("resourceCode", resourceCode);
      ArrayNode t = o.putArray("eventTypes");
      new ArrayList<>(types).stream().sorted().forEach(t::add);
      o.put("subscriber", subscriber.toString());
      o.put("state", "active");
      o.put("createdAt", Json.instant(createdAt));
      return o;
    }
  }
}
