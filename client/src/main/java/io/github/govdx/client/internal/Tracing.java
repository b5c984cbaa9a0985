package io.github.govdx.client.internal;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The client's and provider's view of tracing, free of any tracing library: {@link #NOOP} when no OpenTelemetry
 * instance was given, {@code internal.otel.OtelTracing} otherwise (the only class that touches OpenTelemetry).
 * Thread-safe.
 */
public interface Tracing {

  /** No tracing: every span is {@link Span#NOOP}. */
  Tracing NOOP =
      new Tracing() {
        @Override
        public Span startClient(String name) {
          return Span.NOOP;
        }

        @Override
        public Span startServer(String name, Function<String, @Nullable String> headers) {
          return Span.NOOP;
        }

        @Override
        public Span startInternal(String name) {
          return Span.NOOP;
        }
      };

  /**
   * Starts a client span whose parent is the caller's current context.
   *
   * @param name the span name
   * @return the span
   */
  Span startClient(String name);

  /**
   * Starts a server span whose parent is the W3C trace context of the request's headers.
   *
   * @param name the span name
   * @param headers reads a request header (case-insensitive) or {@code null}
   * @return the span
   */
  Span startServer(String name, Function<String, @Nullable String> headers);

  /**
   * Starts an internal span whose parent is the current context.
   *
   * @param name the span name
   * @return the span
   */
  Span startInternal(String name);

  /** A started span. Thread-safe. */
  interface Span {

    /** A span that records nothing. */
    Span NOOP =
        new Span() {
          @Override
          public Span child(String name) {
            return this;
          }

          @Override
          public void inject(BiConsumer<String, String> header) {}

          @Override
          public Scope makeCurrent() {
            return () -> {};
          }

          @Override
          public void attribute(String key, String value) {}

          @Override
          public void attribute(String key, long value) {}

          @Override
          public void failed(String code) {}

          @Override
          public void end() {}
        };

    /**
     * Starts an internal child span.
     *
     * @param name the name
     * @return the child
     */
    Span child(String name);

    /**
     * Writes this span's context as W3C {@code traceparent} (and {@code tracestate}) headers.
     *
     * @param header sets a header
     */
    void inject(BiConsumer<String, String> header);

    /**
     * Makes this span the current context on this thread until the scope closes.
     *
     * @return the scope
     */
    Scope makeCurrent();

    /**
     * Sets a string attribute.
     *
     * @param key the key
     * @param value the value
     */
    void attribute(String key, String value);

    /**
     * Sets a number attribute.
     *
     * @param key the key
     * @param value the value
     */
    void attribute(String key, long value);

    /**
     * Marks the span failed.
     *
     * @param code the {@code GDX-} code or failure kind (never a message: it could hold personal data)
     */
    void failed(String code);

    /** Ends the span. */
    void end();
  }

  /** A current-context scope. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
