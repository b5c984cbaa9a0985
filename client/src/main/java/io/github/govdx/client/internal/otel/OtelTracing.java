package io.github.govdx.client.internal.otel;

import io.github.govdx.client.internal.Tracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@link Tracing} with OpenTelemetry: spans from the instance's tracer provider (instrumentation scope
 * {@code io.github.govdx}), trace context carried by the W3C Trace Context propagator whatever propagators the
 * instance has, since {@code traceparent} is part of the protocol ({@code docs/protocol.md} section 2). Thread-safe.
 */
public final class OtelTracing implements Tracing {

  /** The instrumentation scope name. */
  public static final String SCOPE = "io.github.govdx";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<Function<String, @Nullable String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, @Nullable String> carrier) {
          return List.of("traceparent", "tracestate");
        }

        @Override
        public @Nullable String get(
            @Nullable Function<String, @Nullable String> carrier, String key) {
          return carrier == null ? null : carrier.apply(key);
        }
      };

  private final Tracer tracer;

  private OtelTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * Tracing with an OpenTelemetry instance.
   *
   * @param openTelemetry the instance
   * @return the tracing
   */
  public static Tracing create(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry == null");
    return new OtelTracing(openTelemetry.getTracer(SCOPE));
  }

  @Override
  public Tracing.Span startClient(String name) {
    return new OtelSpan(
        tracer
            .spanBuilder(name)
            .setSpanKind(SpanKind.CLIENT)
            .setParent(Context.current())
            .startSpan());
  }

  /**
   * {@inheritDoc}
   *
   * <p>When the thread already has a valid current span — the HTTP server span of a framework or agent that
   * continued the caller's trace — the endpoint's span is an internal child of it instead, so that traces do not
   * hold two server spans for one request.
   */
  @Override
  public Tracing.Span startServer(String name, Function<String, @Nullable String> headers) {
    Context current = Context.current();
    if (io.opentelemetry.api.trace.Span.fromContext(current).getSpanContext().isValid()) {
      return new OtelSpan(
          tracer.spanBuilder(name).setSpanKind(SpanKind.INTERNAL).setParent(current).startSpan());
    }
    Context parent = W3C.extract(Context.root(), headers, GETTER);
    return new OtelSpan(
        tracer.spanBuilder(name).setSpanKind(SpanKind.SERVER).setParent(parent).startSpan());
  }

  @Override
  public Tracing.Span startInternal(String name) {
    return new OtelSpan(
        tracer
            .spanBuilder(name)
            .setSpanKind(SpanKind.INTERNAL)
            .setParent(Context.current())
            .startSpan());
  }

  private final class OtelSpan implements Tracing.Span {
    private final io.opentelemetry.api.trace.Span span;

    OtelSpan(io.opentelemetry.api.trace.Span span) {
      this.span = span;
    }

    @Override
    public Tracing.Span child(String name) {
      return new OtelSpan(
          tracer
              .spanBuilder(name)
              .setSpanKind(SpanKind.INTERNAL)
              .setParent(Context.current().with(span))
              .startSpan());
    }

    @Override
    public void inject(BiConsumer<String, String> header) {
      W3C.inject(
          Context.root().with(span),
          header,
          (c, k, v) -> {
            if (c != null) {
              c.accept(k, v);
            }
          });
    }

    @Override
    public Tracing.Scope makeCurrent() {
      io.opentelemetry.context.Scope s = span.makeCurrent();
      return s::close;
    }

    @Override
    public void attribute(String key, String value) {
      span.setAttribute(key, value);
    }

    @Override
    public void attribute(String key, long value) {
      span.setAttribute(key, value);
    }

    @Override
    public void failed(String code) {
      span.setStatus(StatusCode.ERROR, code);
    }

    @Override
    public void end() {
      span.end();
    }
  }
}
