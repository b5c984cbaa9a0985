package io.github.govdx.client.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each attempt at DEBUG: method, path, the <em>names</em> of query parameters (never their values),
 * status, duration and the allow-listed headers of {@code docs/protocol.md} section 2. Bodies,
 * {@code Authorization}, gateway signatures and every other header are never logged (STYLE section 2.11).
 * Thread-safe.
 */
public final class LoggingInterceptor implements Interceptor {

  /** The only headers whose values are ever logged. */
  public static final Set<String> ALLOWED_HEADERS =
      Set.of(
          "x-request-id",
          "x-gdx-party",
          "idempotency-key",
          "content-type",
          "content-length",
          "retry-after",
          "date",
          "idempotency-replayed",
          // W3C trace context: random ids, logged to tie a log line to its trace (tracestate is
          // not)
          "traceparent");

  private static final Logger LOG = LoggerFactory.getLogger(LoggingInterceptor.class);

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request req = chain.request();
    if (!LOG.isDebugEnabled()) {
      return chain.proceed(req);
    }
    CallState st = req.tag(CallState.class);
    int attempt = st == null ? 0 : st.attempts();
    LOG.debug(
        "--> {} {} attempt={} {}",
        req.method(),
        maskedUrl(req.url()),
        attempt,
        headers(req.headers()));
    long t0 = System.nanoTime();
    Response r;
    try {
      r = chain.proceed(req);
    } catch (IOException e) {
      LOG.debug(
          "<-- failed {} {} attempt={} after {} ms: {}",
          req.method(),
          maskedUrl(req.url()),
          attempt,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
          e.getClass().getSimpleName());
      throw e;
    }
    LOG.debug(
        "<-- {} {} {} attempt={} {} ms {}",
        r.code(),
        req.method(),
        maskedUrl(req.url()),
        attempt,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
        headers(r.headers()));
    return r;
  }

  /**
   * The URL path with query parameter names only.
   *
   * @param url the URL
   * @return e.g. {@code /v1/catalog/resources?q=…&pageSize=…}
   */
  static String maskedUrl(HttpUrl url) {
    StringBuilder sb = new StringBuilder(url.encodedPath());
    for (int i = 0; i < url.querySize(); i++) {
      sb.append(i == 0 ? '?' : '&').append(url.queryParameterName(i)).append("=…");
    }
    return sb.toString();
  }

  /**
   * The allow-listed headers as {@code name=value}, the others as their names only.
   *
   * @param headers the headers
   * @return the masked text
   */
  static String headers(okhttp3.Headers headers) {
    return IntStream.range(0, headers.size())
        .mapToObj(
            i ->
                headers.name(i)
                    + '='
                    + (ALLOWED_HEADERS.contains(headers.name(i).toLowerCase(Locale.ROOT))
                        ? headers.value(i)
                        : "██"))
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
