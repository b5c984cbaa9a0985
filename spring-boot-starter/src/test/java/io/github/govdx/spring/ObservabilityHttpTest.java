package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.catalog.SearchCatalogRequest;
import io.github.govdx.client.data.QueryRequest;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

/**
 * Meters and traces of an auto-configured provider application with Actuator, Prometheus and Boot's OpenTelemetry
 * tracing on the classpath ({@code docs/observability.md}, {@code docs/spring-boot.md}): after real calls the govdx
 * meters are at {@code /actuator/metrics} and {@code /actuator/prometheus} under their documented names, a replayed
 * envelope counts under its crypto code, and a trace id sent by the caller is the one the provider's handler runs in.
 */
@AutoConfigureObservability // tests switch metrics export and tracing off unless asked
@TestPropertySource(
    properties = {
      "management.endpoints.web.exposure.include=health,metrics,prometheus",
      "management.tracing.sampling.probability=1.0"
    })
class ObservabilityHttpTest extends ProviderHttpTestBase {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired ExchangeClient applicationClient;

  @Override
  String expectedReplayCache() {
    return "InMemoryReplayCache";
  }

  private JsonNode metric(String name, String tag) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/actuator/metrics/"
                            + name
                            + (tag == null ? "" : "?tag=" + tag)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(name + " " + tag + ": " + r.body()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  private static double count(JsonNode metric) {
    for (JsonNode m : metric.path("measurements")) {
      if (m.path("statistic").asText().equals("COUNT")) {
        return m.path("value").asDouble();
      }
    }
    throw new AssertionError("no COUNT in " + metric);
  }

  @Test
  void metersAtActuatorAndPrometheus_refusedEnvelopeByCode_traceIdReachesTheHandler()
      throws Exception {
    // the provider side: the base test's push, query and replayed query
    handlerBean_answersSealedPushAndQueryOverHttp_andAReplayIsRefused();
    assertThat(count(metric("govdx.provider.requests", "operation:data.query")))
        .isGreaterThanOrEqualTo(2);
    assertThat(count(metric("govdx.provider.requests", "operation:data.push"))).isPositive();
    assertThat(count(metric("govdx.envelope.refused", "code:GDX-2303"))).isPositive();
    assertThat(
            metric("govdx.certificate.days.left", null)
                .path("measurements")
                .get(0)
                .path("value")
                .asDouble())
        .isPositive();

    // the client side: the application's own auto-configured client
    applicationClient.catalog().search(SearchCatalogRequest.builder().build()).stream().findFirst();
    assertThat(count(metric("govdx.client.calls", "operation:catalog.search"))).isPositive();

    HttpResponse<String> prometheus =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(prometheus.body())
        .contains("govdx_provider_requests_seconds_count")
        .contains("govdx_client_calls_seconds_count")
        .contains("govdx_envelope_refused_total")
        .contains("govdx_certificate_days_left");

    // a trace started by the caller reaches the provider's handler through the sandbox
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    OpenTelemetrySdk callerOtel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    String traceId;
    try (ExchangeClient hotline =
        TestSandbox.get().clientBuilder("hotline").openTelemetry(callerOtel).build()) {
      Span parent = callerOtel.getTracer("test").spanBuilder("12345 work order").startSpan();
      try (Scope ignored = parent.makeCurrent()) {
        traceId = parent.getSpanContext().getTraceId();
        hotline
            .data()
            .query(
                QueryRequest.builder()
                    .resourceCode(TestSandbox.DEMANDS)
                    .filter("gdbh", "GD-TRACE-" + UUID.randomUUID().toString().substring(0, 8))
                    .build());
      } finally {
        parent.end();
      }
    } finally {
      callerOtel.close();
    }
    assertThat(demands.traceIds).last().isEqualTo(traceId);
  }
}
