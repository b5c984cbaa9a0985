package io.github.govdx.client.provider;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An inbound HTTP request as the hosting server hands it to {@link ProviderEndpoint}: method, path (from
 * {@code /v1} on), headers and body. Header names are case-insensitive. Immutable and thread-safe.
 */
public final class ProviderRequest {

  private final String method;
  private final String path;
  private final Map<String, String> headers;
  private final byte[] body;

  private ProviderRequest(String method, String path, Map<String, String> headers, byte[] body) {
    this.method = method;
    this.path = path;
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    this.headers = java.util.Collections.unmodifiableMap(h);
    this.body = body;
  }

  /**
   * Creates a request.
   *
   * @param method the HTTP method, e.g. {@code POST}
   * @param path the request path starting at {@code /v1}, without the query string
   * @param headers the headers (first value of each)
   * @param body the body bytes (not copied: do not change them afterwards)
   * @return the request
   * @throws NullPointerException if an argument is null
   */
  public static ProviderRequest of(
      String method, String path, Map<String, String> headers, byte[] body) {
    return new ProviderRequest(
        Objects.requireNonNull(method, "method == null").toUpperCase(Locale.ROOT),
        Objects.requireNonNull(path, "path == null"),
        Objects.requireNonNull(headers, "headers == null"),
        Objects.requireNonNull(body, "body == null"));
  }

  /** @return the method, upper case */
  public String method() {
    return method;
  }

  /** @return the path from {@code /v1} on */
  public String path() {
    return path;
  }

  /**
   * A header.
   *
   * @param name the name, any case
   * @return the value, or empty
   */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** @return the body bytes */
  public byte[] body() {
    return body;
  }

  @Override
  public String toString() {
    return "ProviderRequest{" + method + " " + path + ", bytes=" + body.length + "}";
  }
}
