package io.github.govdx.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Counts the attempt and reads the whole response body (within the size limit) inside the retry loop, so a
 * body cut short is a failed attempt that can be retried rather than a failure after the call returned.
 * Protocol bodies are small JSON documents, so buffering costs little. Thread-safe.
 */
public final class BufferingInterceptor implements Interceptor {

  private final long maxResponseBytes;

  /**
   * Creates the interceptor.
   *
   * @param maxResponseBytes the largest body accepted
   */
  public BufferingInterceptor(long maxResponseBytes) {
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    CallState st = chain.request().tag(CallState.class);
    if (st == null) {
      return chain.proceed(chain.request());
    }
    st.startAttempt();
    Response r = chain.proceed(chain.request());
    if (chain.request().tag(ApiCall.StreamHandler.class) != null && r.isSuccessful()) {
      return r; // a file download: read by the caller as it arrives, never held in memory
    }
    try (ResponseBody body = r.body()) {
      byte[] bytes = Bodies.readLimited(body, maxResponseBytes, st);
      return r.newBuilder().body(Bodies.buffered(bytes, body.contentType())).build();
    }
  }
}
