package io.github.govdx.client.internal;

import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ExchangeClientException;
import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.observation.CallOutcome;
import io.github.govdx.client.observation.Outcome;
import io.github.govdx.core.party.PartyId;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@link ApiCall}s through the OkHttp pipeline, synchronously or asynchronously, and turns the
 * outcome into a result or a typed {@link ExchangeException}. Thread-safe.
 */
public final class Transport implements AutoCloseable {

  private final OkHttpClient http;
  private final HttpUrl v1;
  private final PartyId self;
  private final String selfText;
  private final Clock clock;
  private final long maxResponseBytes;
  private final boolean ownsHttp;
  private final Observers observers;
  private final Tracing tracing;

  /**
   * Creates a transport.
   *
   * @param http the client with the govdx interceptors installed
   * @param base the platform's base URL without {@code /v1}
   * @param self the calling party
   * @param clock the client's clock
   * @param maxResponseBytes the largest response body accepted
   * @param ownsHttp whether closing this transport shuts down {@code http}'s dispatcher and pool (only when
   *     govdx created them)
   * @param observers the client's listeners
   * @param tracing the client's tracing
   */
  public Transport(
      OkHttpClient http,
      HttpUrl base,
      PartyId self,
      Clock clock,
      long maxResponseBytes,
      boolean ownsHttp,
      Observers observers,
      Tracing tracing) {
    this.http = Objects.requireNonNull(http, "http == null");
    this.v1 =
        Objects.requireNonNull(base, "base == null").newBuilder().addPathSegment("v1").build();
    this.self = Objects.requireNonNull(self, "self == null");
    this.selfText = self.toString();
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.maxResponseBytes = maxResponseBytes;
    this.ownsHttp = ownsHttp;
    this.observers = Objects.requireNonNull(observers, "observers == null");
    this.tracing = Objects.requireNonNull(tracing, "tracing == null");
  }

  /** @return the client's tracing */
  public Tracing tracing() {
    return tracing;
  }

  /** @return the calling party */
  public PartyId self() {
    return self;
  }

  /** @return the client's clock */
  public Clock clock() {
    return clock;
  }

  /** @return the OkHttp client with the pipeline */
  public OkHttpClient http() {
    return http;
  }

  /**
   * Runs a call and waits for it.
   *
   * @param call the call
   * @param <T> the result type
   * @return the result
   * @throws ExchangeException on any failure
   */
  public <T> T execute(ApiCall<T> call) {
    long t0 = System.nanoTime();
    CallState st = newState(call);
    Call c = newCall(call, st);
    Response r = null;
    int status = 0;
    try {
      r = c.execute();
      status = r.code();
      T result = complete(call, st, r);
      finish(st, t0, status, null);
      return result;
    } catch (IOException e) {
      ExchangeException x = mapIo(e, st, c);
      finish(st, t0, status, x);
      throw x;
    } catch (RuntimeException | Error e) {
      finish(st, t0, status, e);
      throw e;
    } finally {
      if (r != null) {
        r.close();
      }
    }
  }

  private CallState newState(ApiCall<?> call) {
    Tracing.Span span = tracing.startClient("govdx call " + call.operation);
    span.attribute("govdx.operation", call.operation);
    span.attribute("http.request.method", call.method);
    span.attribute("server.address", v1.host());
    return new CallState(
        newRequestId(), call.safeToRetry, call.readTimeout, call.operation, observers, span);
  }

  /** Ends the call's span and tells the listeners; never throws. */
  private void finish(CallState st, long t0, int status, @Nullable Throwable failure) {
    Duration latency = Duration.ofNanos(System.nanoTime() - t0);
    int answered = status;
    if (answered == 0 && failure != null) {
      answered = Observers.statusOf(failure);
      if (answered == 0) {
        answered = st.lastStatus(); // an answer came, then govdx refused it (envelope, binding)
      }
    }
    Outcome outcome = failure == null ? Outcome.SUCCESS : Observers.outcomeOf(failure);
    String code = failure == null ? null : Observers.codeOf(failure);
    Tracing.Span span = st.span();
    try {
      if (answered != 0) {
        span.attribute("http.response.status_code", answered);
      }
      span.attribute("govdx.attempts", st.attempts());
      span.attribute("govdx.outcome", outcome.tagValue());
      if (failure != null) {
        span.failed(code != null ? code : failure.getClass().getSimpleName());
      }
      span.end();
    } catch (RuntimeException e) {
      // a tracing failure never changes the call
    }
    if (!observers.isEmpty()) {
      observers.callCompleted(
          CallOutcome.of(
              st.operation(),
              v1.host(),
              outcome,
              answered,
              code,
              failure == null ? null : Observers.envelopeCodeOf(failure),
              latency,
              st.attempts()));
    }
  }

  /**
   * Runs a call without blocking the caller. Cancelling the future cancels the HTTP call.
   *
   * @param call the call
   * @param <T> the result type
   * @return the future result; fails with an {@link ExchangeException}
   */
  public <T> CompletableFuture<T> executeAsync(ApiCall<T> call) {
    long t0 = System.nanoTime();
    CallState st = newState(call);
    Call c = newCall(call, st);
    CompletableFuture<T> future = new CompletableFuture<>();
    future.whenComplete(
        (v, e) -> {
          if (future.isCancelled()) {
            c.cancel();
          }
        });
    c.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call failed, IOException e) {
            ExchangeException x = mapIo(e, st, failed);
            finish(st, t0, 0, x);
            future.completeExceptionally(x);
          }

          @Override
          public void onResponse(Call done, Response response) {
            int status = response.code();
            try (Response r = response) {
              T result = complete(call, st, r);
              finish(st, t0, status, null);
              future.complete(result);
            } catch (IOException e) {
              ExchangeException x = mapIo(e, st, done);
              finish(st, t0, status, x);
              future.completeExceptionally(x);
            } catch (RuntimeException e) { // an ExchangeException, or a handler's bug
              finish(st, t0, status, e);
              future.completeExceptionally(e);
            }
          }
        });
    return future;
  }

  /**
   * A fresh request id: a version-4 UUID from {@link ThreadLocalRandom} (request ids need uniqueness, not
   * unpredictability, and this avoids a {@code SecureRandom} read per call).
   *
   * @return the id
   */
  static String newRequestId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  private Call newCall(ApiCall<?> call, CallState st) {
    HttpUrl.Builder url = v1.newBuilder();
    for (String s : call.path) {
      url.addPathSegment(s);
    }
    for (Map.Entry<String, String> q : call.query.entrySet()) {
      url.addQueryParameter(q.getKey(), q.getValue());
    }
    Request.Builder b =
        new Request.Builder()
            .url(url.build())
            .header("X-Request-Id", st.requestId())
            .header("X-Gdx-Party", selfText)
            .tag(CallState.class, st);
    if (call.idempotencyKey != null) {
      b.header("Idempotency-Key", call.idempotencyKey);
    }
    call.headers.forEach(b::header);
    if (call.streamHandler != null) {
      b.tag(ApiCall.StreamHandler.class, call.streamHandler);
    }
    RequestBody body = null;
    if (call.seal != null) {
      b.tag(SealSpec.class, call.seal);
      b.header("Accept", MediaTypes.ENVELOPE.toString());
      body = RequestBody.create(call.seal.payload(), MediaTypes.ENVELOPE);
    } else if (call.jsonBody != null) {
      body = RequestBody.create(call.jsonBody, MediaTypes.JSON);
    } else if (call.octetBody != null) {
      body = RequestBody.create(call.octetBody, MediaTypes.OCTETS);
    } else if (call.method.equals("POST")) {
      body = RequestBody.create(new byte[0], null);
    }
    b.method(call.method, body);
    Call c = http.newCall(b.build());
    if (call.streamHandler != null || call.octetBody != null) {
      c.timeout()
          .timeout(
              0, TimeUnit.MILLISECONDS); // a file part or download: read and write timeouts apply
    } else if (call.readTimeout != null && http.callTimeoutMillis() > 0) {
      Duration extended = Duration.ofMillis(http.callTimeoutMillis()).plus(call.readTimeout);
      c.timeout().timeout(extended.toMillis(), TimeUnit.MILLISECONDS);
    }
    return c;
  }

  private <T> T complete(ApiCall<T> call, CallState st, Response r) throws IOException {
    int status = r.code();
    ResponseBody body = r.body();
    if (status >= 200 && status < 300 && call.streamHandler != null) {
      if (!MediaTypes.OCTETS.toString().equals(r.header("Content-Type"))) {
        throw contentTypeUnexpected("application/octet-stream", status, r, st);
      }
      try (java.io.InputStream in = body.byteStream()) {
        return call.streamHandler.handle(status, r.headers(), in);
      }
    }
    if (status >= 200 && status < 300) {
      byte[] bytes = status == 204 ? new byte[0] : Bodies.readLimited(body, maxResponseBytes, st);
      if (bytes.length > 0 && !MediaTypes.isJson(r.header("Content-Type"))) {
        throw contentTypeUnexpected("application/json", status, r, st);
      }
      try {
        return call.handler.handle(status, r.headers(), bytes, st);
      } catch (Json.MalformedJsonException e) {
        throw CallState.clientError(
            ClientErrorCode.RESPONSE_MALFORMED,
            "HTTP " + status + " response: " + e.getMessage(),
            e,
            false,
            st);
      }
    }
    byte[] bytes;
    try {
      bytes = Bodies.readLimited(body, Math.min(maxResponseBytes, 1 << 20), st);
    } catch (IOException e) {
      bytes = new byte[0]; // an unreadable error body: classify by status alone
    }
    throw ErrorMapper.map(status, r.headers(), bytes, st, clock);
  }

  private ExchangeException mapIo(IOException e, CallState st, Call c) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GovdxIoException) {
        return ((GovdxIoException) t).exception();
      }
    }
    String what =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return CallState.clientError(
          ClientErrorCode.TIMEOUT, "timed out (" + what + ")", e, true, st);
    }
    if (c.isCanceled() || e instanceof InterruptedIOException) {
      return CallState.clientError(
          ClientErrorCode.CANCELLED, "call cancelled (" + what + ")", e, false, st);
    }
    return CallState.clientError(
        ClientErrorCode.CONNECTION_FAILED, "connection failed (" + what + ")", e, true, st);
  }

  @Override
  public void close() {
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  static ExchangeClientException contentTypeUnexpected(
      String expected, int status, Response r, CallState st) {
    return CallState.clientError(
        ClientErrorCode.CONTENT_TYPE_UNEXPECTED,
        "expected "
            + expected
            + " on HTTP "
            + status
            + ", got "
            + r.header("Content-Type", "no content type"),
        null,
        false,
        st);
  }
}
