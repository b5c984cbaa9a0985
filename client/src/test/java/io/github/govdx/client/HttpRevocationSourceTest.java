package io.github.govdx.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpRevocationSource} against a real HTTP server: CRL GET, OCSP POST, failures as empty. */
class HttpRevocationSourceTest {

  private HttpServer server;
  private URI base;
  private final AtomicReference<String> ocspContentType = new AtomicReference<>();
  private final AtomicReference<byte[]> ocspBody = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/crl/ca.crl",
        x -> {
          byte[] b = "CRL-BYTES".getBytes(StandardCharsets.US_ASCII);
          x.sendResponseHeaders(200, b.length);
          try (OutputStream o = x.getResponseBody()) {
            o.write(b);
          }
        });
    server.createContext(
        "/ocsp",
        x -> {
          ocspContentType.set(x.getRequestHeaders().getFirst("Content-Type"));
          ocspBody.set(x.getRequestBody().readAllBytes());
          byte[] b = "OCSP-RESPONSE".getBytes(StandardCharsets.US_ASCII);
          x.sendResponseHeaders(200, b.length);
          try (OutputStream o = x.getResponseBody()) {
            o.write(b);
          }
        });
    server.createContext(
        "/gone",
        x -> {
          x.sendResponseHeaders(404, -1);
          x.close();
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void crl_fetchedFromTheFirstHttpDistributionPoint() {
    HttpRevocationSource s = HttpRevocationSource.create();
    assertThat(
            s.crl(
                null,
                List.of(URI.create("ldap://ldap.example/cn=ca"), base.resolve("/crl/ca.crl"))))
        .hasValueSatisfying(
            b -> assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("CRL-BYTES"));
  }

  @Test
  void ocsp_postedAsOcspRequest() {
    byte[] request = {0x30, 0x03, 0x02, 0x01, 0x01};
    assertThat(HttpRevocationSource.create().ocsp(base.resolve("/ocsp"), request))
        .hasValueSatisfying(
            b -> assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("OCSP-RESPONSE"));
    assertThat(ocspContentType.get()).isEqualTo("application/ocsp-request");
    assertThat(ocspBody.get()).isEqualTo(request);
  }

  @Test
  void notFoundUnreachableOrNoHttpPoint_empty() {
    HttpRevocationSource s = HttpRevocationSource.create();
    assertThat(s.crl(null, List.of(base.resolve("/gone")))).isEmpty();
    assertThat(s.crl(null, List.of(URI.create("http://127.0.0.1:1/crl")))).isEmpty();
    assertThat(s.crl(null, List.of(URI.create("ldap://ldap.example/cn=ca")))).isEmpty();
  }
}
