package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.ExchangeAsyncClient;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.QueryResult;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.testkit.ExchangeSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The minimal {@code application.yml} of docs/spring-boot.md (the test resource {@code docs-minimal.yml}, which must
 * appear in the doc verbatim) boots an application whose injected {@link ExchangeClient} makes a sealed push and a
 * sealed query against the sandbox. Only what the doc says comes from the sandbox is replaced: the port (the test
 * sandbox listens on a free one), the directory the credentials were written to, and the gateway secret (the doc
 * takes it from {@code GOVDX_GATEWAY_SECRET}).
 */
@SpringBootTest(
    classes = MinimalConfigurationTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.config.name=docs-minimal")
class MinimalConfigurationTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @DynamicPropertySource
  static void sandbox(DynamicPropertyRegistry r) {
    ExchangeSandbox s = TestSandbox.get();
    Path keys = TestSandbox.keys();
    r.add("govdx.endpoint", () -> s.baseUri().toString());
    r.add("govdx.credentials.private-key", () -> keys.resolve("test-hotline.key.pem").toString());
    r.add("govdx.credentials.certificate", () -> keys.resolve("test-hotline.cert.pem").toString());
    r.add("govdx.trust.anchors", () -> keys.resolve("test-ca.cert.pem").toString());
    r.add("GOVDX_GATEWAY_SECRET", () -> s.party("hotline").gatewaySecretBase64());
  }

  @Autowired ExchangeClient client;
  @Autowired ExchangeAsyncClient asyncClient;
  @Autowired EnvelopeCodec codec;

  @Test
  void docsMinimalYaml_isInTheDocVerbatim() throws Exception {
    String yaml =
        new String(
            new ClassPathResource("docs-minimal.yml").getInputStream().readAllBytes(),
            StandardCharsets.UTF_8);
    String doc = Files.readString(Path.of("..", "docs", "spring-boot.md"));
    assertThat(doc).contains("```yaml\n" + yaml + "```");
  }

  @Test
  void injectedClient_pushesAndQueriesSealed() {
    ExchangeSandbox sandbox = TestSandbox.get();
    String gdbh = "GD-SPRING-" + UUID.randomUUID().toString().substring(0, 8);
    int before = sandbox.batches(TestSandbox.DEMANDS).size();

    PushResult pushed = client.data().push(TestSandbox.demand(gdbh));

    assertThat(pushed.receipt()).isPresent();
    assertThat(pushed.receipt().get().receiver()).isEqualTo(sandbox.party("bigdata").partyId());
    assertThat(sandbox.batches(TestSandbox.DEMANDS)).hasSize(before + 1);

    QueryResult<JsonNode> found =
        client
            .data()
            .query(
                QueryRequest.builder()
                    .resourceCode(TestSandbox.DEMANDS)
                    .filter("gdbh", gdbh)
                    .build());
    assertThat(found.records())
        .singleElement()
        .satisfies(r -> assertThat(r.get("gdbh").asText()).isEqualTo(gdbh));
    assertThat(found.messageId()).isPresent();

    QueryResult<JsonNode> async =
        asyncClient
            .data()
            .query(
                QueryRequest.builder()
                    .resourceCode(TestSandbox.DEMANDS)
                    .filter("gdbh", gdbh)
                    .build())
            .join();
    assertThat(async.records()).hasSize(1);
    assertThat(codec).isNotNull();
  }
}
