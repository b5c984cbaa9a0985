package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.testkit.OpenApiTrafficCheck.Exchange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The third side of the contract: every request/response example of {@code docs/protocol.md} (its {@code ```http}
 * blocks) is checked against {@code docs/openapi.yaml} with the same check as the recorded traffic. Examples omit the
 * gateway credential (placeholders are added) and shorten envelope bodies with {@code ...} (removed before
 * validation).
 */
class ProtocolExamplesTest {

  private static OpenApiContract contract;
  private static OpenApiTrafficCheck check;
  private static List<Exchange> examples;

  @BeforeAll
  static void parse() throws Exception {
    contract = OpenApiContract.load();
    check = new OpenApiTrafficCheck(contract);
    Path protocol = OpenApiContract.documentPath().resolveSibling("protocol.md");
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String line : Files.readAllLines(protocol, StandardCharsets.UTF_8)) {
      if (current == null && line.equals("```http")) {
        current = new ArrayList<>();
      } else if (current != null && line.equals("```")) {
        blocks.add(current);
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    assertThat(blocks.size() % 2).as("every example request has its response").isZero();
    examples = new ArrayList<>();
    for (int i = 0; i + 1 < blocks.size(); i += 2) {
      examples.add(exchange(blocks.get(i), blocks.get(i + 1)));
    }
  }

  private static Exchange exchange(List<String> request, List<String> response) {
    String[] requestLine = request.get(0).split(" ");
    assertThat(requestLine).as(request.get(0)).hasSize(3);
    assertThat(response.get(0)).startsWith("HTTP/1.1 ");
    HttpUrl url = HttpUrl.get("http://platform.invalid" + requestLine[1]);
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String name : url.queryParameterNames()) {
      query.put(name, url.queryParameterValues(name));
    }
    Map<String, String> requestHeaders = new TreeMap<>(headers(request));
    // the gateway credential, which the examples leave out
    JsonNode scheme = contract.document().at("/components/securitySchemes/govdxHmac");
    requestHeaders.put(scheme.path("name").asText().toLowerCase(Locale.ROOT), "example");
    for (JsonNode h : scheme.path("x-govdx-headers")) {
      requestHeaders.put(h.asText().toLowerCase(Locale.ROOT), "example");
    }
    return new Exchange(
        requestLine[0],
        url.encodedPath(),
        query,
        requestHeaders,
        body(request),
        Integer.parseInt(response.get(0).split(" ")[1]),
        headers(response),
        body(response));
  }

  private static Map<String, String> headers(List<String> block) {
    Map<String, String> out = new TreeMap<>();
    for (String line : block.subList(1, block.size())) {
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      out.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    return out;
  }

  private static byte[] body(List<String> block) {
    int blank = block.indexOf("");
    if (blank < 0) {
      return new byte[0];
    }
    String text = String.join("\n", block.subList(blank + 1, block.size())).trim();
    return text.replace("...", "").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void examples_coverTheMainRoutes() {
    Set<Route> seen = EnumSet.noneOf(Route.class);
    for (Exchange e : examples) {
      Route r = check.route(e);
      assertThat(r).as("the route of the example %s", e).isNotNull();
      seen.add(r);
    }
    assertThat(examples).hasSizeGreaterThanOrEqualTo(17);
    assertThat(seen)
        .contains(
            Route.CATALOG_SEARCH,
            Route.CATALOG_DETAIL,
            Route.PARTY_DETAIL,
            Route.APPLICATION_SUBMIT,
            Route.DATA_QUERY,
            Route.DATA_PUSH,
            Route.SUBSCRIPTION_EVENTS,
            Route.OBJECTION_RAISE);
  }

  @Test
  void everyExample_matchesTheDocument() {
    List<String> violations = new ArrayList<>();
    for (Exchange e : examples) {
      violations.addAll(check.violations(e));
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void anExampleThatDrifts_isReported() {
    Exchange raised =
        examples.stream()
            .filter(e -> check.route(e) == Route.OBJECTION_RAISE)
            .findFirst()
            .orElseThrow();
    assertThat(check.violations(raised)).isEmpty();
    String body = new String(raised.responseBody(), StandardCharsets.UTF_8);
    assertThat(body).contains("\"dueDate\"");
    byte[] stale = body.replace("\"dueDate\"", "\"deadline\"").getBytes(StandardCharsets.UTF_8);
    assertThat(check.violations(raised.withResponseBody(stale)))
        .anyMatch(v -> v.contains("dueDate"))
        .anyMatch(v -> v.contains("deadline"));
  }
}
