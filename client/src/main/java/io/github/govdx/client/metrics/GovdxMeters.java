package io.github.govdx.client.metrics;

import io.github.govdx.client.observation.CallListener;
import io.github.govdx.client.observation.CallOutcome;
import io.github.govdx.client.observation.CircuitState;
import io.github.govdx.client.observation.CircuitStateChange;
import io.github.govdx.client.observation.ProviderListener;
import io.github.govdx.client.observation.ProviderOutcome;
import io.github.govdx.client.observation.RateLimitWait;
import io.github.govdx.client.observation.RetryEvent;
import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.client.outbox.OutboxState;
import io.github.govdx.client.outbox.OutboxStats;
import io.github.govdx.crypto.key.PartyCredentials;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer meters for a govdx client, provider endpoint, outbox and credentials ({@code docs/observability.md}
 * lists every meter). It is a {@link CallListener} (add it to {@code ExchangeClientBuilder.addCallListener}) and a
 * {@link ProviderListener} (add it to {@code ProviderEndpoint.Builder.addListener}); {@link #bindOutbox} and
 * {@link #bindCredentials} add gauges. One instance may serve every client and endpoint of an application.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@value #CLIENT_CALLS}</td><td>timer (histogram)</td><td>operation, outcome, status, code</td></tr>
 *   <tr><td>{@value #CLIENT_RETRIES}</td><td>counter</td><td>operation, reason</td></tr>
 *   <tr><td>{@value #CLIENT_CIRCUIT_STATE}</td><td>gauge (0 closed, 1 half-open, 2 open)</td><td>endpoint</td></tr>
 *   <tr><td>{@value #CLIENT_RATE_LIMIT_WAIT}</td><td>timer</td><td>operation, scope</td></tr>
 *   <tr><td>{@value #PROVIDER_REQUESTS}</td><td>timer (histogram)</td><td>operation, outcome, status, code</td></tr>
 *   <tr><td>{@value #ENVELOPE_REFUSED}</td><td>counter</td><td>code, side</td></tr>
 *   <tr><td>{@value #OUTBOX_BACKLOG}</td><td>gauge</td><td>outbox, state</td></tr>
 *   <tr><td>{@value #OUTBOX_OLDEST_AGE}</td><td>gauge (seconds)</td><td>outbox</td></tr>
 *   <tr><td>{@value #CERTIFICATE_DAYS_LEFT}</td><td>gauge (days)</td><td>party, kid</td></tr>
 * </table>
 *
 * <p>Tag values are fixed names, {@code GDX-} codes, HTTP statuses, the configured endpoint's host, party ids of
 * departments and certificate key ids: never a record, a record key, a query value or a secret.
 *
 * <pre>{@code
 * GovdxMeters meters = GovdxMeters.create(registry);
 * ExchangeClient client = ExchangeClient.builder()
 *     ...
 *     .addCallListener(meters)
 *     .build();
 * meters.bindCredentials(credentials);
 * }</pre>
 *
 * <p>The only class of govdx-client that uses Micrometer (an optional dependency). Thread-safe.
 */
public final class GovdxMeters implements CallListener, ProviderListener {

  /** Every logical client call: a timer with a percentile histogram. */
  public static final String CLIENT_CALLS = "govdx.client.calls";

  /** Every retry the client made. */
  public static final String CLIENT_RETRIES = "govdx.client.retries";

  /** The state of a client's circuit breaker: 0 closed, 1 half-open, 2 open. */
  public static final String CLIENT_CIRCUIT_STATE = "govdx.client.circuit.state";

  /** Waits for a client rate-limit permit (only waits longer than zero). */
  public static final String CLIENT_RATE_LIMIT_WAIT = "govdx.client.ratelimit.wait";

  /** Every request a provider endpoint handled: a timer with a percentile histogram. */
  public static final String PROVIDER_REQUESTS = "govdx.provider.requests";

  /** Envelopes refused, by why ({@code GDX-} code) and where ({@code side}: provider or client). */
  public static final String ENVELOPE_REFUSED = "govdx.envelope.refused";

  /** Outbox entries per state. */
  public static final String OUTBOX_BACKLOG = "govdx.outbox.backlog";

  /** Age in seconds of an outbox's oldest undelivered (pending or in-flight) entry; 0 when none. */
  public static final String OUTBOX_OLDEST_AGE = "govdx.outbox.oldest.age";

  /** Days until a certificate expires (fractional; negative once expired). */
  public static final String CERTIFICATE_DAYS_LEFT = "govdx.certificate.days.left";

  private static final Logger LOG = LoggerFactory.getLogger(GovdxMeters.class);
  private static final String NONE = "none";

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, AtomicInteger> circuits = new ConcurrentHashMap<>();

  private GovdxMeters(MeterRegistry registry, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * Meters in a registry, with the system clock for ages and days left.
   *
   * @param registry the registry
   * @return the meters
   * @throws NullPointerException if the registry is {@code null}
   */
  public static GovdxMeters create(MeterRegistry registry) {
    return new GovdxMeters(registry, Clock.systemUTC());
  }

  /**
   * Meters in a registry, with a clock for ages and days left.
   *
   * @param registry the registry
   * @param clock the clock
   * @return the meters
   * @throws NullPointerException if an argument is {@code null}
   */
  public static GovdxMeters create(MeterRegistry registry, Clock clock) {
    return new GovdxMeters(registry, clock);
  }

  // ------------------------------------------------------------------ client

  @Override
  public void callCompleted(CallOutcome outcome) {
    circuit(outcome.endpoint(), CircuitState.CLOSED);
    Timer.builder(CLIENT_CALLS)
        .description("govdx client calls, retries included")
        .tag("operation", outcome.operation())
        .tag("outcome", outcome.outcome().tagValue())
        .tag("status", outcome.status() == 0 ? NONE : Integer.toString(outcome.status()))
        .tag("code", outcome.errorCode().orElse(NONE))
        .publishPercentileHistogram()
        .register(registry)
        .record(outcome.latency());
    outcome.envelopeErrorCode().ifPresent(code -> refused(code, "client"));
  }

  @Override
  public void retryScheduled(RetryEvent event) {
    Counter.builder(CLIENT_RETRIES)
        .description("govdx client retries")
        .tag("operation", event.operation())
        .tag("reason", event.reason())
        .register(registry)
        .increment();
  }

  @Override
  public void circuitStateChanged(CircuitStateChange change) {
    circuit(change.endpoint(), change.to()).set(change.to().gaugeValue());
  }

  @Override
  public void rateLimitWaited(RateLimitWait wait) {
    Timer.builder(CLIENT_RATE_LIMIT_WAIT)
        .description("govdx client waits for a rate-limit permit")
        .tag("operation", wait.operation())
        .tag("scope", wait.scope())
        .register(registry)
        .record(wait.waited());
  }

  private AtomicInteger circuit(String endpoint, CircuitState initial) {
    return circuits.computeIfAbsent(
        endpoint,
        e -> {
          AtomicInteger state = new AtomicInteger(initial.gaugeValue());
          Gauge.builder(CLIENT_CIRCUIT_STATE, state, AtomicInteger::get)
              .description("govdx client circuit breaker: 0 closed, 1 half-open, 2 open")
              .tag("endpoint", e)
              .strongReference(true)
              .register(registry);
          return state;
        });
  }

  // ---------------------------------------------------------------- provider

  @Override
  public void requestHandled(ProviderOutcome outcome) {
    Timer.builder(PROVIDER_REQUESTS)
        .description("requests handled by a govdx provider endpoint")
        .tag("operation", outcome.operation())
        .tag("outcome", outcome.outcome().tagValue())
        .tag("status", Integer.toString(outcome.status()))
        .tag("code", outcome.errorCode().orElse(NONE))
        .publishPercentileHistogram()
        .register(registry)
        .record(outcome.latency());
    outcome.envelopeErrorCode().ifPresent(code -> refused(code, "provider"));
  }

  private void refused(String code, String side) {
    Counter.builder(ENVELOPE_REFUSED)
        .description("envelopes refused, by GDX- code")
        .tag("code", code)
        .tag("side", side)
        .register(registry)
        .increment();
  }

  // ------------------------------------------------------------------ gauges

  /**
   * Adds the gauges {@value #OUTBOX_BACKLOG} (one per state: {@code pending}, {@code in_flight},
   * {@code delivered}, {@code dead}) and {@value #OUTBOX_OLDEST_AGE} for an outbox. The outbox's store is asked
   * ({@link Outbox#stats()}) at most once a second, however often the registry is scraped.
   *
   * @param name the outbox's name, the {@code outbox} tag (e.g. {@code "default"})
   * @param outbox the outbox
   * @return this
   * @throws NullPointerException if an argument is {@code null}
   */
  public GovdxMeters bindOutbox(String name, Outbox outbox) {
    return bindOutbox(name, outbox, Duration.ofSeconds(1));
  }

  /**
   * Adds the outbox gauges, asking the store at most once per {@code refresh}.
   *
   * @param name the outbox's name, the {@code outbox} tag
   * @param outbox the outbox
   * @param refresh how long one {@link Outbox#stats()} answer is reused ({@link Duration#ZERO}: never)
   * @return this
   * @throws NullPointerException if an argument is {@code null}
   * @throws IllegalArgumentException if {@code refresh} is negative
   */
  public GovdxMeters bindOutbox(String name, Outbox outbox, Duration refresh) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(outbox, "outbox == null");
    Objects.requireNonNull(refresh, "refresh == null");
    if (refresh.isNegative()) {
      throw new IllegalArgumentException("refresh < 0");
    }
    StatsCache stats = new StatsCache(outbox, refresh.toNanos());
    for (OutboxState state : OutboxState.values()) {
      Gauge.builder(OUTBOX_BACKLOG, stats, s -> s.count(state))
          .description("govdx outbox entries per state")
          .tag("outbox", name)
          .tag("state", state.name().toLowerCase(Locale.ROOT))
          .strongReference(true)
          .register(registry);
    }
    Gauge.builder(OUTBOX_OLDEST_AGE, stats, s -> s.oldestAgeSeconds(clock.instant()))
        .description("age of the oldest undelivered govdx outbox entry")
        .baseUnit("seconds")
        .tag("outbox", name)
        .strongReference(true)
        .register(registry);
    return this;
  }

  /**
   * Adds the gauge {@value #CERTIFICATE_DAYS_LEFT} for a party's signing certificate ({@code kid} = its key id)
   * and, with dual certificates, its encryption certificate ({@code kid} = the decryption key id): days until the
   * certificate's notAfter, fractional, negative once expired.
   *
   * @param credentials the party's credentials (only their certificates are read)
   * @return this
   * @throws NullPointerException if the credentials are {@code null}
   */
  public GovdxMeters bindCredentials(PartyCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials == null");
    String party = credentials.partyId().toString();
    certificate(party, credentials.keyId(), credentials.notAfter());
    credentials
        .encryptionCertificate()
        .ifPresent(
            c -> certificate(party, credentials.decryptionKeyId(), c.getNotAfter().toInstant()));
    return this;
  }

  private void certificate(String party, String kid, Instant notAfter) {
    Gauge.builder(CERTIFICATE_DAYS_LEFT, () -> daysLeft(notAfter, clock.instant()))
        .description("days until a govdx party certificate expires")
        .baseUnit("days")
        .tag("party", party)
        .tag("kid", kid)
        .strongReference(true)
        .register(registry);
  }

  /**
   * Days from {@code now} to {@code notAfter}.
   *
   * @param notAfter the certificate's end of validity
   * @param now now
   * @return fractional days, negative when past
   */
  static double daysLeft(Instant notAfter, Instant now) {
    return Duration.between(now, notAfter).toMillis() / 86_400_000.0;
  }

  @Override
  public String toString() {
    return "GovdxMeters{" + registry.getClass().getSimpleName() + "}";
  }

  /** One {@link Outbox#stats()} answer reused for a while; NaN while the store cannot answer. */
  private static final class StatsCache {
    private final Outbox outbox;
    private final long refreshNanos;
    private @Nullable OutboxStats last;
    private long at;

    StatsCache(Outbox outbox, long refreshNanos) {
      this.outbox = outbox;
      this.refreshNanos = refreshNanos;
    }

    private synchronized @Nullable OutboxStats get() {
      long now = System.nanoTime();
      if (last == null || refreshNanos == 0 || now - at >= refreshNanos) {
        try {
          last = outbox.stats();
          at = now;
        } catch (RuntimeException e) {
          LOG.debug("outbox stats unavailable: {}", e.getClass().getName());
          last = null;
        }
      }
      return last;
    }

    double count(OutboxState state) {
      OutboxStats s = get();
      return s == null ? Double.NaN : s.count(state);
    }

    double oldestAgeSeconds(Instant now) {
      OutboxStats s = get();
      if (s == null) {
        return Double.NaN;
      }
      return s.oldestUndelivered()
          .map(t -> Math.max(0, Duration.between(t, now).toMillis() / 1000.0))
          .orElse(0.0);
    }
  }
}
