package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code govdx.gateway.scheme}: each scheme's headers reach the gateway (a JDK HTTP server standing in for it,
 * recording what it receives) on a call of the auto-configured client.
 */
class GatewaySchemesTest {

  private HttpServer gateway;
  private final AtomicReference<Map<String, String>> seen = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext(
        "/",
        exchange -> {
          Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          exchange.getRequestHeaders().forEach((k, v) -> h.put(k, v.get(0)));
          seen.set(h);
          byte[] body =
              "{\"code\":\"GDX-3101\",\"message\":\"stand-in\",\"requestId\":\"r-1\",\"source\":\"gateway\"}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    gateway.start();
  }

  @AfterEach
  void stop() {
    gateway.stop(0);
  }

  @ParameterizedTest
  @CsvSource({
    "govdx-hmac, Authorization, GDX-HMAC-SM3 keyId=key-1",
    "header-hmac, X-BG-HMAC-ACCESS-KEY, key-1",
    "timestamp-nonce, x-tif-paasid, key-1",
    "client-id-hmac, X-Client-Id, key-1"
  })
  void scheme_signsEveryCall(String scheme, String header, String startsWith) {
    BrokenConfigurationTest.working()
        .withPropertyValues(
            "govdx.endpoint=http://127.0.0.1:" + gateway.getAddress().getPort(),
            "govdx.gateway.scheme=" + scheme,
            "govdx.gateway.key-id=key-1",
            "govdx.gateway.secret=c2VjcmV0LXNlY3JldC1zZWNyZXQ=")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              ExchangeClient client = context.getBean(ExchangeClient.class);
              assertThatThrownBy(() -> client.catalog().detail("335001001/00012"))
                  .isInstanceOf(ExchangeException.class)
                  .hasMessageStartingWith("GDX-3101");
              assertThat(seen.get()).isNotNull();
              assertThat(seen.get().get(header)).startsWith(startsWith);
            });
  }

  @ParameterizedTest
  @CsvSource({"none"})
  void none_sendsNoSignature(String scheme) {
    BrokenConfigurationTest.working()
        .withPropertyValues(
            "govdx.endpoint=http://127.0.0.1:" + gateway.getAddress().getPort(),
            "govdx.gateway.scheme=" + scheme)
        .run(
            context -> {
              ExchangeClient client = context.getBean(ExchangeClient.class);
              assertThatThrownBy(() -> client.catalog().detail("335001001/00012"))
                  .isInstanceOf(ExchangeException.class);
              assertThat(seen.get()).doesNotContainKey("Authorization");
            });
  }
}
