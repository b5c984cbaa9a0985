package io.github.govdx.client;

import io.github.govdx.crypto.key.RevocationSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RevocationSource} that fetches CRLs ({@code GET} of the certificate's first http(s) distribution point)
 * and asks OCSP responders ({@code POST application/ocsp-request}, RFC 6960 appendix A) over HTTP, with bounded
 * time and size. It only transports bytes: the trust store verifies every CRL and response it returns.
 *
 * <pre>{@code
 * TrustStore trust = TrustStore.load(anchors)
 *     .withRevocation(RevocationPolicy.HARD_FAIL, HttpRevocationSource.create());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class HttpRevocationSource implements RevocationSource {

  private static final Logger LOG = LoggerFactory.getLogger(HttpRevocationSource.class);
  private static final MediaType OCSP_REQUEST = MediaType.get("application/ocsp-request");
  private static final long MAX_BYTES = 32L * 1024 * 1024;

  private final OkHttpClient http;

  private HttpRevocationSource(OkHttpClient http) {
    this.http = http;
  }

  /**
   * A source with a 10 s timeout per fetch, on its own OkHttp client.
   *
   * @return the source
   */
  public static HttpRevocationSource create() {
    return create(new OkHttpClient(), Duration.ofSeconds(10));
  }

  /**
   * A source on an application's OkHttp client (changed only through {@code newBuilder()}).
   *
   * @param client the client (proxy, TLS and pool settings)
   * @param timeout the longest one fetch may take
   * @return the source
   */
  public static HttpRevocationSource create(OkHttpClient client, Duration timeout) {
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(timeout, "timeout == null");
    return new HttpRevocationSource(client.newBuilder().callTimeout(timeout).build());
  }

  @Override
  public Optional<byte[]> crl(X509Certificate issuer, List<URI> distributionPoints) {
    for (URI dp : distributionPoints) {
      String scheme = dp.getScheme() == null ? "" : dp.getScheme().toLowerCase(Locale.ROOT);
      if (scheme.equals("http") || scheme.equals("https")) {
        return fetch(new Request.Builder().url(dp.toString()).get().build());
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<byte[]> ocsp(URI responder, byte[] request) {
    return fetch(
        new Request.Builder()
            .url(responder.toString())
            .post(RequestBody.create(request, OCSP_REQUEST))
            .build());
  }

  private Optional<byte[]> fetch(Request request) {
    try (Response r = http.newCall(request).execute()) {
      ResponseBody body = r.body();
      if (!r.isSuccessful() || body == null) {
        LOG.debug("revocation fetch from {} answered {}", request.url().host(), r.code());
        return Optional.empty();
      }
      try (InputStream in = body.byteStream()) {
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          LOG.debug("revocation information from {} over 32 MiB", request.url().host());
          return Optional.empty();
        }
        return Optional.of(bytes);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug(
          "revocation fetch from {} failed: {}", request.url().host(), e.getClass().getName());
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "HttpRevocationSource{}";
  }
}
