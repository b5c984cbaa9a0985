package io.github.govdx.client.provider;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP answer {@link ProviderEndpoint} produced: status, headers (content type included) and body bytes,
 * for the hosting HTTP server to write out. Immutable and thread-safe.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body bytes (never modified by the endpoint afterwards)
 */
public record ProviderResponse(int status, Map<String, String> headers, byte[] body) {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if an argument is null
   */
  public ProviderResponse {
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    headers = java.util.Collections.unmodifiableMap(new TreeMap<>(headers));
  }

  /** This answer with one header set (added or replaced). */
  ProviderResponse with(String name, String value) {
    Map<String, String> h = new TreeMap<>(headers);
    h.put(name, value);
    return new ProviderResponse(status, h, body);
  }

  /**
   * The {@code Content-Type} header.
   *
   * @return the content type
   */
  public String contentType() {
    return headers.getOrDefault("Content-Type", "application/octet-stream");
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ProviderResponse
        && ((ProviderResponse) o).status == status
        && ((ProviderResponse) o).headers.equals(headers)
        && java.util.Arrays.equals(((ProviderResponse) o).body, body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers, java.util.Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "ProviderResponse{status="
        + status
        + ", contentType="
        + contentType()
        + ", bytes="
        + body.length
        + "}";
  }
}
