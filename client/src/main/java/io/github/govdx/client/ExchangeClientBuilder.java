package io.github.govdx.client;

import io.github.govdx.client.auth.RequestAuthenticator;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.RecordValidator;
import io.github.govdx.client.directory.PartyInfo;
import io.github.govdx.client.internal.ApplicationsImpl;
import io.github.govdx.client.internal.AuthenticationInterceptor;
import io.github.govdx.client.internal.CatalogImpl;
import io.github.govdx.client.internal.CircuitBreaker;
import io.github.govdx.client.internal.CircuitBreakerInterceptor;
import io.github.govdx.client.internal.CodecSealer;
import io.github.govdx.client.internal.DataImpl;
import io.github.govdx.client.internal.DirectoryImpl;
import io.github.govdx.client.internal.MessageSealer;
import io.github.govdx.client.internal.ObjectionsImpl;
import io.github.govdx.client.internal.Observers;
import io.github.govdx.client.internal.Pipeline;
import io.github.govdx.client.internal.RateLimitInterceptor;
import io.github.govdx.client.internal.RetryInterceptor;
import io.github.govdx.client.internal.SubscriptionsImpl;
import io.github.govdx.client.internal.Tracing;
import io.github.govdx.client.internal.TransfersImpl;
import io.github.govdx.client.internal.Transport;
import io.github.govdx.client.internal.TtlCache;
import io.github.govdx.client.internal.otel.OtelTracing;
import io.github.govdx.client.observation.CallListener;
import io.github.govdx.client.observation.CircuitState;
import io.github.govdx.client.observation.CircuitStateChange;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.PartyDirectory;
import io.github.govdx.crypto.key.PartyKeyRing;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.crypto.replay.InMemoryReplayCache;
import io.github.govdx.crypto.replay.ReplayCache;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link ExchangeClient} ({@link #build()}) or an {@link ExchangeAsyncClient} ({@link #buildAsync()}).
 * Required: {@link #endpoint(URI)} and {@link #party(PartyId)}; with sealing on (the default) also the
 * party's credentials and a trust store. Defaults: connect timeout 10 s, read and write timeouts 30 s, no
 * whole-call timeout, catalog and directory caches 5 minutes, responses up to 16 MiB, records validated
 * with {@link RecordValidator#govdx()}, the system UTC clock.
 *
 * <p>Not thread-safe; the clients it builds are.
 */
public final class ExchangeClientBuilder {

  /** The parts of a built client, shared by its sync and async forms. */
  record Parts(
      Transport transport,
      CatalogImpl catalog,
      DirectoryImpl directory,
      ApplicationsImpl applications,
      DataImpl data,
      SubscriptionsImpl subscriptions,
      ObjectionsImpl objections,
      TransfersImpl transfers) {}

  // Every setting is also copied by the snapshot constructor below: a field added here must be
  // added there (ExchangeClientBuilderTest.snapshot_copiesEverySetting fails until it is).
  private @Nullable URI endpoint;
  private @Nullable PartyId party;
  private @Nullable OkHttpClient httpClient;
  private Clock clock = Clock.systemUTC();
  private boolean sealing = true;
  private @Nullable MessageSealer messageSealer;
  private @Nullable PartyCredentials credentials;
  private @Nullable PartyKeyRing keyRing;
  private @Nullable TrustStore trustStore;
  private @Nullable PartyDirectory directory;
  private @Nullable Suite suite;
  private Duration clockSkew = Duration.ofMinutes(5);
  private @Nullable RequestAuthenticator authenticator;
  private RetryPolicy retryPolicy = RetryPolicy.defaultPolicy();
  private CircuitBreakerPolicy circuitBreaker = CircuitBreakerPolicy.defaultPolicy();
  private RateLimit rateLimit = RateLimit.unlimited();
  private final Map<String, RateLimit> resourceRateLimits = new HashMap<>();
  private @Nullable RateLimiter rateLimiter;
  private @Nullable ReplayCache replayCache;
  private static final RetryInterceptor.Sleeper SLEEPER =
      d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
  private RecordValidator recordValidator = RecordValidator.govdx();
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(30);
  private Duration writeTimeout = Duration.ofSeconds(30);
  private Duration callTimeout = Duration.ZERO;
  private Duration catalogCacheTtl = Duration.ofMinutes(5);
  private Duration directoryCacheTtl = Duration.ofMinutes(5);
  private long maxResponseBytes = 16L * 1024 * 1024;
  private final List<CallListener> callListeners = new ArrayList<>();
  private @Nullable OpenTelemetry openTelemetry;

  ExchangeClientBuilder() {}

  /** A snapshot of another builder, so that changing that builder later does not change a built client. */
  private ExchangeClientBuilder(ExchangeClientBuilder o) {
    this.endpoint = o.endpoint;
    this.party = o.party;
    this.httpClient = o.httpClient;
    this.clock = o.clock;
    this.sealing = o.sealing;
    this.messageSealer = o.messageSealer;
    this.credentials = o.credentials;
    this.keyRing = o.keyRing;
    this.trustStore = o.trustStore;
    this.directory = o.directory;
    this.suite = o.suite;
    this.clockSkew = o.clockSkew;
    this.authenticator = o.authenticator;
    this.retryPolicy = o.retryPolicy;
    this.circuitBreaker = o.circuitBreaker;
    this.rateLimit = o.rateLimit;
    this.rateLimiter = o.rateLimiter;
    this.replayCache = o.replayCache;
    this.recordValidator = o.recordValidator;
    this.connectTimeout = o.connectTimeout;
    this.readTimeout = o.readTimeout;
    this.writeTimeout = o.writeTimeout;
    this.callTimeout = o.callTimeout;
    this.catalogCacheTtl = o.catalogCacheTtl;
    this.directoryCacheTtl = o.directoryCacheTtl;
    this.maxResponseBytes = o.maxResponseBytes;
    this.openTelemetry = o.openTelemetry;
    this.resourceRateLimits.putAll(o.resourceRateLimits);
    this.callListeners.addAll(o.callListeners);
  }

  /**
   * A client's parts, made on its first call: building a client checks its settings but loads neither OkHttp nor
   * the pipeline, the sub-clients or the envelope codec (a Spring Boot application builds its clients at start-up
   * and may call them much later, or never).
   */
  static final class LazyParts {
    private final PartyId party;
    private @Nullable ExchangeClientBuilder settings;
    private volatile @Nullable Parts parts;
    private boolean closed;

    LazyParts(PartyId party, ExchangeClientBuilder settings) {
      this.party = party;
      this.settings = settings;
    }

    PartyId party() {
      return party;
    }

    Parts get() {
      Parts p = parts;
      if (p == null) {
        synchronized (this) {
          p = parts;
          if (p == null) {
            p = Objects.requireNonNull(settings).construct();
            settings = null;
            if (closed) {
              p.transport().close();
            }
            parts = p;
          }
        }
      }
      return p;
    }

    synchronized void close() {
      closed = true;
      Parts p = parts;
      if (p != null) {
        p.transport().close();
      }
    }
  }

  /**
   * The platform's base URL, without {@code /v1} (the client appends it), e.g.
   * {@code https://exchange.example.gov.cn/gdx}.
   *
   * @param value an absolute {@code http} or {@code https} URI
   * @return this builder
   * @throws IllegalArgumentException if not an absolute http(s) URI
   */
  public ExchangeClientBuilder endpoint(URI value) {
    Objects.requireNonNull(value, "endpoint == null");
    String scheme = value.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || value.getHost() == null
        || value.getHost().isEmpty()) {
      throw new IllegalArgumentException(
          "endpoint must be an absolute http or https URI: " + value);
    }
    this.endpoint = value;
    return this;
  }

  /**
   * The calling party (sent as {@code X-Gdx-Party}, and the sender of every envelope).
   *
   * @param value the party
   * @return this builder
   */
  public ExchangeClientBuilder party(PartyId value) {
    this.party = Objects.requireNonNull(value, "party == null");
    return this;
  }

  /**
   * An OkHttp client to share (its connection pool and dispatcher). govdx derives its own client from it
   * with {@code newBuilder()} and never changes or closes it.
   *
   * @param value the client
   * @return this builder
   */
  public ExchangeClientBuilder httpClient(OkHttpClient value) {
    this.httpClient = Objects.requireNonNull(value, "httpClient == null");
    return this;
  }

  /**
   * The clock for envelope issued-at, replay windows, caches and skew diagnosis.
   *
   * @param value the clock
   * @return this builder
   */
  public ExchangeClientBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock == null");
    return this;
  }

  /**
   * Whether data queries and pushes are sealed (default {@code true}). Switching it off sends their payloads
   * as plain JSON: only for tests against a sandbox and for benchmarks; a real platform refuses them
   * ({@code 415}).
   *
   * @param value whether to seal
   * @return this builder
   */
  public ExchangeClientBuilder sealing(boolean value) {
    this.sealing = value;
    return this;
  }

  /**
   * The validator run on pushed records and on query results (default {@link RecordValidator#govdx()}).
   *
   * @param value the validator
   * @return this builder
   */
  public ExchangeClientBuilder recordValidator(RecordValidator value) {
    this.recordValidator = Objects.requireNonNull(value, "recordValidator == null");
    return this;
  }

  /**
   * The connect timeout.
   *
   * @param value a positive duration
   * @return this builder
   * @throws IllegalArgumentException if not positive
   */
  public ExchangeClientBuilder connectTimeout(Duration value) {
    this.connectTimeout = positive(value, "connectTimeout");
    return this;
  }

  /**
   * The read timeout (a long poll adds its wait to it).
   *
   * @param value a positive duration
   * @return this builder
   * @throws IllegalArgumentException if not positive
   */
  public ExchangeClientBuilder readTimeout(Duration value) {
    this.readTimeout = positive(value, "readTimeout");
    return this;
  }

  /**
   * The write timeout.
   *
   * @param value a positive duration
   * @return this builder
   * @throws IllegalArgumentException if not positive
   */
  public ExchangeClientBuilder writeTimeout(Duration value) {
    this.writeTimeout = positive(value, "writeTimeout");
    return this;
  }

  /**
   * A timeout for each whole HTTP call, retries included ({@link Duration#ZERO}, the default, for none).
   *
   * @param value zero or a positive duration
   * @return this builder
   * @throws IllegalArgumentException if negative
   */
  public ExchangeClientBuilder callTimeout(Duration value) {
    this.callTimeout = notNegative(value, "callTimeout");
    return this;
  }

  /**
   * How long catalog details (provider and schema of a resource) are cached; {@link Duration#ZERO} disables it.
   *
   * @param value the TTL
   * @return this builder
   */
  public ExchangeClientBuilder catalogCacheTtl(Duration value) {
    this.catalogCacheTtl = notNegative(value, "catalogCacheTtl");
    return this;
  }

  /**
   * How long directory entries (a party's certificates) are cached; {@link Duration#ZERO} disables it.
   *
   * @param value the TTL
   * @return this builder
   */
  public ExchangeClientBuilder directoryCacheTtl(Duration value) {
    this.directoryCacheTtl = notNegative(value, "directoryCacheTtl");
    return this;
  }

  /**
   * The largest response body accepted (default 16 MiB); larger ones fail with {@code GDX-3411} before they
   * are parsed.
   *
   * @param value the limit in bytes, at least 1 KiB
   * @return this builder
   * @throws IllegalArgumentException if below 1 KiB
   */
  public ExchangeClientBuilder maxResponseBytes(long value) {
    if (value < 1024) {
      throw new IllegalArgumentException("maxResponseBytes < 1024");
    }
    this.maxResponseBytes = value;
    return this;
  }

  /**
   * The calling party's department key and certificate chain, which sign every envelope and open every answer
   * (required while sealing is on).
   *
   * @param value the credentials; their party must be {@link #party(PartyId)} or its department
   * @return this builder
   */
  public ExchangeClientBuilder credentials(PartyCredentials value) {
    this.credentials = Objects.requireNonNull(value, "credentials == null");
    return this;
  }

  /**
   * The calling party's key pairs during a key rollover, instead of {@link #credentials}: the client signs with the
   * newest valid pair and opens answers sealed to any of them; changes to the ring take effect on the next call
   * (docs/keys.md).
   *
   * @param value the key ring; its party must be {@link #party(PartyId)} or its department
   * @return this builder
   */
  public ExchangeClientBuilder keyRing(PartyKeyRing value) {
    this.keyRing = Objects.requireNonNull(value, "keyRing == null");
    this.credentials = value.current(clock.instant());
    return this;
  }

  /**
   * The CAs that issue party certificates: every signer's chain is checked against it (required while sealing
   * is on).
   *
   * @param value the trust store
   * @return this builder
   */
  public ExchangeClientBuilder trustStore(TrustStore value) {
    this.trustStore = Objects.requireNonNull(value, "trustStore == null");
    return this;
  }

  /**
   * Where receivers' certificates come from. By default the platform's party directory
   * ({@code directory()} sub-client, cached for the directory TTL); certificates from either are checked
   * against the trust store.
   *
   * @param value a local directory
   * @return this builder
   */
  public ExchangeClientBuilder directory(PartyDirectory value) {
    this.directory = Objects.requireNonNull(value, "directory == null");
    return this;
  }

  /**
   * The envelope suite: {@link Suite#GM} (SM2/SM3/SM4, the default) or {@link Suite#INTL}. It must be the
   * suite of the credentials' key; answers in another suite are refused.
   *
   * @param value the suite
   * @return this builder
   */
  public ExchangeClientBuilder suite(Suite value) {
    this.suite = Objects.requireNonNull(value, "suite == null");
    return this;
  }

  /**
   * The accepted clock skew of an answer's issued-at (default 5 minutes).
   *
   * @param value the skew window
   * @return this builder
   */
  public ExchangeClientBuilder clockSkew(Duration value) {
    this.clockSkew = positive(value, "clockSkew");
    return this;
  }

  /**
   * The gateway authenticator that signs every attempt (see {@code docs/gateway-auth.md}); none by default.
   *
   * @param value the authenticator
   * @return this builder
   */
  public ExchangeClientBuilder authenticator(RequestAuthenticator value) {
    this.authenticator = Objects.requireNonNull(value, "authenticator == null");
    return this;
  }

  /**
   * The retry policy (default {@link RetryPolicy#defaultPolicy()}). Only calls that are safe to repeat are
   * retried: {@code GET}/{@code DELETE}, data queries, and calls with an idempotency key.
   *
   * @param value the policy; {@link RetryPolicy#none()} disables retries
   * @return this builder
   */
  public ExchangeClientBuilder retryPolicy(RetryPolicy value) {
    this.retryPolicy = Objects.requireNonNull(value, "retryPolicy == null");
    return this;
  }

  /**
   * The circuit breaker (default {@link CircuitBreakerPolicy#defaultPolicy()}), shared by every call of the
   * client.
   *
   * @param value the policy; {@link CircuitBreakerPolicy#disabled()} turns it off
   * @return this builder
   */
  public ExchangeClientBuilder circuitBreaker(CircuitBreakerPolicy value) {
    this.circuitBreaker = Objects.requireNonNull(value, "circuitBreaker == null");
    return this;
  }

  /**
   * The client-side rate limit (default {@link RateLimit#unlimited()}): every attempt takes a permit, waiting at
   * most the read timeout for one ({@code GDX-3408} otherwise).
   *
   * @param value the limit
   * @return this builder
   */
  public ExchangeClientBuilder rateLimit(RateLimit value) {
    this.rateLimit = Objects.requireNonNull(value, "rateLimit == null");
    return this;
  }

  /**
   * A rate limit for the data calls (query and push) to one resource, on top of {@link #rateLimit(RateLimit)}:
   * each attempt also takes a permit from that resource's bucket.
   *
   * @param resourceCode the resource code, e.g. {@code "335001001/00012"}
   * @param value the limit; {@link RateLimit#unlimited()} removes a limit set before
   * @return this builder
   */
  public ExchangeClientBuilder rateLimit(String resourceCode, RateLimit value) {
    Objects.requireNonNull(resourceCode, "resourceCode == null");
    Objects.requireNonNull(value, "rateLimit == null");
    if (value.isUnlimited()) {
      resourceRateLimits.remove(resourceCode);
    } else {
      resourceRateLimits.put(resourceCode, value);
    }
    return this;
  }

  /**
   * Where the rate-limit buckets live (default: a new {@link InMemoryRateLimiter} per client). Give every
   * instance of one department the same shared limiter (Redis) so that together they stay under the agreed
   * rate. A limiter that cannot answer fails the call with {@code GDX-3418} (retryable).
   *
   * @param value the limiter
   * @return this builder
   */
  public ExchangeClientBuilder rateLimiter(RateLimiter value) {
    this.rateLimiter = Objects.requireNonNull(value, "rateLimiter == null");
    return this;
  }

  /**
   * The replay cache for sealed responses opened by this client (default: a new in-memory cache per client).
   * Share it between the instances of one department (JDBC or Redis) so that a response captured at one
   * instance is refused at another.
   *
   * @param value the cache
   * @return this builder
   */
  public ExchangeClientBuilder replayCache(ReplayCache value) {
    this.replayCache = Objects.requireNonNull(value, "replayCache == null");
    return this;
  }

  /**
   * Adds a listener told of every call (operation, outcome, status, {@code GDX-} code, latency, attempts), every
   * retry, circuit-breaker change and rate-limit wait; any number may be added, each is called in order. A listener
   * that throws never breaks a call. For Micrometer meters add
   * {@code io.github.govdx.client.metrics.GovdxMeters} ({@code docs/observability.md}).
   *
   * @param value the listener
   * @return this builder
   */
  public ExchangeClientBuilder addCallListener(CallListener value) {
    callListeners.add(Objects.requireNonNull(value, "callListener == null"));
    return this;
  }

  /**
   * Traces calls with OpenTelemetry (an optional dependency, {@code io.opentelemetry:opentelemetry-api}): each call
   * becomes a client span {@code govdx call <operation>} with children {@code govdx seal} and {@code govdx open},
   * and every attempt carries the span's W3C {@code traceparent} (and {@code tracestate}) header, outside the
   * sealed body and the gateway signature. Without it no span is made and no header is sent.
   *
   * @param value the OpenTelemetry instance (e.g. {@code GlobalOpenTelemetry.get()})
   * @return this builder
   */
  public ExchangeClientBuilder openTelemetry(OpenTelemetry value) {
    this.openTelemetry = Objects.requireNonNull(value, "openTelemetry == null");
    return this;
  }

  /** Test and integration hook: the envelope operations (normally made from the credentials). */
  ExchangeClientBuilder messageSealer(MessageSealer value) {
    this.messageSealer = Objects.requireNonNull(value, "messageSealer == null");
    return this;
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return d;
  }

  private static Duration notNegative(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " < 0");
    }
    return d;
  }

  private MessageSealer codecSealer(PartyDirectory remote) {
    PartyCredentials creds = Objects.requireNonNull(credentials);
    return CodecSealer.create(
        keyRing != null ? keyRing : PartyKeyRing.of(creds),
        Objects.requireNonNull(trustStore),
        directory != null ? directory : remote,
        suite != null ? suite : creds.suite(),
        clock,
        clockSkew,
        replayCache != null
            ? replayCache
            : new InMemoryReplayCache(clock, InMemoryReplayCache.DEFAULT_MAX_ENTRIES));
  }

  private LazyParts parts() {
    if (endpoint == null) {
      throw new IllegalStateException("ExchangeClient: missing endpoint");
    }
    if (party == null) {
      throw new IllegalStateException("ExchangeClient: missing party");
    }
    if (sealing && messageSealer == null && (credentials == null || trustStore == null)) {
      throw new IllegalStateException(
          "ExchangeClient: sealing is on but "
              + (credentials == null ? "credentials are" : "a trust store is")
              + " missing (or call sealing(false))");
    }
    if (credentials != null
        && !credentials.partyId().equals(party)
        && !credentials.partyId().equals(party.department())) {
      throw new IllegalStateException(
          "ExchangeClient: credentials belong to " + credentials.partyId() + ", not to " + party);
    }
    if (credentials != null && suite != null && credentials.suite() != suite) {
      throw new IllegalStateException(
          "ExchangeClient: suite "
              + suite
              + " but the credentials hold a "
              + credentials.suite()
              + " key");
    }
    return new LazyParts(party, new ExchangeClientBuilder(this));
  }

  private Parts construct() {
    AtomicReference<DirectoryImpl> remote = new AtomicReference<>();
    MessageSealer sealer = null;
    if (sealing) {
      sealer =
          messageSealer != null
              ? messageSealer
              : codecSealer(
                  p ->
                      DirectoryImpl.asPartyDirectory(
                              Objects.requireNonNull(remote.get(), "directory").sync())
                          .certificates(p));
    }
    HttpUrl base = HttpUrl.get(Objects.requireNonNull(endpoint).toString());
    boolean owns = httpClient == null;
    // A cleartext endpoint (a sandbox, or a gateway on the department's own network) needs no TLS:
    // without a TLS
    // connection spec OkHttp does not load the platform's trust store and TLS stack when the client
    // is built.
    OkHttpClient root =
        !owns
            ? httpClient
            : base.isHttps()
                ? new OkHttpClient()
                : new OkHttpClient.Builder()
                    .connectionSpecs(List.of(okhttp3.ConnectionSpec.CLEARTEXT))
                    .build();
    Observers observers = new Observers(callListeners);
    Tracing tracing = openTelemetry == null ? Tracing.NOOP : OtelTracing.create(openTelemetry);
    List<Interceptor> resilience = new ArrayList<>();
    resilience.add(new RetryInterceptor(retryPolicy, clock, null, SLEEPER));
    if (circuitBreaker.enabled()) {
      String host = base.host();
      resilience.add(
          new CircuitBreakerInterceptor(
              new CircuitBreaker(
                  circuitBreaker,
                  clock,
                  observers.isEmpty()
                      ? null
                      : (from, to) ->
                          observers.circuitStateChanged(
                              new CircuitStateChange(
                                  host,
                                  CircuitState.valueOf(from.name()),
                                  CircuitState.valueOf(to.name()))))));
    }
    if (!rateLimit.isUnlimited() || !resourceRateLimits.isEmpty()) {
      resilience.add(
          new RateLimitInterceptor(
              rateLimiter != null ? rateLimiter : new InMemoryRateLimiter(),
              party,
              rateLimit,
              resourceRateLimits,
              readTimeout,
              SLEEPER));
    }
    OkHttpClient http =
        Pipeline.build(
            root,
            party,
            clock,
            connectTimeout,
            readTimeout,
            writeTimeout,
            callTimeout,
            resilience,
            sealer,
            authenticator == null ? null : new AuthenticationInterceptor(authenticator),
            maxResponseBytes);
    Transport transport =
        new Transport(http, base, party, clock, maxResponseBytes, owns, observers, tracing);
    CatalogImpl catalog =
        new CatalogImpl(
            transport, new TtlCache<String, ResourceDetail>(catalogCacheTtl, clock, 1024));
    DirectoryImpl directory =
        new DirectoryImpl(
            transport, new TtlCache<PartyId, PartyInfo>(directoryCacheTtl, clock, 1024));
    remote.set(directory);
    return new Parts(
        transport,
        catalog,
        directory,
        new ApplicationsImpl(transport),
        new DataImpl(transport, catalog, recordValidator, sealer, clock),
        new SubscriptionsImpl(transport, readTimeout),
        new ObjectionsImpl(transport),
        new TransfersImpl(transport, sealer, catalog, recordValidator));
  }

  /**
   * Builds the synchronous client.
   *
   * @return the client
   * @throws IllegalStateException if a required setting is missing or settings conflict
   */
  public ExchangeClient build() {
    return new ExchangeClient(parts());
  }

  /**
   * Builds the asynchronous client.
   *
   * @return the client
   * @throws IllegalStateException if a required setting is missing or settings conflict
   */
  public ExchangeAsyncClient buildAsync() {
    return new ExchangeAsyncClient(parts());
  }
}
