package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.QueryAnswer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A trace id sent by the caller is seen on the provider when the sandbox relays the call: the sandbox forwards
 * {@code traceparent} unchanged to the provider's in-process endpoint (on another thread, so only the header can
 * carry it).
 */
class TracingThroughSandboxTest {

  private static final String DEMANDS = "335002001/00003";

  private static OpenTelemetrySdk sdk(InMemorySpanExporter exporter) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build())
        .build();
  }

  @Test
  void queryRelayedByTheSandbox_carriesTheCallersTraceIdToTheProvider() {
    InMemorySpanExporter consumerSpans = InMemorySpanExporter.create();
    InMemorySpanExporter providerSpans = InMemorySpanExporter.create();
    List<SandboxProvider.Request> forwarded = new CopyOnWriteArrayList<>();
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().start();
        OpenTelemetrySdk consumer = sdk(consumerSpans);
        OpenTelemetrySdk provider = sdk(providerSpans);
        ExchangeClient hotline = sandbox.clientBuilder("hotline").openTelemetry(consumer).build()) {
      TestParty bigdata = sandbox.party("bigdata");
      ResourceDetail detail = hotline.catalog().detail(DEMANDS);
      SandboxProvider endpoint =
          ExchangeSandbox.provider(
              ProviderEndpoint.builder()
                  .party(bigdata.partyId())
                  .credentials(bigdata.credentials())
                  .trustStore(sandbox.trustStore())
                  .directory(sandbox.directory())
                  .openTelemetry(provider)
                  .query(detail, q -> QueryAnswer.builder().records(List.<JsonNode>of()).build())
                  .build());
      sandbox.registerProvider(
          bigdata.partyId(),
          request -> {
            forwarded.add(request);
            return endpoint.handle(request);
          });
      Span parent = consumer.getTracer("test").spanBuilder("hotline ticket").startSpan();
      try (Scope scope = parent.makeCurrent()) {
        hotline
            .data()
            .query(QueryRequest.builder().resourceCode(DEMANDS).filter("gdbh", "GD-T").build());
      } finally {
        parent.end();
      }
      String traceId = parent.getSpanContext().getTraceId();
      SpanData call =
          consumerSpans.getFinishedSpanItems().stream()
              .filter(s -> s.getName().equals("govdx call data.query"))
              .findFirst()
              .orElseThrow();
      assertThat(forwarded).hasSize(1);
      assertThat(forwarded.get(0).headers())
          .containsEntry("traceparent", "00-" + traceId + "-" + call.getSpanId() + "-01");
      SpanData server =
          providerSpans.getFinishedSpanItems().stream()
              .filter(s -> s.getName().equals("govdx provider data.query"))
              .findFirst()
              .orElseThrow();
      assertThat(server.getTraceId()).isEqualTo(traceId);
      assertThat(server.getParentSpanId()).isEqualTo(call.getSpanId());
    }
  }
}
