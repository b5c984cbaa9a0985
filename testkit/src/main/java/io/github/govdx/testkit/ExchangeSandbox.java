package io.github.govdx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ExchangeAsyncClient;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeClientBuilder;
import io.github.govdx.client.InMemoryRateLimiter;
import io.github.govdx.client.RateLimit;
import io.github.govdx.client.RateLimiter;
import io.github.govdx.client.WorkingDayCalendar;
import io.github.govdx.client.auth.GatewaySecret;
import io.github.govdx.client.auth.GovdxHmacAuthenticator;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.ProviderRequest;
import io.github.govdx.client.provider.ProviderResponse;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.EvidenceLog;
import io.github.govdx.crypto.key.PartyDirectory;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.testkit.internal.ApiException;
import io.github.govdx.testkit.internal.ApplicationStore;
import io.github.govdx.testkit.internal.BuiltinProvider;
import io.github.govdx.testkit.internal.CatalogStore;
import io.github.govdx.testkit.internal.DataStore;
import io.github.govdx.testkit.internal.FaultBook;
import io.github.govdx.testkit.internal.GatewayGuard;
import io.github.govdx.testkit.internal.IdempotencyStore;
import io.github.govdx.testkit.internal.Keyring;
import io.github.govdx.testkit.internal.Platform;
import io.github.govdx.testkit.internal.SandboxServer;
import io.github.govdx.testkit.internal.Seed;
import io.github.govdx.testkit.internal.Tokens;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful, in-memory exchange platform implementing {@code docs/protocol.md} for tests and integration work
 * (DESIGN §6): catalog, party directory, access applications with configurable review, routing of sealed queries
 * and pushes to provider endpoints, idempotent push storage, subscription event feeds with cursors and long polls,
 * and data objections. It checks gateway authentication (govdx HMAC) and the envelope routing headers as the real
 * platform does, reads no envelope body addressed to anybody else, and injects faults per route.
 *
 * <p>At start it creates a throwaway SM2 CA ({@link TestPki}) and issues every party SM2 credentials and a gateway
 * credential ({@link TestParty}). A provider is either an endpoint registered in-process
 * ({@link Builder#provider(PartyId, SandboxProvider)}) or, when none is registered, the sandbox itself, answering
 * from seeded datasets and storing pushed batches with the keys it issued to that provider.
 *
 * <pre>{@code
 * try (ExchangeSandbox sandbox = ExchangeSandbox.builder().reviewMode(ReviewMode.AUTO_APPROVE).start()) {
 *   TestParty hotline = sandbox.party("hotline");
 *   URI base = sandbox.baseUri(); // http://127.0.0.1:{port}; the protocol's paths start at /v1
 * }
 * }</pre>
 *
 * <p>Several sandboxes, in one JVM or in several processes, act as one platform when they share a
 * {@link SandboxState} ({@link Builder#sharedState}): the same test keys, one gateway nonce cache, replay cache and
 * idempotency store, one store of pushed batches and one evidence chain (docs/sandbox.md "Several instances").
 *
 * <p>Thread-safe. Listens on the loopback interface unless told otherwise; {@link #close()} stops it.
 */
public final class ExchangeSandbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExchangeSandbox.class);

  private final Clock clock;
  private final ZoneId zone;
  private final TestPki pki;
  private final Parties parties;
  private final Platform platform;
  private final FaultBook faults = new FaultBook();
  private final DataStore data;
  private final SandboxState.@Nullable Opened shared;
  private final @Nullable EvidenceLog evidence;
  private final Map<PartyId, SandboxProvider> registered = new ConcurrentHashMap<>();
  private final Map<PartyId, BuiltinProvider> builtins = new ConcurrentHashMap<>();
  private final AtomicReference<ReviewMode> review;
  private final Tokens tokens;
  private final CatalogSchemas schemas = new CatalogSchemas();
  private final ExecutorService providerPool;
  private final SandboxServer server;
  private final Set<Suite> suites;
  private final boolean gatewayAuth;
  private final InetAddress host;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private ExchangeSandbox(Builder b) {
    this.clock = b.clock;
    this.zone = b.zone;
    this.shared = b.state == null ? null : b.state.open(b.clock);
    Keyring keyring = shared == null ? Keyring.LOCAL : shared.tables()::getOrCreate;
    this.pki = shared == null ? TestPki.create(clock) : TestPki.create(clock, keyring);
    this.data = new DataStore(shared == null ? null : shared.tables());
    this.evidence = shared == null ? null : EvidenceLog.create(shared.evidenceStore(), clock);
    this.review = new AtomicReference<>(b.reviewMode);
    this.tokens = shared == null ? new Tokens(clock) : new Tokens(clock, keyring);
    this.suites = Set.of(Suite.GM);
    this.gatewayAuth = b.gatewayAuth;
    this.host = b.host;
    Seed seed =
        b.seedDir != null
            ? Seed.read(b.seedDir)
            : b.builtinSeed ? Seed.builtin() : new Seed(List.of(), List.of(), Map.of());
    this.parties = new Parties(pki, b.dualCertificates, keyring);
    for (Seed.SeedParty p : seed.parties()) {
      parties.add(p.alias(), p.partyId(), p.name());
    }
    for (PartyDef p : b.extraParties) {
      parties.add(p.alias, p.partyId, p.name);
    }
    AtomicInteger n = new AtomicInteger();
    this.providerPool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "govdx-sandbox-provider-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Platform.Parts parts = new Platform.Parts();
    parts.clock = clock;
    parts.zone = zone;
    parts.workingDays = Adapters.workingDays(b.calendar);
    parts.tokens = tokens;
    parts.envelopes = Adapters.envelopeReader();
    parts.directory = parties::directoryJson;
    parts.providers = this::endpoint;
    parts.fileProviders = party -> Optional.ofNullable(registered.get(party));
    parts.providerPool = providerPool;
    parts.providerTimeout = b.providerTimeout;
    parts.review = review;
    parts.longPollCap = b.longPollCap;
    parts.retention = b.eventRetention;
    parts.maxEvents = b.maxEventsPerSubscription;
    parts.personalData = Adapters.personalDataCheck();
    parts.maxBody = b.maxBodyBytes;
    parts.sharedGrants = shared == null ? null : shared.tables().grants();
    this.platform = new Platform(parts);
    for (ObjectNode e : seed.catalog()) {
      platform.publish(schemas.withSchema(e));
    }
    for (JsonNode e : b.extraResources) {
      platform.publish(schemas.withSchema(CatalogStore.check(e)));
    }
    seed.datasets().forEach((code, recs) -> data.seed(code, toList(recs)));
    b.extraData.forEach((code, recs) -> data.seed(code, recs));
    registered.putAll(b.providers);
    GatewayGuard guard =
        b.gatewayAuth
            ? Adapters.gateway(parties, clock, shared == null ? null : shared.nonceCache())
            : Adapters.openGateway();
    if (b.rateLimit != null) {
      RateLimiter limiter =
          shared != null && shared.rateLimiter() != null
              ? shared.rateLimiter()
              : new InMemoryRateLimiter();
      guard = Adapters.rateLimited(guard, limiter, b.rateLimit);
    }
    this.server =
        new SandboxServer(
            platform,
            guard,
            new IdempotencyStore(
                clock, "platform", shared == null ? null : shared.idempotencyStore()),
            faults,
            clock,
            b.host,
            b.port,
            b.threads,
            b.maxBodyBytes);
    server.addContext("/pki/", this::pki);
  }

  /**
   * The test CA's endpoints: {@code GET /pki/crl} (DER CRL), {@code POST /pki/ocsp} (RFC 6960,
   * {@code application/ocsp-request}), {@code POST /pki/tsa} (RFC 3161, SM2-SM3) and {@code POST /pki/tsa-es256}
   * (RFC 3161, ES256), both {@code application/timestamp-query}.
   */
  private void pki(com.sun.net.httpserver.HttpExchange x) throws java.io.IOException {
    try (x) {
      String path = x.getRequestURI().getPath();
      byte[] body;
      String type;
      int status = 200;
      try {
        if (path.equals("/pki/crl") && x.getRequestMethod().equals("GET")) {
          body = pki.crl();
          type = "application/pkix-crl";
        } else if (path.equals("/pki/ocsp") && x.getRequestMethod().equals("POST")) {
          body = pki.ocsp(x.getRequestBody().readNBytes(64 * 1024));
          type = "application/ocsp-response";
        } else if (path.equals("/pki/tsa") && x.getRequestMethod().equals("POST")) {
          body = pki.timestampAuthority().respond(x.getRequestBody().readNBytes(64 * 1024));
          type = "application/timestamp-reply";
        } else if (path.equals("/pki/tsa-es256") && x.getRequestMethod().equals("POST")) {
          body = pki.es256TimestampAuthority().respond(x.getRequestBody().readNBytes(64 * 1024));
          type = "application/timestamp-reply";
        } else {
          status = 404;
          body = new byte[0];
          type = "text/plain";
        }
      } catch (IllegalArgumentException e) {
        status = 400;
        body = new byte[0];
        type = "text/plain";
      }
      x.getResponseHeaders().set("Content-Type", type);
      x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        x.getResponseBody().write(body);
      }
    }
  }

  /**
   * Revokes a party's certificate at the test CA: the CA's CRL lists it and its OCSP responder answers "revoked"
   * from now on. Parties that check revocation ({@link io.github.govdx.crypto.key.TrustStore#withRevocation} with
   * {@link TestPki#revocationSource()} or the {@code /pki/} endpoints) then refuse its messages ({@code GDX-2208}).
   *
   * @param aliasOrId the party's alias or id
   * @throws GovdxException {@code GDX-4xxx} if no such party
   */
  public void revoke(String aliasOrId) {
    pki.revoke(party(aliasOrId).credentials().certificate());
  }

  private static List<JsonNode> toList(ArrayNode a) {
    List<JsonNode> out = new ArrayList<>();
    a.forEach(out::add);
    return out;
  }

  private Optional<SandboxProvider> endpoint(PartyId provider) {
    SandboxProvider p = registered.get(provider);
    if (p != null) {
      return Optional.of(p);
    }
    Optional<TestParty> party = parties.byId(provider);
    if (party.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        builtins.computeIfAbsent(
            provider,
            id ->
                new BuiltinProvider(
                    party.get().credentials(),
                    providerCodec(party.get()),
                    platform.catalog(),
                    data,
                    schemas,
                    this::allowedItems,
                    tokens,
                    clock,
                    zone,
                    new IdempotencyStore(
                        clock, "provider", shared == null ? null : shared.idempotencyStore()),
                    evidence)));
  }

  /** The built-in provider's codec: {@link #codecFor}, with the shared replay cache of a clustered sandbox. */
  private EnvelopeCodec providerCodec(TestParty party) {
    if (shared == null) {
      return codecFor(party);
    }
    return EnvelopeCodec.builder()
        .credentials(party.credentials())
        .trustStore(pki.trustStore())
        .directory(parties.directory())
        .acceptedSuites(suites)
        .clock(clock)
        .replayCache(shared.replayCache())
        .build();
  }

  private List<String> allowedItems(PartyId caller, String resourceCode) {
    return platform.applications().grantedItems(caller, resourceCode).orElse(List.of());
  }

  /**
   * A codec for a party the sandbox issued credentials to: its credentials, the test CA as trust store, the
   * sandbox directory, the sandbox clock.
   *
   * @param party the party
   * @return the codec
   */
  public EnvelopeCodec codecFor(TestParty party) {
    Objects.requireNonNull(party, "party == null");
    return EnvelopeCodec.builder()
        .credentials(party.credentials())
        .trustStore(pki.trustStore())
        .directory(parties.directory())
        .acceptedSuites(suites)
        .clock(clock)
        .build();
  }

  /**
   * A client builder configured for a sandbox party: this sandbox's endpoint, the party, its govdx HMAC gateway
   * credential, its SM2 credentials, the test CA as trust store, the sandbox's party directory (in memory, the
   * same certificates {@code GET /v1/parties} serves) and the sandbox clock. Change what the test needs
   * (timeouts, retry policy) and build.
   *
   * @param aliasOrId the party's alias or id
   * @return the builder
   * @throws GovdxException {@code GDX-4103} if the party is unknown
   */
  public ExchangeClientBuilder clientBuilder(String aliasOrId) {
    TestParty p = party(aliasOrId);
    return ExchangeClient.builder()
        .endpoint(baseUri())
        .party(p.partyId())
        .authenticator(
            GovdxHmacAuthenticator.builder()
                .keyId(p.gatewayKeyId())
                .secret(GatewaySecret.of(p.gatewaySecretBytes()))
                .clock(clock)
                .build())
        .credentials(p.credentials())
        .trustStore(pki.trustStore())
        .directory(parties.directory())
        .clock(clock);
  }

  /**
   * A synchronous client for a sandbox party ({@link #clientBuilder(String)} built); the caller closes it.
   *
   * @param aliasOrId the party's alias or id
   * @return the client
   * @throws GovdxException {@code GDX-4103} if the party is unknown
   */
  public ExchangeClient client(String aliasOrId) {
    return clientBuilder(aliasOrId).build();
  }

  /**
   * An asynchronous client for a sandbox party; the caller closes it.
   *
   * @param aliasOrId the party's alias or id
   * @return the client
   * @throws GovdxException {@code GDX-4103} if the party is unknown
   */
  public ExchangeAsyncClient asyncClient(String aliasOrId) {
    return clientBuilder(aliasOrId).buildAsync();
  }

  /**
   * Adapts the client module's framework-neutral provider endpoint to the sandbox, so a provider department's
   * real endpoint code answers the sandbox's forwarded requests in-process.
   *
   * @param endpoint the endpoint
   * @return the sandbox provider
   */
  public static SandboxProvider provider(ProviderEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint == null");
    return request -> {
      ProviderResponse r =
          endpoint.handle(
              ProviderRequest.of(
                  request.method(), request.path(), request.headers(), request.body()));
      return new SandboxProvider.Response(r.status(), r.headers(), r.body());
    };
  }

  /**
   * Returns a new builder: built-in seed, loopback, a free port, gateway authentication on,
   * {@link ReviewMode#AUTO_APPROVE}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The base URI to configure clients with (without {@code /v1}), e.g. {@code http://127.0.0.1:53817}.
   *
   * @return the base URI
   */
  public URI baseUri() {
    String host = hostForUri();
    return URI.create("http://" + host + ":" + server.port());
  }

  private String hostForUri() {
    if (host.isAnyLocalAddress() || host.isLoopbackAddress()) {
      return "127.0.0.1";
    }
    String a = host.getHostAddress();
    return a.contains(":") ? "[" + a + "]" : a;
  }

  /**
   * The port the sandbox listens on.
   *
   * @return the port
   */
  public int port() {
    return server.port();
  }

  /**
   * The test CA that issued every party certificate.
   *
   * @return the CA
   */
  public TestPki pki() {
    return pki;
  }

  /**
   * A trust store holding the test CA, for clients and providers.
   *
   * @return the trust store
   */
  public TrustStore trustStore() {
    return pki.trustStore();
  }

  /**
   * The party directory (every party's current certificates), the same the HTTP directory serves.
   *
   * @return the directory
   */
  public PartyDirectory directory() {
    return parties.directory();
  }

  /**
   * Every party, in the order they were added.
   *
   * @return the parties
   */
  public List<TestParty> parties() {
    return parties.all();
  }

  /**
   * A party by alias (e.g. {@code hotline}) or party id text.
   *
   * @param aliasOrId the alias or party id
   * @return the party
   * @throws GovdxException {@code GDX-4103} if the sandbox has no such party
   * @throws NullPointerException if {@code aliasOrId} is null
   */
  public TestParty party(String aliasOrId) {
    Objects.requireNonNull(aliasOrId, "aliasOrId == null");
    return parties
        .find(aliasOrId)
        .orElseThrow(
            () ->
                new GovdxException(
                    TestkitErrorCode.PARTY_UNKNOWN,
                    "no sandbox party '" + aliasOrId + "'; known: " + parties.aliases()));
  }

  /**
   * Adds a party while running: issues it credentials and a gateway key, and lists it in the directory.
   *
   * @param alias the alias, 1-32 of {@code [a-z0-9_-]}
   * @param partyId the party id
   * @param name the display name
   * @return the party
   * @throws IllegalArgumentException if the alias or party id is already used, or the alias is malformed
   */
  public TestParty addParty(String alias, PartyId partyId, String name) {
    return parties.add(alias, partyId, name);
  }

  /**
   * Publishes or changes a catalog entry (the catalog registration a provider department does in the
   * platform's console). A change emits {@code resource.changed} to subscribers.
   *
   * @param entry the entry in the wire form of {@code docs/protocol.md} §6.2, with {@code actions}
   * @throws GovdxException {@code GDX-4001} if the entry is invalid
   * @throws NullPointerException if {@code entry} is null
   */
  public void publish(JsonNode entry) {
    Objects.requireNonNull(entry, "entry == null");
    platform.publish(schemas.withSchema(CatalogStore.check(entry)));
  }

  /**
   * A catalog entry.
   *
   * @param resourceCode the resource code
   * @return the entry (a copy), or empty
   */
  public Optional<JsonNode> resource(String resourceCode) {
    return platform.catalog().get(resourceCode).map(ObjectNode::deepCopy);
  }

  /**
   * Registers (or replaces) the in-process endpoint of a provider department; the sandbox then forwards every
   * query and push addressed to that provider to it instead of answering itself.
   *
   * @param provider the provider party
   * @param endpoint the endpoint
   * @throws NullPointerException if an argument is null
   */
  public void registerProvider(PartyId provider, SandboxProvider endpoint) {
    registered.put(
        Objects.requireNonNull(provider, "provider == null"),
        Objects.requireNonNull(endpoint, "endpoint == null"));
  }

  /**
   * Removes an in-process endpoint; the sandbox answers for that provider itself again.
   *
   * @param provider the provider party
   */
  public void unregisterProvider(PartyId provider) {
    registered.remove(provider);
  }

  /**
   * Injects a fault into every later request of a route (see {@link Fault}).
   *
   * @param route the route
   * @param fault the fault
   * @throws NullPointerException if an argument is null
   */
  public void inject(Route route, Fault fault) {
    faults.add(
        Objects.requireNonNull(route, "route == null"),
        Objects.requireNonNull(fault, "fault == null"));
  }

  /** Removes every injected fault. */
  public void clearFaults() {
    faults.clear();
  }

  /**
   * Sets how applications are reviewed from now on.
   *
   * @param mode the mode
   */
  public void reviewMode(ReviewMode mode) {
    review.set(Objects.requireNonNull(mode, "mode == null"));
  }

  /**
   * The current review mode.
   *
   * @return the mode
   */
  public ReviewMode reviewMode() {
    return review.get();
  }

  /**
   * Every application, oldest first.
   *
   * @return the applications
   */
  public List<ApplicationSnapshot> applications() {
    List<ApplicationSnapshot> out = new ArrayList<>();
    for (ApplicationStore.App a : platform.applications().all()) {
      out.add(snapshot(a));
    }
    return out;
  }

  /**
   * The applications waiting for a decision ({@code submitted} or {@code under_review}).
   *
   * @return the applications
   */
  public List<ApplicationSnapshot> pendingApplications() {
    return applications().stream()
        .filter(a -> a.state().equals("submitted") || a.state().equals("under_review"))
        .toList();
  }

  private static ApplicationSnapshot snapshot(ApplicationStore.App a) {
    return new ApplicationSnapshot(
        a.id(), a.resourceCode(), a.applicant(), a.provider(), a.state());
  }

  /**
   * Approves an application on behalf of its provider.
   *
   * @param applicationId the id
   * @param reason the reason (recorded as {@code decisionReason})
   * @return the application after the decision
   * @throws GovdxException {@code GDX-4104} if unknown, {@code GDX-4105} if not pending
   */
  public ApplicationSnapshot approve(String applicationId, String reason) {
    return decide(applicationId, "approved", reason);
  }

  /**
   * Rejects an application on behalf of its provider.
   *
   * @param applicationId the id
   * @param reason the reason
   * @return the application after the decision
   * @throws GovdxException {@code GDX-4104} if unknown, {@code GDX-4105} if not pending
   */
  public ApplicationSnapshot reject(String applicationId, String reason) {
    return decide(applicationId, "rejected", reason);
  }

  private ApplicationSnapshot decide(String id, String state, String reason) {
    Objects.requireNonNull(id, "applicationId == null");
    Objects.requireNonNull(reason, "reason == null");
    try {
      ApplicationStore.App a = platform.applications().find(id, null);
      if (a.state().equals("submitted")) {
        platform.applications().decide(id, null, "under_review", null);
      }
      return snapshot(platform.applications().decide(id, null, state, reason));
    } catch (ApiException e) {
      throw new GovdxException(
          e.status() == 404
              ? TestkitErrorCode.OBJECT_UNKNOWN
              : TestkitErrorCode.TRANSITION_NOT_ALLOWED,
          e.getMessage());
    }
  }

  /**
   * The batches the sandbox stored as provider of a resource, in order.
   *
   * @param resourceCode the resource
   * @return the batches
   */
  public List<StoredBatch> batches(String resourceCode) {
    List<StoredBatch> out = new ArrayList<>();
    for (DataStore.Batch b : data.batches(resourceCode)) {
      out.add(
          new StoredBatch(
              b.resourceCode(), b.batchId(), b.sender(), b.messageId(), b.storedAt(), b.records()));
    }
    return out;
  }

  /**
   * The records the sandbox holds as provider of a resource (seeded and pushed). May hold personal data: do not
   * log them.
   *
   * @param resourceCode the resource
   * @return the records (copies)
   */
  public List<JsonNode> records(String resourceCode) {
    List<JsonNode> out = new ArrayList<>();
    data.records(resourceCode).forEach(r -> out.add(r.deepCopy()));
    return out;
  }

  /**
   * Whether requests must carry valid govdx HMAC gateway credentials.
   *
   * @return {@code true} unless started with {@link Builder#gatewayAuth(boolean) gatewayAuth(false)}
   */
  public boolean gatewayAuthEnabled() {
    return gatewayAuth;
  }

  /**
   * Writes the test credentials of every party into {@code dir} (created if needed) so a team on another stack
   * can call the sandbox: the CA certificate, each party's private key, certificate and gateway credential, and
   * a {@code README-TEST-KEYS.txt}. Files are marked as test keys.
   *
   * @param dir the directory
   * @return the directory
   * @throws GovdxException {@code GDX-4102} if a file cannot be written
   */
  public Path writeCredentials(Path dir) {
    return CredentialsWriter.write(dir, this);
  }

  /** Stops the server and every long poll. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    server.close();
    providerPool.shutdownNow();
    if (evidence != null) {
      evidence.close();
    }
    LOG.debug("sandbox on port {} stopped", server.port());
  }

  /** Names the port; never keys. */
  @Override
  public String toString() {
    return "ExchangeSandbox{" + baseUri() + ", parties=" + parties.aliases() + "}";
  }

  private record PartyDef(String alias, PartyId partyId, String name) {}

  /** Configures and starts a sandbox. Not thread-safe. */
  public static final class Builder {
    private int port;
    private InetAddress host = InetAddress.getLoopbackAddress();
    private @Nullable Path seedDir;
    private boolean builtinSeed = true;
    private ReviewMode reviewMode = ReviewMode.AUTO_APPROVE;
    private boolean gatewayAuth = true;
    private boolean dualCertificates;
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    private WorkingDayCalendar calendar = WorkingDayCalendar.weekendsOnly();
    private int threads = 64;
    private Duration longPollCap = Duration.ofSeconds(60);
    private Duration providerTimeout = Duration.ofSeconds(30);
    private Duration eventRetention = Duration.ofDays(7);
    private int maxEventsPerSubscription = 100_000;
    private long maxBodyBytes = 10L * 1024 * 1024;
    private final List<PartyDef> extraParties = new ArrayList<>();
    private final List<JsonNode> extraResources = new ArrayList<>();
    private final Map<String, List<JsonNode>> extraData = new LinkedHashMap<>();
    private final Map<PartyId, SandboxProvider> providers = new LinkedHashMap<>();
    private @Nullable SandboxState state;
    private @Nullable RateLimit rateLimit;

    private Builder() {}

    /**
     * The port; default 0 (a free one).
     *
     * @param port 0–65535
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The address to listen on; default loopback. Only widen it on a trusted test network.
     *
     * @param host the address
     * @return this builder
     */
    public Builder host(InetAddress host) {
      this.host = Objects.requireNonNull(host, "host == null");
      return this;
    }

    /**
     * Reads the seed (parties, catalog, datasets) from a directory instead of the built-in one.
     *
     * @param dir a directory with {@code parties.json}, {@code catalog.json} and optionally {@code datasets/}
     * @return this builder
     */
    public Builder seed(Path dir) {
      this.seedDir = Objects.requireNonNull(dir, "dir == null");
      return this;
    }

    /**
     * Starts without the built-in seed (no parties, no catalog) when no seed directory is given.
     *
     * @return this builder
     */
    public Builder emptySeed() {
      this.builtinSeed = false;
      return this;
    }

    /**
     * Adds a party besides the seed's.
     *
     * @param alias the alias
     * @param partyId the party id
     * @param name the display name
     * @return this builder
     */
    public Builder party(String alias, PartyId partyId, String name) {
      extraParties.add(
          new PartyDef(
              Objects.requireNonNull(alias, "alias == null"),
              Objects.requireNonNull(partyId, "partyId == null"),
              Objects.requireNonNull(name, "name == null")));
      return this;
    }

    /**
     * Adds a catalog entry besides the seed's.
     *
     * @param entry the entry in the wire form of {@code docs/protocol.md} §6.2 with {@code actions}
     * @return this builder
     */
    public Builder resource(JsonNode entry) {
      extraResources.add(Objects.requireNonNull(entry, "entry == null").deepCopy());
      return this;
    }

    /**
     * Adds records the sandbox serves as provider of a resource.
     *
     * @param resourceCode the resource
     * @param records the records
     * @return this builder
     */
    public Builder dataset(String resourceCode, List<? extends JsonNode> records) {
      extraData
          .computeIfAbsent(
              Objects.requireNonNull(resourceCode, "resourceCode == null"), k -> new ArrayList<>())
          .addAll(records);
      return this;
    }

    /**
     * Registers an in-process provider endpoint.
     *
     * @param provider the provider party
     * @param endpoint the endpoint
     * @return this builder
     */
    public Builder provider(PartyId provider, SandboxProvider endpoint) {
      providers.put(
          Objects.requireNonNull(provider, "provider == null"),
          Objects.requireNonNull(endpoint, "endpoint == null"));
      return this;
    }

    /**
     * How applications are reviewed; default {@link ReviewMode#AUTO_APPROVE}.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder reviewMode(ReviewMode mode) {
      this.reviewMode = Objects.requireNonNull(mode, "mode == null");
      return this;
    }

    /**
     * Whether parties get dual certificates (双证书, GM/T 0015): a signing certificate and a separate encryption
     * certificate, both in the party directory; default {@code false} (one certificate for both uses).
     *
     * @param on whether to issue dual certificates
     * @return this builder
     */
    public Builder dualCertificates(boolean on) {
      this.dualCertificates = on;
      return this;
    }

    /**
     * Whether requests must carry govdx HMAC gateway credentials; default {@code true}. Switch off only for a
     * first contact with {@code curl}: {@code X-Gdx-Party} is then trusted as sent.
     *
     * @param on whether to check
     * @return this builder
     */
    public Builder gatewayAuth(boolean on) {
      this.gatewayAuth = on;
      return this;
    }

    /**
     * The clock of state, envelopes and gateway checks; default the system UTC clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * The platform's working-day calendar (工作日) for the due dates of applications and objections; default
     * weekends only. Add public holidays and make-up working days (调休) of the year under test.
     *
     * @param calendar the calendar
     * @return this builder
     */
    public Builder calendar(WorkingDayCalendar calendar) {
      this.calendar = Objects.requireNonNull(calendar, "calendar == null");
      return this;
    }

    /**
     * The worker threads of the HTTP server (long polls hold one each); default 64.
     *
     * @param threads at least 2
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 2) {
        throw new IllegalArgumentException("threads < 2: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * The longest a long poll is held, whatever {@code wait} asks; default 60 s (the protocol's maximum).
     *
     * @param cap the cap, not negative
     * @return this builder
     */
    public Builder longPollCap(Duration cap) {
      Objects.requireNonNull(cap, "cap == null");
      if (cap.isNegative()) {
        throw new IllegalArgumentException("cap < 0");
      }
      this.longPollCap = cap;
      return this;
    }

    /**
     * How long a provider endpoint may take before the caller gets {@code 504}/{@code GDX-3213}; default 30 s.
     *
     * @param timeout the timeout, positive
     * @return this builder
     */
    public Builder providerTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.providerTimeout = timeout;
      return this;
    }

    /**
     * How long events are kept; default 7 days.
     *
     * @param retention the retention, positive
     * @return this builder
     */
    public Builder eventRetention(Duration retention) {
      this.eventRetention = Objects.requireNonNull(retention, "retention == null");
      return this;
    }

    /**
     * The most events kept per subscription (older ones expire: {@code 410}); default 100 000.
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxEventsPerSubscription(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("max < 1: " + max);
      }
      this.maxEventsPerSubscription = max;
      return this;
    }

    /**
     * The largest request body; default 10 MiB (the protocol's minimum).
     *
     * @param bytes at least 1024
     * @return this builder
     */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxBodyBytes < 1024: " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Shares the platform's state with other sandbox processes through a database (and Redis), so that they act
     * as one clustered platform (docs/sandbox.md "Several instances"): the same test CA, parties, credentials and
     * page tokens; one gateway nonce cache, envelope replay cache and idempotency store; one store of pushed
     * batches; the grants of approved applications; one evidence chain. The applications themselves,
     * subscriptions, objections, transfers and faults stay per process.
     * Default: everything in this JVM.
     *
     * @param state the shared state
     * @return this builder
     */
    public Builder sharedState(SandboxState state) {
      this.state = Objects.requireNonNull(state, "state == null");
      return this;
    }

    /**
     * A rate limit per calling party at the gateway: a call over it is refused with {@code 429}/{@code GDX-3108}
     * and {@code Retry-After}. Enforced with gateway authentication on; shared by every instance when the
     * {@link #sharedState shared state} has Redis, per process otherwise. Default: none.
     *
     * @param perParty the limit of each party
     * @return this builder
     */
    public Builder rateLimit(RateLimit perParty) {
      this.rateLimit = Objects.requireNonNull(perParty, "perParty == null");
      return this;
    }

    /**
     * Starts the sandbox.
     *
     * @return the running sandbox
     * @throws GovdxException {@code GDX-4001}/{@code GDX-4002} for a bad seed, {@code GDX-4101} if the port
     *     cannot be bound
     */
    public ExchangeSandbox start() {
      ExchangeSandbox s = new ExchangeSandbox(this);
      s.server.start();
      LOG.debug("sandbox started on {}", s.baseUri());
      return s;
    }
  }
}
