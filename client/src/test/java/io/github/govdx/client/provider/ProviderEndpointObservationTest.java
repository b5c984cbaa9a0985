package io.github.govdx.client.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.FakeSealer;
import io.github.govdx.client.Fixtures;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.internal.Json;
import io.github.govdx.client.observation.Outcome;
import io.github.govdx.client.observation.ProviderOutcome;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provider endpoint's listeners and server span: refusals before any envelope is opened are reported with their
 * codes, a throwing listener changes no answer, and the span continues the caller's {@code traceparent} — or, when a
 * framework already continued it on this thread, nests under that framework's span.
 */
class ProviderEndpointObservationTest {

  private static final ResourceDetail DETAIL =
      Json.resourceDetail((Fixtures.DETAIL.getBytes(StandardCharsets.UTF_8)));
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT = "00f067aa0ba902b7";

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .build();
  private final List<ProviderOutcome> heard = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    otel.close();
  }

  private ProviderEndpoint endpoint() {
    return ProviderEndpoint.builder()
        .party(Fixtures.POLICE)
        .messageSealer(new FakeSealer(Fixtures.POLICE))
        .query(DETAIL, q -> QueryAnswer.builder().build())
        .addListener(
            o -> {
              throw new IllegalStateException("listener bug");
            })
        .addListener(heard::add)
        .openTelemetry(otel)
        .build();
  }

  private static ProviderRequest wrongType() {
    return ProviderRequest.of(
        "POST",
        "/v1/data/" + Fixtures.RESOURCE + "/query",
        Map.of(
            "Content-Type",
            "text/plain",
            "X-Gdx-Party",
            Fixtures.HOTLINE.toString(),
            "traceparent",
            "00-" + TRACE_ID + "-" + PARENT + "-01"),
        new byte[] {1});
  }

  @Test
  void refusal_isReportedWithItsCode_andItsServerSpanContinuesTheCallersTrace() {
    ProviderResponse r = endpoint().handle(wrongType());
    assertThat(r.status()).isEqualTo(415);
    assertThat(heard)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.operation()).isEqualTo("data.query");
              assertThat(o.outcome()).isEqualTo(Outcome.REFUSED);
              assertThat(o.status()).isEqualTo(415);
              assertThat(o.errorCode()).hasValue("GDX-3002");
              assertThat(o.envelopeErrorCode()).isEmpty();
            });
    SpanData server = spans.getFinishedSpanItems().get(0);
    assertThat(server.getName()).isEqualTo("govdx provider data.query");
    assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(server.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(server.getParentSpanId()).isEqualTo(PARENT);
    assertThat(server.getStatus().getDescription()).isEqualTo("GDX-3002");
  }

  @Test
  void underAFrameworksServerSpan_theEndpointSpanIsItsInternalChild() {
    Span framework = otel.getTracer("framework").spanBuilder("POST /v1/data").startSpan();
    try (Scope scope = framework.makeCurrent()) {
      endpoint().handle(wrongType());
    } finally {
      framework.end();
    }
    SpanData mine =
        spans.getFinishedSpanItems().stream()
            .filter(s -> s.getName().equals("govdx provider data.query"))
            .findFirst()
            .orElseThrow();
    assertThat(mine.getKind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(mine.getParentSpanId()).isEqualTo(framework.getSpanContext().getSpanId());
  }

  @Test
  void unknownRoute_isReportedAsUnknown() {
    endpoint().handle(ProviderRequest.of("GET", "/v1/elsewhere", Map.of(), new byte[0]));
    assertThat(heard)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.operation()).isEqualTo("unknown");
              assertThat(o.status()).isEqualTo(404);
              assertThat(o.errorCode()).hasValue("GDX-3004");
            });
  }
}
