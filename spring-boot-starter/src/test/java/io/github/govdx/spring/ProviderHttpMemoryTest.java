package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link ProviderHttpTestBase} on the default in-memory stores; and the {@code govdx} contributor in the
 * application's {@code /actuator/health}.
 */
@TestPropertySource(properties = "management.endpoint.health.show-details=always")
class ProviderHttpMemoryTest extends ProviderHttpTestBase {

  @Override
  String expectedReplayCache() {
    return "InMemoryReplayCache";
  }

  @Test
  void actuatorHealth_showsTheGovdxComponents() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/govdx"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode health = new ObjectMapper().readTree(r.body());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("credentials").path("status").asText())
        .isEqualTo("UP");
    assertThat(health.path("components").path("stores").path("details").path("type").asText())
        .isEqualTo("memory");
    assertThat(health.path("components").path("exchange").path("status").asText()).isEqualTo("UP");
  }
}
