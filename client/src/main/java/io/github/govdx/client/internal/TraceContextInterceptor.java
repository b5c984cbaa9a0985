package io.github.govdx.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;

/**
 * Sets the W3C {@code traceparent} (and {@code tracestate}) header of every attempt from the call's span: a plain
 * header, outside the sealed body and outside the gateway signature ({@code docs/protocol.md} section 2,
 * {@code docs/observability.md}). Without tracing the span injects nothing and the request is unchanged. It also
 * records each answer's HTTP status in the call's state, so that a call that fails after an answer came (an envelope
 * refused, a response not bound) still reports that status. Thread-safe.
 */
final class TraceContextInterceptor implements Interceptor {

  @Override
  public okhttp3.Response intercept(Chain chain) throws IOException {
    Request req = chain.request();
    CallState st = req.tag(CallState.class);
    if (st == null) {
      return chain.proceed(req);
    }
    if (st.span() != Tracing.Span.NOOP) {
      Request.Builder b = req.newBuilder();
      st.span().inject(b::header);
      req = b.build();
    }
    okhttp3.Response r = chain.proceed(req);
    st.lastStatus(r.code());
    return r;
  }
}
