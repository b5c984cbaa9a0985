package io.github.govdx.client.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Applies a per-call read timeout (long polling of the event feed needs {@code wait + 10 s}); the client's
 * connect, read, write and call timeouts apply otherwise. Thread-safe.
 */
public final class TimeoutInterceptor implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    CallState st = chain.request().tag(CallState.class);
    Duration t = st == null ? null : st.readTimeout();
    if (t == null) {
      return chain.proceed(chain.request());
    }
    return chain
        .withReadTimeout((int) Math.min(Integer.MAX_VALUE, t.toMillis()), TimeUnit.MILLISECONDS)
        .proceed(chain.request());
  }
}
