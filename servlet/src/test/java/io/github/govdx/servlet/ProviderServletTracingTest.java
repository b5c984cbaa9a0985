package io.github.govdx.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeClientBuilder;
import io.github.govdx.client.Fixtures;
import io.github.govdx.client.TestPki;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.QueryAnswer;
import io.github.govdx.crypto.Suite;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A trace across a sealed call over real HTTP: a client traced by one OpenTelemetry SDK (the consumer's process)
 * calls a {@link ProviderServlet} in Jetty whose endpoint is traced by another (the provider's); the W3C
 * {@code traceparent} header alone carries the trace, and the documented spans exist on both sides.
 */
class ProviderServletTracingTest {

  private static final ObjectMapper M = new ObjectMapper();

  private final TestPki pki = new TestPki(Suite.GM, Fixtures.HOTLINE, Fixtures.POLICE);
  private final InMemorySpanExporter consumerSpans = InMemorySpanExporter.create();
  private final InMemorySpanExporter providerSpans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk consumer = sdk(consumerSpans);
  private final OpenTelemetrySdk provider = sdk(providerSpans);
  private final List<String> traceparents = new CopyOnWriteArrayList<>();
  private final List<String> handlerTraceIds = new CopyOnWriteArrayList<>();
  private Server jetty;
  private URI base;

  private static OpenTelemetrySdk sdk(InMemorySpanExporter exporter) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build())
        .build();
  }

  /** Stands in for the platform's catalog, which the client asks for the resource's schema. */
  private static final class CatalogServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("application/json");
      resp.getOutputStream().write(Fixtures.DETAIL.getBytes(StandardCharsets.UTF_8));
    }
  }

  @BeforeEach
  void start() throws Exception {
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/dept");
    context.addServlet(new ServletHolder(new CatalogServlet()), "/v1/catalog/*");
    jetty.setHandler(context);
    jetty.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/dept");
    ResourceDetail detail;
    try (ExchangeClient c = builder().build()) {
      detail = c.catalog().detail(Fixtures.RESOURCE);
    }
    ProviderEndpoint endpoint =
        ProviderEndpoint.builder()
            .party(Fixtures.POLICE)
            .credentials(pki.credentials(Fixtures.POLICE))
            .trustStore(pki.trust)
            .directory(pki.directory)
            .openTelemetry(provider)
            .query(
                detail,
                q -> {
                  // the handler runs inside the provider's trace
                  handlerTraceIds.add(Span.current().getSpanContext().getTraceId());
                  return QueryAnswer.builder()
                      .records(
                          List.of(
                              M.createObjectNode()
                                  .put("xm", "张三")
                                  .put("sfzh", q.filter().path("sfzh").asText())))
                      .build();
                })
            .build();
    context.addServlet(
        new ServletHolder(
            new ProviderServlet(endpoint) {
              private static final long serialVersionUID = 1L;

              @Override
              protected void service(HttpServletRequest req, HttpServletResponse resp)
                  throws IOException {
                traceparents.add(String.valueOf(req.getHeader("traceparent")));
                super.service(req, resp);
              }
            }),
        "/v1/data/*");
  }

  @AfterEach
  void stop() throws Exception {
    jetty.stop();
    consumer.close();
    provider.close();
  }

  private ExchangeClientBuilder builder() {
    return ExchangeClient.builder()
        .endpoint(base)
        .party(Fixtures.HOTLINE)
        .credentials(pki.credentials(Fixtures.HOTLINE))
        .trustStore(pki.trust)
        .directory(pki.directory)
        .suite(Suite.GM);
  }

  private static QueryRequest query() {
    return QueryRequest.builder()
        .resourceCode(Fixtures.RESOURCE)
        .filter("sfzh", "11010519491231002X")
        .build();
  }

  private static SpanData named(List<SpanData> spans, String name) {
    return spans.stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + names(spans)));
  }

  private static List<String> names(List<SpanData> spans) {
    List<String> n = new ArrayList<>();
    spans.forEach(s -> n.add(s.getName()));
    return n;
  }

  @Test
  void callInsideAParentSpan_arrivesAtTheProviderWithTheSameTraceId_withTheDocumentedSpans() {
    Span parent = consumer.getTracer("test").spanBuilder("hotline request").startSpan();
    try (ExchangeClient c = builder().openTelemetry(consumer).build();
        Scope scope = parent.makeCurrent()) {
      assertThat(c.data().query(query()).records()).hasSize(1);
    } finally {
      parent.end();
    }
    String traceId = parent.getSpanContext().getTraceId();
    List<SpanData> mine = consumerSpans.getFinishedSpanItems();
    SpanData call = named(mine, "govdx call data.query");
    assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(call.getTraceId()).isEqualTo(traceId);
    assertThat(call.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(named(mine, "govdx seal").getParentSpanId()).isEqualTo(call.getSpanId());
    assertThat(named(mine, "govdx open").getParentSpanId()).isEqualTo(call.getSpanId());
    assertThat(call.getAttributes().asMap().toString())
        .contains("govdx.operation=data.query")
        .contains("http.response.status_code=200");

    // the header on the wire: the call span's context, outside the sealed body
    assertThat(traceparents).containsExactly("00-" + traceId + "-" + call.getSpanId() + "-01");

    List<SpanData> theirs = providerSpans.getFinishedSpanItems();
    SpanData server = named(theirs, "govdx provider data.query");
    assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(server.getTraceId()).isEqualTo(traceId);
    assertThat(server.getParentSpanId()).isEqualTo(call.getSpanId());
    for (String child : List.of("govdx open", "govdx handler", "govdx seal")) {
      assertThat(named(theirs, child).getParentSpanId()).as(child).isEqualTo(server.getSpanId());
      assertThat(named(theirs, child).getTraceId()).isEqualTo(traceId);
    }
    assertThat(handlerTraceIds).containsExactly(traceId);
  }

  @Test
  void clientWithoutOpenTelemetry_sendsNoTraceparent_andTheProviderStartsItsOwnTrace() {
    try (ExchangeClient c = builder().build()) {
      assertThat(c.data().query(query()).records()).hasSize(1);
    }
    assertThat(traceparents).containsExactly("null");
    assertThat(consumerSpans.getFinishedSpanItems()).isEmpty();
    SpanData server = named(providerSpans.getFinishedSpanItems(), "govdx provider data.query");
    assertThat(server.getParentSpanContext().isValid()).isFalse();
  }
}
