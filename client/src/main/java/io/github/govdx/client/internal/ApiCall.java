package io.github.govdx.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * An immutable description of one protocol call: method, path, query, body, idempotency and how to read a
 * successful response.
 *
 * @param <T> the result type
 */
public final class ApiCall<T> {

  /** Reads a successful response. */
  @FunctionalInterface
  public interface Handler<T> {
    /**
     * Maps a successful response.
     *
     * @param status the 2xx status
     * @param headers the response headers
     * @param body the body (for sealed calls: the opened payload), empty for 204
     * @param state the call's state (sealed request, opened response)
     * @return the result
     */
    T handle(int status, Headers headers, byte[] body, CallState state);
  }

  /** Reads a successful response body as a stream (file transfers): never buffered in memory. */
  @FunctionalInterface
  public interface StreamHandler<T> {
    /**
     * Consumes a successful response.
     *
     * @param status the 2xx status
     * @param headers the response headers
     * @param body the body as it arrives; an {@link java.io.IOException} while reading it is a failed call
     * @return the result
     * @throws java.io.IOException if reading the body fails
     */
    T handle(int status, Headers headers, java.io.InputStream body) throws java.io.IOException;
  }

  final String method;
  final List<String> path;
  final Map<String, String> query;
  final byte @Nullable [] jsonBody;
  final byte @Nullable [] octetBody;
  final Map<String, String> headers;
  final @Nullable StreamHandler<T> streamHandler;
  final @Nullable SealSpec seal;
  final @Nullable String idempotencyKey;
  final boolean safeToRetry;
  final @Nullable Duration readTimeout;
  final Handler<T> handler;

  private ApiCall(Builder<T> b) {
    this.method = b.method;
    this.path = List.copyOf(b.path);
    this.query = new LinkedHashMap<>(b.query);
    this.jsonBody = b.jsonBody;
    this.octetBody = b.octetBody;
    this.headers = Map.copyOf(b.headers);
    this.streamHandler = b.streamHandler;
    this.seal = b.seal;
    this.idempotencyKey = b.idempotencyKey;
    this.safeToRetry = b.safeToRetry;
    this.readTimeout = b.readTimeout;
    this.handler = Objects.requireNonNull(b.handler, "handler");
  }

  /**
   * Starts a call.
   *
   * @param method the HTTP method
   * @param handler reads the successful response
   * @param <T> the result type
   * @return a builder
   */
  public static <T> Builder<T> builder(String method, Handler<T> handler) {
    Builder<T> b = new Builder<>();
    b.method = method;
    b.handler = handler;
    b.safeToRetry = method.equals("GET") || method.equals("DELETE");
    return b;
  }

  /** @return the HTTP method */
  public String method() {
    return method;
  }

  /** @return whether a seal spec is attached */
  public boolean sealed() {
    return seal != null;
  }

  /**
   * Builds an {@link ApiCall}.
   *
   * @param <T> the result type
   */
  public static final class Builder<T> {
    private String method = "GET";
    private final List<String> path = new ArrayList<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private byte @Nullable [] jsonBody;
    private byte @Nullable [] octetBody;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable StreamHandler<T> streamHandler;
    private @Nullable SealSpec seal;
    private @Nullable String idempotencyKey;
    private boolean safeToRetry;
    private @Nullable Duration readTimeout;
    private @Nullable Handler<T> handler;

    private Builder() {}

    /**
     * Appends path segments below {@code /v1} (each segment is encoded; a segment containing {@code /} is
     * split, so a resource code or a party id with a system fills two segments).
     *
     * @param segments the segments
     * @return this
     */
    public Builder<T> path(String... segments) {
      for (String s : segments) {
        for (String part : s.split("/", -1)) {
          path.add(part);
        }
      }
      return this;
    }

    /**
     * Adds a query parameter when the value is not null.
     *
     * @param name the name
     * @param value the value, or {@code null} to skip
     * @return this
     */
    public Builder<T> query(String name, @Nullable Object value) {
      if (value != null) {
        query.put(name, value.toString());
      }
      return this;
    }

    /**
     * Sets a plain JSON body.
     *
     * @param body UTF-8 JSON
     * @return this
     */
    public Builder<T> json(byte[] body) {
      this.jsonBody = body;
      return this;
    }

    /**
     * Sets an {@code application/octet-stream} body (a transfer part).
     *
     * @param body the bytes
     * @return this
     */
    public Builder<T> octets(byte[] body) {
      this.octetBody = body;
      return this;
    }

    /**
     * Adds a request header (e.g. {@code Content-Digest}, {@code Range}).
     *
     * @param name the name
     * @param value the value
     * @return this
     */
    public Builder<T> header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /**
     * Reads a successful response as a stream instead of through the handler (file downloads). The stream is not
     * buffered, so a body cut short fails the call after its status was received; the caller resumes.
     *
     * @param handler consumes the body
     * @return this
     */
    public Builder<T> stream(StreamHandler<T> handler) {
      this.streamHandler = handler;
      return this;
    }

    /**
     * Sets a sealed body.
     *
     * @param spec what to seal
     * @return this
     */
    public Builder<T> seal(SealSpec spec) {
      this.seal = spec;
      return this;
    }

    /**
     * Sets the idempotency key; a call with one may be retried.
     *
     * @param key the key, or {@code null}
     * @return this
     */
    public Builder<T> idempotencyKey(@Nullable String key) {
      this.idempotencyKey = key;
      if (key != null) {
        safeToRetry = true;
      }
      return this;
    }

    /**
     * Marks the call as safe to repeat although it is a {@code POST} (a data query).
     *
     * @return this
     */
    public Builder<T> safeToRetry() {
      this.safeToRetry = true;
      return this;
    }

    /**
     * Sets a read timeout for this call only (long polling).
     *
     * @param timeout the timeout
     * @return this
     */
    public Builder<T> readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /** @return the call */
    public ApiCall<T> build() {
      return new ApiCall<>(this);
    }
  }
}
