package io.github.govdx.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.testkit.ExchangeSandbox;
import io.github.govdx.testkit.SandboxProvider;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application as the README runs it, against a sandbox: settings from the {@code
 * test-citymgmt.govdx.properties} file the sandbox writes, provider calls relayed to the application over HTTP
 * ({@link SandboxProvider#forwardingTo}), the 12345 hotline pushing a work order and the bureau's answer arriving at
 * the hotline's resource through the outbox, with its receipt.
 */
@SpringBootTest(
    classes = CityManagementApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:city-management-test;DB_CLOSE_DELAY=-1")
@AutoConfigureObservability
class CityManagementApplicationTest {

  private static final ExchangeSandbox SANDBOX = ExchangeSandbox.builder().start();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void sandboxSettings(DynamicPropertyRegistry r) throws Exception {
    Path dir = Files.createTempDirectory("govdx-example-credentials-");
    SANDBOX.writeCredentials(dir);
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(dir.resolve("test-citymgmt.govdx.properties"))) {
      p.load(in);
    }
    assertThat(p.stringPropertyNames()).contains("govdx.party-id", "govdx.gateway.secret");
    p.stringPropertyNames().forEach(k -> r.add(k, () -> p.getProperty(k)));
  }

  @AfterAll
  static void stop() {
    SANDBOX.close();
  }

  @LocalServerPort int port;

  @BeforeEach
  void relayProviderCalls() {
    SANDBOX.registerProvider(
        SANDBOX.party("citymgmt").partyId(),
        SandboxProvider.forwardingTo(URI.create("http://127.0.0.1:" + port)));
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return path.endsWith("prometheus")
        ? new ObjectMapper().getNodeFactory().textNode(r.body())
        : new ObjectMapper().readTree(r.body());
  }

  @Test
  void workOrderPushed_isAnsweredThroughTheOutbox_exactlyOnce() throws Exception {
    String gdbh = "GD" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ObjectNode order = new ObjectMapper().createObjectNode();
    order.put("gdbh", gdbh);
    order.put("sqlx", "投诉");
    order.put("sqnr", "小区路灯不亮");
    order.put("xzqh", "320505");
    order.put("pdsj", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    order.put("blsx", "2026-12-31");
    try (ExchangeClient hotline = SANDBOX.client("hotline")) {
      PushResult r =
          hotline
              .data()
              .push(
                  PushRequest.builder()
                      .resourceCode(WorkOrderHandler.WORK_ORDERS)
                      .addRecord(order)
                      .idempotencyKey("work-order-" + gdbh)
                      .build());
      assertThat(r.receipt()).isPresent();
    }
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonNode state = get("/work-orders/" + gdbh);
    while (!state.path("answer").asText().equals("DELIVERED") && System.nanoTime() < deadline) {
      Thread.sleep(100);
      state = get("/work-orders/" + gdbh);
    }
    assertThat(state.path("answer").asText()).isEqualTo("DELIVERED");
    assertThat(state.path("receipt").asBoolean()).isTrue();
    assertThat(SANDBOX.records(WorkOrderHandler.ANSWERS))
        .filteredOn(a -> a.path("gdbh").asText().equals(gdbh))
        .singleElement()
        .satisfies(a -> assertThat(a.path("blzt").asText()).isEqualTo("已办结"));

    assertThat(get("/actuator/health/govdx").path("status").asText()).isEqualTo("UP");
    assertThat(get("/actuator/prometheus").asText())
        .contains("govdx_provider_requests_seconds_count")
        .contains("govdx_outbox_backlog");
  }
}
