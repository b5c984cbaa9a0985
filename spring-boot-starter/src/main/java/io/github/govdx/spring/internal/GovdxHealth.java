package io.github.govdx.spring.internal;

import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.client.outbox.OutboxState;
import io.github.govdx.client.outbox.OutboxStats;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.spring.GovdxProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The components of the {@code govdx} health contributor. Each indicator is thread-safe. */
public final class GovdxHealth {

  private GovdxHealth() {}

  /**
   * The credentials component: DOWN when the certificate is expired or not yet valid; UP with a {@code warning}
   * and {@code daysLeft} when it expires within the window; UP otherwise.
   *
   * @param credentials the credentials
   * @param warning the warning window
   * @param clock the clock
   * @return the indicator
   */
  public static HealthIndicator credentials(
      PartyCredentials credentials, Duration warning, Clock clock) {
    return () -> {
      Instant now = clock.instant();
      Instant notAfter = credentials.notAfter();
      Instant notBefore = credentials.notBefore();
      long daysLeft = Duration.between(now, notAfter).toDays();
      Health.Builder b =
          new Health.Builder()
              .withDetail("party", credentials.partyId().toString())
              .withDetail("keyId", credentials.keyId())
              .withDetail("notAfter", notAfter.toString())
              .withDetail("daysLeft", daysLeft);
      if (now.isAfter(notAfter)) {
        return b.down().withDetail("error", "the certificate expired at " + notAfter).build();
      }
      if (now.isBefore(notBefore)) {
        return b.down()
            .withDetail("error", "the certificate is not valid before " + notBefore)
            .build();
      }
      if (now.plus(warning).isAfter(notAfter)) {
        return b.up()
            .withDetail(
                "warning",
                "the certificate expires in " + daysLeft + " days: renew it (docs/keys.md)")
            .build();
      }
      return b.up().build();
    };
  }

  /**
   * The stores component: records a random id in the replay cache (expiring in a minute), a real round trip on
   * the configured store.
   *
   * @param replayCache the replay cache
   * @param type the store type
   * @param clock the clock
   * @return the indicator
   */
  public static HealthIndicator stores(
      ReplayCache replayCache, GovdxProperties.StoreType type, Clock clock) {
    return () -> {
      long start = System.nanoTime();
      try {
        replayCache.firstSeen("health-" + UUID.randomUUID(), clock.instant().plusSeconds(60));
        return Health.up()
            .withDetail("type", type.name().toLowerCase(Locale.ROOT))
            .withDetail("roundTripMillis", (System.nanoTime() - start) / 1_000_000)
            .build();
      } catch (RuntimeException e) {
        return Health.down()
            .withDetail("type", type.name().toLowerCase(Locale.ROOT))
            .withDetail("error", String.valueOf(e.getMessage()))
            .build();
      }
    };
  }

  /**
   * The exchange component: a GET to {@code <endpoint>/v1/} with a short timeout. Any answer below 500 (a 401 of
   * the gateway, a 404) means the platform is reachable; 5xx, a timeout or a refused connection mean DOWN.
   *
   * @param endpoint the exchange endpoint
   * @param timeout the timeout
   * @return the indicator
   */
  public static HealthIndicator exchange(URI endpoint, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    String base = endpoint.toString();
    URI target = URI.create((base.endsWith("/") ? base : base + "/") + "v1/");
    return () -> {
      long start = System.nanoTime();
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(target).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        Health.Builder b = r.statusCode() >= 500 ? Health.down() : Health.up();
        return b.withDetail("endpoint", base)
            .withDetail("status", r.statusCode())
            .withDetail("millis", (System.nanoTime() - start) / 1_000_000)
            .build();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Health.unknown().withDetail("endpoint", base).build();
      } catch (Exception e) {
        return Health.down()
            .withDetail("endpoint", base)
            .withDetail("error", e.getClass().getSimpleName())
            .build();
      }
    };
  }

  /**
   * The outbox component: pending (and in-flight) and dead counts and the oldest undelivered entry's age; DOWN
   * above any threshold.
   *
   * @param outbox the outbox
   * @param maxPending the most pending entries
   * @param maxDead the most dead entries
   * @param maxAge the oldest acceptable age
   * @param clock the clock
   * @return the indicator
   */
  public static HealthIndicator outbox(
      Outbox outbox, long maxPending, long maxDead, Duration maxAge, Clock clock) {
    return () -> {
      OutboxStats s;
      try {
        s = outbox.stats();
      } catch (RuntimeException e) {
        return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
      }
      long pending = s.count(OutboxState.PENDING) + s.count(OutboxState.IN_FLIGHT);
      long dead = s.count(OutboxState.DEAD);
      Duration age =
          s.oldestUndelivered()
              .map(t -> Duration.between(t, clock.instant()))
              .orElse(Duration.ZERO);
      boolean down = pending > maxPending || dead > maxDead || age.compareTo(maxAge) > 0;
      return (down ? Health.down() : Health.up())
          .withDetail("pending", pending)
          .withDetail("dead", dead)
          .withDetail("delivered", s.count(OutboxState.DELIVERED))
          .withDetail("oldestAgeSeconds", age.toSeconds())
          .build();
    };
  }
}
