package io.github.govdx.testkit;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.ProviderRequest;
import io.github.govdx.client.provider.ProviderResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * A department's glue for a {@link ProviderEndpoint} on the JDK HTTP server, as the tests serve it over real HTTP:
 * transfer parts are streamed to the endpoint, every other body is read whole (up to the endpoint's limit).
 */
final class ProviderHttp {

  private ProviderHttp() {}

  /**
   * Serves the endpoint on a free loopback port under {@code path}.
   *
   * @param endpoint the provider endpoint
   * @param path the context path, e.g. {@code /v1} or {@code /v1/transfers}
   * @param filters filters run around every exchange (e.g. a recorder)
   * @return the started server
   */
  static HttpServer serve(ProviderEndpoint endpoint, String path, Filter... filters)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    HttpContext context =
        server.createContext(
            path,
            exchange -> {
              Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
              exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
              String method = exchange.getRequestMethod();
              String p = exchange.getRequestURI().getPath();
              ProviderResponse answer;
              if (endpoint.streamsBody(method, p)) {
                answer =
                    endpoint.handle(
                        ProviderRequest.of(method, p, headers, new byte[0]),
                        exchange.getRequestBody());
              } else {
                byte[] body =
                    exchange.getRequestBody().readNBytes((int) endpoint.maxRequestBytes() + 1);
                answer = endpoint.handle(ProviderRequest.of(method, p, headers, body));
              }
              answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
              exchange.sendResponseHeaders(
                  answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
              }
            });
    for (Filter f : filters) {
      context.getFilters().add(f);
    }
    server.start();
    return server;
  }

  /** The server's base URL. */
  static URI base(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }
}
