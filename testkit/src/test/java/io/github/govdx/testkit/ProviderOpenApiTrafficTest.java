package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.RecordValidator;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.QueryAnswer;
import io.github.govdx.client.transfer.SendFileRequest;
import io.github.govdx.client.transfer.Transfer;
import io.github.govdx.client.transfer.TransferResult;
import io.github.govdx.client.transfer.TransferState;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.testkit.OpenApiTrafficCheck.Exchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox (as the platform), govdx's {@link ProviderEndpoint} and {@code docs/openapi-provider.yaml} cannot
 * drift: one scenario makes the sandbox call every route of the provider interface (protocol.md §13 and §15.8) on
 * an endpoint served over HTTP — queries and pushes forwarded from callers, a file transfer delivered in parts after
 * a refused part size — and every exchange, recorded at the provider's HTTP server, is validated against the
 * document: request headers, parameters and body, status, response headers and body.
 */
class ProviderOpenApiTrafficTest {

  private static final String DEMANDS = "335002001/00003";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static OpenApiTrafficCheck check;
  private static final List<Exchange> traffic = new CopyOnWriteArrayList<>();

  @TempDir static Path tmp;

  @BeforeAll
  static void runScenario() throws Exception {
    check = OpenApiTrafficCheck.byPathTemplates(OpenApiContract.load("openapi-provider.yaml"));
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().start();
        ExchangeClient hotline = sandbox.client("hotline");
        ExchangeClient city = sandbox.client("citymgmt");
        ExchangeClient unchecked =
            sandbox.clientBuilder("hotline").recordValidator(RecordValidator.none()).build()) {
      TestParty bigdata = sandbox.party("bigdata");
      PartyId refused = sandbox.party("citymgmt").partyId();
      ResourceDetail demands = hotline.catalog().detail(DEMANDS);
      ProviderEndpoint endpoint =
          ProviderEndpoint.builder()
              .party(bigdata.partyId())
              .credentials(bigdata.credentials())
              .trustStore(sandbox.trustStore())
              .directory(sandbox.directory())
              .transferSpool(tmp.resolve("spool"))
              .maxPartBytes(256 * 1024) // below the sender's 1 MiB parts: one refused announcement
              .accessPolicy((caller, resource, action) -> !caller.equals(refused))
              .query(
                  demands,
                  q ->
                      QueryAnswer.builder()
                          .records(List.<JsonNode>of(OpenApiTrafficTest.demand("GD-P-0")))
                          .build())
              .push(demands, p -> "batch-" + p.messageId())
              .files(DEMANDS, f -> {})
              .build();
      HttpServer server = ProviderHttp.serve(endpoint, "/v1", new Recorder());
      try {
        sandbox.registerProvider(
            bigdata.partyId(), SandboxProvider.forwardingTo(ProviderHttp.base(server)));
        scenario(hotline, city, unchecked, bigdata);
      } finally {
        server.stop(0);
      }
    }
  }

  private static void scenario(
      ExchangeClient hotline, ExchangeClient city, ExchangeClient unchecked, TestParty bigdata)
      throws Exception {
    // §13: a query and a push forwarded unchanged, answered sealed
    assertThat(
            hotline
                .data()
                .query(
                    QueryRequest.builder().resourceCode(DEMANDS).filter("gdbh", "GD-P-0").build())
                .records())
        .hasSize(1);
    assertThat(
            hotline
                .data()
                .push(OpenApiTrafficTest.push(OpenApiTrafficTest.demand("GD-P-1")))
                .receipt())
        .isPresent();
    // refused by the provider: its access policy (403), an invalid query (422), invalid records
    // (422)
    assertThatThrownBy(
            () ->
                city.data()
                    .query(
                        QueryRequest.builder().resourceCode(DEMANDS).filter("gdbh", "x").build()))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3301");
    assertThatThrownBy(
            () ->
                unchecked
                    .data()
                    .query(
                        QueryRequest.builder().resourceCode(DEMANDS).filter("nosuch", "x").build()))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3302");
    assertThatThrownBy(
            () ->
                unchecked
                    .data()
                    .push(
                        OpenApiTrafficTest.push(
                            OpenApiTrafficTest.demand("GD-P-2").put("xzqh", "999999"))))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3303");

    // §15.8: a transfer delivered to the provider (announced, refused part size, announced again,
    // parts,
    // complete)
    Path src = tmp.resolve("file.bin");
    byte[] bytes = new byte[600_000];
    new Random(7).nextBytes(bytes);
    Files.write(src, bytes);
    TransferResult sent =
        hotline
            .transfers()
            .send(
                SendFileRequest.builder()
                    .receiver(bigdata.partyId())
                    .resourceCode(DEMANDS)
                    .source(src)
                    .spoolDirectory(tmp.resolve("sender-spool"))
                    .partSize(1024 * 1024)
                    .build());
    long until = System.nanoTime() + 30_000_000_000L;
    Transfer t = hotline.transfers().get(sent.transferId());
    while (t.state() != TransferState.DELIVERED && System.nanoTime() < until) {
      Thread.sleep(50);
      t = hotline.transfers().get(sent.transferId());
    }
    assertThat(t.state()).isEqualTo(TransferState.DELIVERED);
    hotline.transfers().verifyReceipt(sent);
  }

  /** Records one exchange: the request as received, the response as sent (octet-stream bodies left out). */
  private static final class Recorder extends Filter {
    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      Map<String, String> reqHeaders = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> reqHeaders.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      byte[] reqBody = exchange.getRequestBody().readAllBytes();
      String type = reqHeaders.get("content-type");
      boolean octets =
          type != null && OpenApiTrafficCheck.mime(type).equals("application/octet-stream");
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      OutputStream tee =
          new FilterOutputStream(exchange.getResponseBody()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              captured.write(b, off, len);
              out.write(b, off, len);
            }
          };
      exchange.setStreams(new ByteArrayInputStream(reqBody), tee);
      chain.doFilter(exchange);
      Map<String, String> respHeaders = new TreeMap<>();
      exchange
          .getResponseHeaders()
          .forEach((k, v) -> respHeaders.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      Map<String, List<String>> query = new LinkedHashMap<>();
      String raw = exchange.getRequestURI().getRawQuery();
      if (raw != null) {
        for (String pair : raw.split("&")) {
          int eq = pair.indexOf('=');
          query
              .computeIfAbsent(eq < 0 ? pair : pair.substring(0, eq), k -> new ArrayList<>())
              .add(eq < 0 ? "" : pair.substring(eq + 1));
        }
      }
      traffic.add(
          new Exchange(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              query,
              reqHeaders,
              octets ? null : reqBody,
              exchange.getResponseCode(),
              respHeaders,
              captured.toByteArray()));
    }

    @Override
    public String description() {
      return "records exchanges for the OpenAPI check";
    }
  }

  @Test
  void everyOperation_wasCalled() {
    OpenApiContract contract = OpenApiContract.load("openapi-provider.yaml");
    Set<String> seen = new TreeSet<>();
    for (Exchange e : traffic) {
      OpenApiContract.OperationMatch m = contract.match(e.method(), e.path());
      assertThat(m).as("the operation of %s", e).isNotNull();
      seen.add(e.method() + " " + m.template());
    }
    assertThat(seen).isEqualTo(contract.operations());
  }

  @Test
  void everyExchange_matchesTheDocument() {
    assertThat(traffic).isNotEmpty();
    List<String> violations = new ArrayList<>();
    for (Exchange e : traffic) {
      violations.addAll(check.violations(e));
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theScenario_sawTheProvidersRefusals() {
    assertThat(traffic).extracting(Exchange::status).contains(200, 201, 400, 403, 422);
  }

  @Test
  void aDriftOnEitherSide_isFound() {
    Exchange announce =
        traffic.stream()
            .filter(e -> e.method().equals("POST") && e.path().equals("/v1/transfers"))
            .filter(e -> e.status() == 201)
            .findFirst()
            .orElseThrow();
    ObjectNode more = (ObjectNode) readTree(announce.responseBody());
    more.put("spoolPath", "/var/govdx/spool");
    assertThat(check.violations(announce.withResponseBody(bytes(more)))).isNotEmpty();
    ObjectNode request = (ObjectNode) readTree(announce.requestBody());
    request.remove("partSize");
    assertThat(check.violations(announce.withRequestBody(bytes(request)))).isNotEmpty();
    assertThat(check.violations(announce.withRequestHeader("x-gdx-extra", "1"))).isNotEmpty();
    assertThat(check.violations(announce.withStatus(202))).isNotEmpty();
  }

  private static JsonNode readTree(byte[] b) {
    try {
      return JSON.readTree(b);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] bytes(JsonNode n) {
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }
}
