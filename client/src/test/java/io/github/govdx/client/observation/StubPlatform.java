package io.github.govdx.client.observation;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on the JDK's {@code HttpServer} that answers every request with the next queued status
 * (204 when the queue is empty; a protocol error body for 4xx/5xx) and records the request headers.
 */
final class StubPlatform implements AutoCloseable {

  final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
  final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  StubPlatform() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(Map.copyOf(exchange.getRequestHeaders()));
          exchange.getRequestBody().readAllBytes();
          Integer queued = statuses.poll();
          int status = queued == null ? 204 : queued;
          if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
          } else {
            String code = status == 404 ? "GDX-3203" : "GDX-3215";
            byte[] body =
                ("{\"code\":\""
                        + code
                        + "\",\"message\":\""
                        + code
                        + ": stub\",\"requestId\":\"r\",\"source\":\"platform\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
