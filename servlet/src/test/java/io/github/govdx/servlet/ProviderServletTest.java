package io.github.govdx.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.Fixtures;
import io.github.govdx.client.TestPki;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.QueryResult;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.ProviderPush;
import io.github.govdx.client.provider.QueryAnswer;
import io.github.govdx.crypto.Suite;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ProviderServlet} in a real servlet container (Jetty 12.1, Servlet 6.1), without Spring, driven by a real
 * {@link ExchangeClient} with GM envelopes: a sealed query answered, a sealed push stored once with a receipt the
 * client verifies, and refusals with their codes.
 */
class ProviderServletTest {

  private static final ObjectMapper M = new ObjectMapper();

  private final TestPki pki = new TestPki(Suite.GM, Fixtures.HOTLINE, Fixtures.POLICE);
  private final List<ProviderPush> stored = new CopyOnWriteArrayList<>();
  private Server jetty;
  private URI base;
  private ProviderEndpoint endpoint;

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
    ResourceDetail detail;
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
    try (ExchangeClient c = client()) {
      detail = c.catalog().detail(Fixtures.RESOURCE);
    }
    endpoint =
        ProviderEndpoint.builder()
            .party(Fixtures.POLICE)
            .credentials(pki.credentials(Fixtures.POLICE))
            .trustStore(pki.trust)
            .directory(pki.directory)
            .maxRequestBytes(64 * 1024)
            .query(
                detail,
                q ->
                    QueryAnswer.builder()
                        .records(
                            List.of(
                                M.createObjectNode()
                                    .put("xm", "张三")
                                    .put("sfzh", q.filter().path("sfzh").asText())))
                        .build())
            .push(
                detail,
                p -> {
                  stored.add(p);
                  return "b-" + stored.size();
                })
            .build();
    context.addServlet(new ServletHolder(new ProviderServlet(endpoint)), "/v1/data/*");
  }

  @AfterEach
  void stop() throws Exception {
    jetty.stop();
  }

  private ExchangeClient client() {
    return ExchangeClient.builder()
        .endpoint(base)
        .party(Fixtures.HOTLINE)
        .credentials(pki.credentials(Fixtures.HOTLINE))
        .trustStore(pki.trust)
        .directory(pki.directory)
        .suite(Suite.GM)
        .build();
  }

  @Test
  void sealedQuery_answeredThroughTheServlet() {
    try (ExchangeClient c = client()) {
      QueryResult<JsonNode> r =
          c.data()
              .query(
                  QueryRequest.builder()
                      .resourceCode(Fixtures.RESOURCE)
                      .filter("sfzh", "11010519491231002X")
                      .build());
      assertThat(r.records()).hasSize(1);
      assertThat(r.records().get(0).path("xm").asText()).isEqualTo("张三");
    }
  }

  @Test
  void sealedPush_storedOnce_receiptVerified_retryAnsweredFromTheStore() {
    try (ExchangeClient c = client()) {
      PushRequest push =
          PushRequest.builder()
              .resourceCode(Fixtures.RESOURCE)
              .addRecord(M.createObjectNode().put("xm", "李四").put("sfzh", "11010519491231002X"))
              .idempotencyKey(UUID.randomUUID().toString())
              .build();
      PushResult first = c.data().push(push);
      PushResult again = c.data().push(push);
      assertThat(first.receipt()).isNotNull();
      assertThat(again.receipt()).isEqualTo(first.receipt());
      assertThat(stored).hasSize(1);
    }
  }

  @Test
  void oversizedBody_refused413WithItsCode_withoutReadingItAll() throws Exception {
    // a raw request that declares 1 MiB and sends none of it: the answer comes at once, so the
    // servlet did not
    // wait for (or read) the body
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      String head =
          "POST /dept/v1/data/"
              + Fixtures.RESOURCE
              + "/batches HTTP/1.1\r\n"
              + "Host: 127.0.0.1\r\n"
              + "Content-Type: application/govdx-envelope+json\r\n"
              + "X-Gdx-Party: "
              + Fixtures.HOTLINE
              + "\r\n"
              + "Idempotency-Key: "
              + UUID.randomUUID()
              + "\r\n"
              + "Content-Length: 1048576\r\n"
              + "Connection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 413");
      String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
      assertThat(M.readTree(body).path("code").asText()).isEqualTo("GDX-3003");
    }
  }

  @Test
  void wrongContentTypeAndUnknownRoute_refusedWithTheirCodes() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> type =
        http.send(
            HttpRequest.newBuilder(base.resolve("/dept/v1/data/" + Fixtures.RESOURCE + "/query"))
                .header("Content-Type", "text/plain")
                .header("X-Gdx-Party", Fixtures.HOTLINE.toString())
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(type.statusCode()).isEqualTo(415);
    assertThat(M.readTree(type.body()).path("code").asText()).isEqualTo("GDX-3002");
    HttpResponse<String> route =
        http.send(
            HttpRequest.newBuilder(base.resolve("/dept/v1/data/nothing-here")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(route.statusCode()).isEqualTo(404);
    assertThat(M.readTree(route.body()).path("code").asText()).isEqualTo("GDX-3004");
  }
}
