package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.metrics.GovdxMeters;
import io.github.govdx.client.observation.CallListener;
import io.github.govdx.client.observation.CallOutcome;
import io.github.govdx.client.outbox.InMemoryOutboxStore;
import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.QueryAnswer;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.PartyDirectory;
import io.github.govdx.crypto.key.TrustStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code of docs/observability.md, compiled and run against the sandbox: wiring meters and traces without Spring
 * on a client, a provider endpoint, an outbox and credentials.
 */
class ObservabilityDocsExampleTest {

  private static final Logger LOG = LoggerFactory.getLogger(ObservabilityDocsExampleTest.class);

  // --- docs/observability.md "Wiring it without Spring": client
  static ExchangeClient client(
      URI endpoint,
      PartyId party,
      PartyCredentials credentials,
      TrustStore trustStore,
      MeterRegistry registry,
      OpenTelemetry openTelemetry,
      GovdxMeters meters) {
    ExchangeClient client =
        ExchangeClient.builder()
            .endpoint(endpoint)
            .party(party)
            .credentials(credentials)
            .trustStore(trustStore)
            .addCallListener(meters) // govdx.client.* meters
            .addCallListener(slowCalls()) // any number of listeners
            .openTelemetry(openTelemetry) // spans + traceparent
            .build();
    meters.bindCredentials(credentials); // govdx.certificate.days.left
    return client;
  }

  // --- docs/observability.md "Your own listener"
  static CallListener slowCalls() {
    return new CallListener() {
      @Override
      public void callCompleted(CallOutcome outcome) {
        if (outcome.latency().compareTo(Duration.ofSeconds(2)) > 0) {
          LOG.warn(
              "slow govdx call {} ({}, {} attempts, {} ms)",
              outcome.operation(),
              outcome.outcome(),
              outcome.attempts(),
              outcome.latency().toMillis());
        }
      }
    };
  }

  // --- docs/observability.md "Wiring it without Spring": provider
  static ProviderEndpoint provider(
      PartyId party,
      PartyCredentials credentials,
      TrustStore trustStore,
      PartyDirectory directory,
      ResourceDetail detail,
      GovdxMeters meters,
      OpenTelemetry openTelemetry) {
    return ProviderEndpoint.builder()
        .party(party)
        .credentials(credentials)
        .trustStore(trustStore)
        .directory(directory)
        .query(detail, q -> QueryAnswer.builder().records(List.<JsonNode>of()).build())
        .addListener(meters) // govdx.provider.requests, govdx.envelope.refused
        .openTelemetry(openTelemetry) // server span from the caller's traceparent
        .build();
  }

  @Test
  void theDocsWiring_producesTheDocumentedMetersAndSpans() {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    MeterRegistry registry = new SimpleMeterRegistry();
    GovdxMeters meters = GovdxMeters.create(registry);
    // the sandbox without its gateway check: the snippet sets no authenticator
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().gatewayAuth(false).start();
        OpenTelemetrySdk openTelemetry =
            OpenTelemetrySdk.builder()
                .setTracerProvider(
                    SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .build()) {
      TestParty hotline = sandbox.party("hotline");
      TestParty bigdata = sandbox.party("bigdata");
      try (ExchangeClient client =
          client(
              sandbox.baseUri(),
              hotline.partyId(),
              hotline.credentials(),
              sandbox.trustStore(),
              registry,
              openTelemetry,
              meters)) {
        ResourceDetail detail = client.catalog().detail("335002001/00003");
        sandbox.registerProvider(
            bigdata.partyId(),
            ExchangeSandbox.provider(
                provider(
                    bigdata.partyId(),
                    bigdata.credentials(),
                    sandbox.trustStore(),
                    sandbox.directory(),
                    detail,
                    meters,
                    openTelemetry)));
        client
            .data()
            .query(
                QueryRequest.builder()
                    .resourceCode("335002001/00003")
                    .filter("gdbh", "GD-DOCS")
                    .build());
        // --- docs/observability.md: outbox gauges
        try (Outbox outbox =
            Outbox.builder().client(client).store(new InMemoryOutboxStore()).build()) {
          meters.bindOutbox("default", outbox);
          assertThat(
                  registry
                      .get("govdx.outbox.backlog")
                      .tags("outbox", "default", "state", "pending")
                      .gauge()
                      .value())
              .isZero();
        }
      }
      assertThat(registry.get("govdx.client.calls").tag("operation", "data.query").timer().count())
          .isEqualTo(1);
      assertThat(
              registry
                  .get("govdx.provider.requests")
                  .tag("operation", "data.query")
                  .timer()
                  .count())
          .isEqualTo(1);
      assertThat(
              registry
                  .get("govdx.certificate.days.left")
                  .tag("party", hotline.partyId().toString())
                  .gauge()
                  .value())
          .isPositive();
      assertThat(spans.getFinishedSpanItems())
          .extracting(s -> s.getName())
          .contains(
              "govdx call catalog.get",
              "govdx call data.query",
              "govdx seal",
              "govdx open",
              "govdx provider data.query",
              "govdx handler");
    }
  }
}
