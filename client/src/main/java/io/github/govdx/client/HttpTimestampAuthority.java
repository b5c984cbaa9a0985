package io.github.govdx.client;

import io.github.govdx.client.internal.HttpBytes;
import io.github.govdx.crypto.evidence.TimestampAuthority;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A {@link TimestampAuthority} reached over HTTP (RFC 3161 section 3.4): the request is posted as
 * {@code application/timestamp-query} and the answer read as {@code application/timestamp-reply}, with bounded time
 * and size. govdx-crypto checks the answer against its request and verifies the token.
 *
 * <pre>{@code
 * Receipt stamped = receipt.timestamped(HttpTimestampAuthority.create(URI.create("https://tsa.example.gov.cn/tsa")));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class HttpTimestampAuthority implements TimestampAuthority {

  private static final MediaType QUERY = MediaType.get("application/timestamp-query");
  private static final long MAX_BYTES = 64 * 1024;

  private final OkHttpClient http;
  private final URI url;

  private HttpTimestampAuthority(OkHttpClient http, URI url) {
    this.http = http;
    this.url = url;
  }

  /**
   * A client of a TSA URL, with a 10 s timeout, on its own OkHttp client.
   *
   * @param url the TSA's URL
   * @return the authority
   */
  public static HttpTimestampAuthority create(URI url) {
    return create(url, new OkHttpClient(), Duration.ofSeconds(10));
  }

  /**
   * A client of a TSA URL on an application's OkHttp client (changed only through {@code newBuilder()}).
   *
   * @param url the TSA's URL
   * @param client the client
   * @param timeout the longest one request may take
   * @return the authority
   */
  public static HttpTimestampAuthority create(URI url, OkHttpClient client, Duration timeout) {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(timeout, "timeout == null");
    return new HttpTimestampAuthority(client.newBuilder().callTimeout(timeout).build(), url);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the TSA does not answer with a 2xx body of at most 64 KiB
   */
  @Override
  public byte[] respond(byte[] timeStampQuery) {
    return HttpBytes.fetch(
            http,
            new Request.Builder()
                .url(url.toString())
                .post(RequestBody.create(timeStampQuery, QUERY))
                .build(),
            MAX_BYTES)
        .orElseThrow(
            () -> new IllegalStateException("the TSA at " + url.getHost() + " did not answer"));
  }

  @Override
  public String toString() {
    return "HttpTimestampAuthority{" + url + "}";
  }
}
