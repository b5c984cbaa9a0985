package io.github.govdx.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;

/**
 * Sets the W3C {@code traceparent} (and {@code tracestate}) header of every attempt from the call's span: a plain
 * header, outside the sealed body and outside the gateway signature ({@code docs/protocol.md} section 2,
 * {@code docs/observability.md}). Without tracing the span injects nothing and the request is unchanged.
 * Thread-safe.
 */
final class TraceContextInterceptor implements Interceptor {

  @Override
  public okhttp3.Response intercept(Chain chain) throws IOException {
    Request req = chain.request();
    CallState st = req.tag(CallState.class);
    if (st == null || st.span() == Tracing.Span.NOOP) {
      return chain.proceed(req);
    }
    Request.Builder b = req.newBuilder();
    st.span().inject(b::header);
    return chain.proceed(b.build());
  }
}
