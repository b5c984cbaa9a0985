package io.github.govdx.benchmarks.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.application.Application;
import io.github.govdx.core.party.PartyId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One exchange call on loopback through the govdx client pipeline with sealing off (request id, retry, circuit
 * breaker, rate limit, timeouts, buffering, masked logging, error mapping, typed JSON mapping of an
 * {@code Application}) against raw OkHttp on the same server and connection pool doing the minimum a caller
 * would (build the request for the id, send, read the body, Jackson {@code readTree}). The server is the JDK {@code HttpServer} in the
 * benchmark JVM, answering a fixed 600-byte application document. Target: the pipeline at most 10% slower.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ClientPipelineBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 * Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientPipelineBenchmark {

  static final String APPLICATION =
      "{\"applicationId\":\"app-1\",\"resourceCode\":\"335001001/00012\","
          + "\"applicant\":\"11320500014160478L/hotline\",\"provider\":\"11320500014160486F\","
          + "\"purpose\":\"12345热线工单办理中核验来电人身份\",\"items\":[\"xm\",\"sfzh\"],\"state\":\"approved\","
          + "\"submittedAt\":\"2026-11-24T08:30:00Z\",\"updatedAt\":\"2026-11-26T02:00:00Z\","
          + "\"timeLimitWorkingDays\":10,\"dueDate\":\"2026-12-08\",\"decisionReason\":\"符合共享条件\","
          + "\"history\":[{\"state\":\"submitted\",\"at\":\"2026-11-24T08:30:00Z\",\"by\":\"11320500014160478L/hotline\"},"
          + "{\"state\":\"approved\",\"at\":\"2026-11-26T02:00:00Z\",\"by\":\"11320500014160486F\",\"reason\":\"符合共享条件\"}]}";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private HttpServer server;
  private OkHttpClient raw;
  private ExchangeClient client;
  private String base;
  private final String applicationId = "app-1";

  /** Starts the loopback server and both clients. */
  @Setup
  public void setUp() throws IOException {
    byte[] body = APPLICATION.getBytes(StandardCharsets.UTF_8);
    // without TCP_NODELAY the JDK server's split header/body writes meet delayed ACKs: 40 ms per
    // call
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/applications/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.getResponseHeaders().set("X-Request-Id", "bench");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    // TCP_NODELAY on the client too: a POST's header and body writes would otherwise wait for
    // delayed ACKs
    raw = new OkHttpClient.Builder().socketFactory(NoDelaySockets.INSTANCE).build();
    client =
        ExchangeClient.builder()
            .endpoint(URI.create(base))
            .party(PartyId.parse("11320500014160478L/hotline"))
            .httpClient(raw)
            .sealing(false)
            .build();
  }

  /** Stops everything. */
  @TearDown
  public void tearDown() {
    client.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  /**
   * Raw OkHttp: build the request for the id (as a caller asking about different applications must), send,
   * read, parse to a tree.
   *
   * @return the parsed document
   * @throws IOException on failure
   */
  @Benchmark
  public JsonNode rawOkHttp() throws IOException {
    Request request =
        new Request.Builder()
            .url(base + "/v1/applications/" + applicationId)
            .header("X-Gdx-Party", "11320500014160478L/hotline")
            .header("X-Request-Id", "bench")
            .build();
    try (Response r = raw.newCall(request).execute()) {
      return MAPPER.readTree(r.body().bytes());
    }
  }

  /**
   * The govdx pipeline with sealing off.
   *
   * @return the typed application
   */
  @Benchmark
  public Application govdxPipeline() {
    return client.applications().status(applicationId);
  }
}
