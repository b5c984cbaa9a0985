package io.github.govdx.testkit.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.testkit.Fault;
import io.github.govdx.testkit.Route;
import io.github.govdx.testkit.TestkitErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front of the sandbox on the JDK's {@link HttpServer} with a bounded executor. It applies the checks of
 * {@code docs/protocol.md} §2.4 in order — gateway authentication, {@code X-Gdx-Party}, route and method,
 * {@code Content-Type}, body size, {@code Idempotency-Key} — then hands the call to the {@link Platform}, and
 * injects faults per route. Thread-safe.
 */
public final class SandboxServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{16,128}");
  private static final Set<Route> ENVELOPE_ROUTES = EnumSet.of(Route.DATA_QUERY, Route.DATA_PUSH);
  private static final Set<Route> OPTIONAL_BODY =
      EnumSet.of(Route.APPLICATION_WITHDRAW, Route.OBJECTION_WITHDRAW, Route.TRANSFER_COMPLETE);
  private static final String OCTETS = "application/octet-stream";

  private final Router router = new Router();
  private final Platform platform;
  private final GatewayGuard gateway;
  private final FaultBook faults;
  private final IdempotencyStore idempotency;
  private final long maxBody;
  private final HttpServer server;
  private final ThreadPoolExecutor executor;

  /**
   * Binds the server (not started).
   *
   * @param platform the platform
   * @param gateway the gateway check
   * @param idempotency the platform's idempotency store
   * @param faults the faults
   * @param clock the clock
   * @param host the address to bind (loopback by default)
   * @param port the port, 0 for a free one
   * @param threads the worker threads
   * @param maxBody the largest request body accepted
   * @throws GovdxException {@code GDX-4101} if the port cannot be bound
   */
  public SandboxServer(
      Platform platform,
      GatewayGuard gateway,
      IdempotencyStore idempotency,
      FaultBook faults,
      Clock clock,
      InetAddress host,
      int port,
      int threads,
      long maxBody) {
    this.platform = platform;
    this.gateway = gateway;
    this.faults = faults;
    this.idempotency = idempotency;
    this.maxBody = maxBody;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf =
        r -> {
          Thread t = new Thread(r, "govdx-sandbox-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(4096),
            tf,
            new ThreadPoolExecutor.CallerRunsPolicy());
    try {
      this.server = HttpServer.create(new InetSocketAddress(host, port), 512);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new GovdxException(
          TestkitErrorCode.START_FAILED, "cannot bind " + host.getHostAddress() + ":" + port, e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /**
   * Serves a path prefix outside the exchange protocol (the test CA's {@code /pki/} endpoints).
   *
   * @param prefix the path prefix, e.g. {@code /pki/}
   * @param handler the handler
   */
  public void addContext(String prefix, com.sun.net.httpserver.HttpHandler handler) {
    server.createContext(prefix, handler);
  }

  /** Starts serving. */
  public void start() {
    server.start();
  }

  /**
   * The bound port.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The platform idempotency store.
   *
   * @return the store
   */
  public IdempotencyStore idempotency() {
    return idempotency;
  }

  @Override
  public void close() {
    platform.feeds().wakeAll();
    server.stop(0);
    executor.shutdownNow();
    platform.transfers().close();
  }

  private void handle(HttpExchange ex) {
    String requestId = ex.getRequestHeaders().getFirst("X-Request-Id");
    if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
      requestId = UUID.randomUUID().toString();
    }
    String method = ex.getRequestMethod();
    String rawPath = ex.getRequestURI().getRawPath();
    Route route = router.find(method, rawPath);
    try {
      if (route != null) {
        FaultBook.Plan before = faults.plan(route, false);
        sleep(before.latency());
        if (before.fault() != null) {
          applyFault(ex, before.fault(), requestId);
          return;
        }
      }
      Reply reply;
      try {
        reply = process(ex, method, rawPath, requestId);
      } catch (ApiException e) {
        reply = ErrorBodies.reply(e, requestId);
      }
      if (route != null) {
        FaultBook.Plan after = faults.plan(route, true);
        sleep(after.latency());
        if (after.fault() != null) {
          applyFault(ex, after.fault(), requestId);
          return;
        }
      }
      send(ex, reply, requestId);
    } catch (RuntimeException e) {
      LOG.debug("sandbox failure on {} {}", method, route, e);
      send(
          ex,
          ErrorBodies.reply(
              new ApiException(
                  WireCode.PLATFORM_INTERNAL_ERROR,
                  "unexpected sandbox failure: " + e.getClass().getSimpleName()),
              requestId),
          requestId);
    }
  }

  private static void sleep(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void applyFault(HttpExchange ex, Fault f, String requestId) {
    LOG.debug("injecting {} into request {}", f, requestId);
    if (f.kind() == Fault.Kind.CONNECTION_RESET) {
      ex.close();
      return;
    }
    Reply r;
    if (f.plainBodyValue().isPresent()) {
      r =
          new Reply(
              f.statusValue(),
              Map.of("Content-Type", "text/plain; charset=utf-8"),
              f.plainBodyValue().get().getBytes(StandardCharsets.UTF_8));
    } else {
      WireCode code = WireCode.forFaultStatus(f.statusValue());
      r =
          ErrorBodies.reply(
              new ApiException(
                  code,
                  "injected fault (sandbox)",
                  code.source(),
                  f.statusValue(),
                  null,
                  null,
                  null),
              requestId);
    }
    if (f.retryAfterValue().isPresent()) {
      r =
          r.withHeader(
              "Retry-After",
              Long.toString(ErrorBodies.retryAfterSeconds(f.retryAfterValue().get())));
    }
    send(ex, r, requestId);
  }

  private Reply process(HttpExchange ex, String method, String rawPath, String requestId) {
    Headers h = ex.getRequestHeaders();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    h.forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    byte[] body = readBody(ex);
    String rawQuery = ex.getRequestURI().getRawQuery();
    Set<PartyId> bound = gateway.authenticate(method, rawPath, rawQuery, headers, body);
    String partyText = h.getFirst("X-Gdx-Party");
    if (partyText == null || !PartyId.isValid(partyText)) {
      throw new ApiException(
          WireCode.PARTY_HEADER_INVALID, "X-Gdx-Party is missing or not a valid party id");
    }
    PartyId party = PartyId.parse(partyText);
    if (bound != null && !bound.contains(party)) {
      throw new ApiException(
          WireCode.GATEWAY_PARTY_FORBIDDEN,
          "X-Gdx-Party " + party + " is not bound to the gateway credential");
    }
    Router.Match match = router.match(method, rawPath);
    Route route = match.route();
    boolean hasBody = "POST".equals(method) || "PUT".equals(method);
    if (hasBody) {
      checkContentType(route, h.getFirst("Content-Type"), body.length);
    } else {
      body = new byte[0];
    }
    Call call =
        new Call(route, method, rawPath, rawQuery, headers, body, requestId, party, match.params());
    if (!hasBody || route == Route.DATA_QUERY || route == Route.TRANSFER_PART) {
      return platform.handle(call);
    }
    String key = h.getFirst("Idempotency-Key");
    if (key == null) {
      if (route == Route.DATA_PUSH || route == Route.TRANSFER_CREATE) {
        throw new ApiException(
            WireCode.IDEMPOTENCY_KEY_REQUIRED, "a push or a transfer needs an Idempotency-Key");
      }
      return platform.handle(call);
    }
    if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw new ApiException(
          WireCode.IDEMPOTENCY_KEY_REQUIRED,
          "Idempotency-Key must be 16-128 characters of [A-Za-z0-9._:-]");
    }
    String storeKey = party + "\n" + method + "\n" + rawPath + "\n" + key;
    return idempotency.execute(
        storeKey, requestIdentity(route, body), requestId, () -> platform.handle(call));
  }

  /**
   * What makes two requests under one key "the same body" ({@code docs/protocol.md} §5): for a push, the
   * envelope's message id (read from its cleartext routing header), so that the same push sealed again with a
   * fresh issued-at — an outbox delivering after the receiver's freshness window — still matches; for every
   * other request, the SHA-256 of the body.
   */
  private String requestIdentity(Route route, byte[] body) {
    if (route == Route.DATA_PUSH) {
      return "mid " + platform.envelopeFacts(body).messageId();
    }
    return Digests.sha256Hex(body);
  }

  private static void checkContentType(Route route, @Nullable String type, int bodyLength) {
    if (type == null && bodyLength == 0 && OPTIONAL_BODY.contains(route)) {
      return;
    }
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT).replace(" ", "");
    boolean ok;
    if (ENVELOPE_ROUTES.contains(route)) {
      ok = t.equals(Reply.ENVELOPE) || t.startsWith(Reply.ENVELOPE + ";");
    } else if (route == Route.TRANSFER_PART) {
      ok = t.equals(OCTETS);
    } else {
      ok = t.equals(Reply.JSON) || t.equals(Reply.JSON + ";charset=utf-8");
    }
    if (!ok) {
      throw new ApiException(
          WireCode.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type must be "
              + (ENVELOPE_ROUTES.contains(route)
                  ? Reply.ENVELOPE
                  : route == Route.TRANSFER_PART ? OCTETS : Reply.JSON + "; charset=utf-8")
              + " on this route");
    }
  }

  private byte[] readBody(HttpExchange ex) {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        long declared = Long.parseLong(length.trim());
        if (declared > maxBody) {
          if (declared <= 4 * maxBody) {
            drain(ex);
          }
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw new ApiException(WireCode.MALFORMED_REQUEST, "Content-Length is not a number");
      }
    }
    try (InputStream in = ex.getRequestBody()) {
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBody + 1));
      if (b.length > maxBody) {
        drain(ex);
        throw tooLarge();
      }
      return b;
    } catch (IOException e) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "the request body could not be read");
    }
  }

  private void drain(HttpExchange ex) {
    try (InputStream in = ex.getRequestBody()) {
      long limit = 4 * maxBody;
      byte[] buf = new byte[65536];
      long total = 0;
      int n;
      while (total < limit && (n = in.read(buf)) > 0) {
        total += n;
      }
    } catch (IOException e) {
      LOG.debug("could not drain an oversized body: {}", e.toString());
    }
  }

  private ApiException tooLarge() {
    return new ApiException(
        WireCode.PAYLOAD_TOO_LARGE, "the request body is over " + maxBody + " bytes");
  }

  private static void send(HttpExchange ex, Reply r, String requestId) {
    try {
      Headers out = ex.getResponseHeaders();
      r.headers().forEach(out::set);
      out.set("X-Request-Id", requestId);
      if (r.stream() != null) {
        ex.sendResponseHeaders(r.status(), r.streamLength() == 0 ? -1 : r.streamLength());
        if (r.streamLength() > 0) {
          try (OutputStream os = ex.getResponseBody()) {
            r.stream().write(os);
          }
        }
        return;
      }
      byte[] body = r.body();
      boolean noBody = body.length == 0;
      ex.sendResponseHeaders(r.status(), noBody ? -1 : body.length);
      if (!noBody) {
        try (OutputStream os = ex.getResponseBody()) {
          os.write(body);
        }
      }
    } catch (IOException e) {
      LOG.debug("could not send the response of {}: {}", requestId, e.toString());
    } finally {
      ex.close();
    }
  }
}
