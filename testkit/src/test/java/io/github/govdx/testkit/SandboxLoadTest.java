package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Envelope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sandbox under load: 50 concurrent clients (each its own party with its own keys and gateway credential) ×
 * 200 mixed requests: 1 % SM2-sealed queries answered by the sandbox's own provider (which opens each request
 * and seals each answer), 1 % SM2-sealed idempotent pushes (half of them sent twice), the rest catalog search and
 * detail, directory, application list and status, and feed reads. The sealed share is kept small because SM2 on
 * Bouncy Castle dominates the CPU on 2 cores; the crypto's own cost is measured in the benchmarks module. No errors, no lost or duplicated pushes. The throughput is written to
 * {@code target/sandbox-load.txt} and recorded in {@code docs/performance.md}.
 */
class SandboxLoadTest {

  private static final int CLIENTS = 50;
  private static final int REQUESTS = 200;
  private static final String PEOPLE = "335001001/00012";
  private static final String DEMANDS = "335002001/00003";
  private static final String ENV = "application/govdx-envelope+json";

  @Test
  void fiftyClients_twoHundredMixedRequests_noErrors_noLostOrDuplicatedPushes() throws Exception {
    try (ExchangeSandbox sandbox =
        ExchangeSandbox.builder().reviewMode(ReviewMode.AUTO_APPROVE).start()) {
      List<SandboxHttp> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        PartyId id = PartyId.parse(SyntheticParties.creditCode(1000 + i) + "/load");
        sandbox.addParty("load" + i, id, "压测部门" + i);
        clients.add(new SandboxHttp(sandbox, "load" + i));
      }
      List<JsonNode> people = sandbox.records(PEOPLE);
      Map<String, String> pushedKeys = new ConcurrentHashMap<>();
      Set<String> errors = ConcurrentHashMap.newKeySet();
      AtomicInteger sent = new AtomicInteger();
      AtomicInteger replayed = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      long t0 = System.nanoTime();
      try {
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          SandboxHttp client = clients.get(c);
          int seed = c;
          runs.add(
              pool.submit(
                  () -> {
                    String sub = null;
                    String appId = null;
                    for (int i = 0; i < REQUESTS; i++) {
                      int kind = (i + seed) % 100;
                      SandboxHttp.Resp r;
                      if (i == 0) {
                        r =
                            client.post(
                                "/v1/applications",
                                "application/json",
                                ("{\"resourceCode\": \"" + PEOPLE + "\", \"purpose\": \"压测\"}")
                                    .getBytes(StandardCharsets.UTF_8),
                                null);
                        check(r, 201, errors);
                        appId = SandboxHttp.json(r).get("applicationId").asText();
                      } else if (i == 1) {
                        r =
                            client.post(
                                "/v1/subscriptions",
                                "application/json",
                                ("{\"resourceCode\": \"" + DEMANDS + "\"}")
                                    .getBytes(StandardCharsets.UTF_8),
                                null);
                        check(r, 201, errors);
                        sub = SandboxHttp.json(r).get("subscriptionId").asText();
                      } else if (kind == 0) {
                        JsonNode person = people.get((i * 7 + seed) % people.size());
                        Envelope q =
                            client.seal(
                                client.headers(PEOPLE, "query").build(),
                                "{\"filter\": {\"sfzh\": \""
                                    + person.get("sfzh").asText()
                                    + "\"}}");
                        r = client.post("/v1/data/335001001/00012/query", ENV, q.toBytes(), null);
                        if (check(r, 200, errors)) {
                          Envelope m = Envelope.parse(r.body());
                          if (!m.headers()
                              .correlationId()
                              .orElse("")
                              .equals(q.headers().messageId())) {
                            errors.add("result not bound to its query");
                          }
                        }
                      } else if (kind == 1) {
                        String gd = "GD" + seed + "-" + i;
                        Envelope p =
                            client.seal(
                                client.headers(DEMANDS, "push").build(),
                                "{\"records\": [{\"gdbh\": \""
                                    + gd
                                    + "\", \"sqqd\": \"电话\", \"sqlx\": \"咨询\", \"sqnr\": \"压测诉求\", \"xzqh\": \"320505\","
                                    + " \"slsj\": \"2026-11-24T08:00:00Z\"}]}");
                        String key = UUID.randomUUID().toString();
                        r = client.post("/v1/data/335002001/00003/batches", ENV, p.toBytes(), key);
                        if (check(r, 201, errors)) {
                          pushedKeys.put(gd, key);
                        }
                        if (i % 200 < 100) {
                          SandboxHttp.Resp again =
                              client.post(
                                  "/v1/data/335002001/00003/batches", ENV, p.toBytes(), key);
                          if (check(again, 201, errors)
                              && again.header("Idempotency-Replayed").isPresent()) {
                            replayed.incrementAndGet();
                          }
                          sent.incrementAndGet();
                        }
                      } else if (kind < 28) {
                        check(client.get("/v1/catalog/resources?q=12345&pageSize=10"), 200, errors);
                      } else if (kind < 44) {
                        check(client.get("/v1/catalog/resources/335001001/00012"), 200, errors);
                      } else if (kind < 60) {
                        check(client.get("/v1/parties/11320500014160478L"), 200, errors);
                      } else if (kind < 76) {
                        check(client.get("/v1/applications?state=approved"), 200, errors);
                      } else if (kind < 88) {
                        check(
                            client.get("/v1/subscriptions/" + sub + "/events?limit=50"),
                            200,
                            errors);
                      } else {
                        check(client.get("/v1/applications/" + appId), 200, errors);
                      }
                      sent.incrementAndGet();
                    }
                    return null;
                  }));
        }
        for (Future<?> f : runs) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(errors).isEmpty();
      List<StoredBatch> batches = sandbox.batches(DEMANDS);
      Map<String, Integer> perOrder = new ConcurrentHashMap<>();
      for (StoredBatch b : batches) {
        for (JsonNode r : b.records()) {
          perOrder.merge(r.get("gdbh").asText(), 1, Integer::sum);
        }
      }
      assertThat(perOrder.keySet())
          .as("no lost pushes")
          .containsExactlyInAnyOrderElementsOf(pushedKeys.keySet());
      assertThat(perOrder.values()).as("no duplicated pushes").allMatch(n -> n == 1);
      assertThat(replayed.get()).isPositive();
      String line =
          String.format(
              "%d clients x %d requests (+%d idempotent retries): %d requests in %.1f s = %.0f "
                  + "requests/s; %d pushes stored exactly once, %d replays",
              CLIENTS,
              REQUESTS,
              replayed.get(),
              sent.get(),
              seconds,
              sent.get() / seconds,
              pushedKeys.size(),
              replayed.get());
      Files.writeString(Path.of("target", "sandbox-load.txt"), line + System.lineSeparator());
    }
  }

  private static boolean check(SandboxHttp.Resp r, int expected, Set<String> errors) {
    if (r.statusCode() != expected) {
      errors.add(r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
      return false;
    }
    return true;
  }
}
