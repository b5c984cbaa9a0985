package io.github.govdx.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bounded HTTP exchange for bytes (revocation information, time-stamps): a 2xx body of at most a limit, else
 * empty. Logs the host and the failure's class at DEBUG, never bodies. Thread-safe.
 */
public final class HttpBytes {

  private static final Logger LOG = LoggerFactory.getLogger(HttpBytes.class);

  private HttpBytes() {}

  /**
   * Executes a request.
   *
   * @param http the client (with its call timeout)
   * @param request the request
   * @param maxBytes the largest body accepted
   * @return the body, or empty on any failure
   */
  public static Optional<byte[]> fetch(OkHttpClient http, Request request, long maxBytes) {
    try (Response r = http.newCall(request).execute()) {
      ResponseBody body = r.body();
      if (!r.isSuccessful() || body == null) {
        LOG.debug("fetch from {} answered {}", request.url().host(), r.code());
        return Optional.empty();
      }
      try (InputStream in = body.byteStream()) {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
          LOG.debug("answer from {} over {} bytes", request.url().host(), maxBytes);
          return Optional.empty();
        }
        return Optional.of(bytes);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("fetch from {} failed: {}", request.url().host(), e.getClass().getName());
      return Optional.empty();
    }
  }
}
