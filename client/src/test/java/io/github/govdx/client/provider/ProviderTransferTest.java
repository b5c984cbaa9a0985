package io.github.govdx.client.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.Fixtures;
import io.github.govdx.client.SealedFile;
import io.github.govdx.client.TestPki;
import io.github.govdx.client.internal.Json;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.Receipt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider side of file transfers ({@code docs/protocol.md} section 15.8) called directly on {@link
 * ProviderEndpoint}, with real GM sealed streams from a test PKI and a real spool directory: parts written once
 * and checked, resume from the stored parts, the whole stream verified and opened at completion, the handler called
 * once (across a restart over the same spool and idempotency store), and every refusal with its code.
 */
class ProviderTransferTest {

  private static final String RESOURCE = "335001001/00031";
  private static final int PART = 256 * 1024;

  private static final TestPki PKI =
      new TestPki(Suite.GM, Fixtures.HOTLINE, Fixtures.POLICE, Fixtures.OTHER);

  @TempDir Path spool;

  private final List<ProviderFile> received = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> contents = new HashMap<>();
  private final InMemoryIdempotencyStore store =
      new InMemoryIdempotencyStore(java.time.Clock.systemUTC());
  private ProviderEndpoint endpoint;

  @BeforeEach
  void start() {
    endpoint = endpoint();
  }

  private ProviderEndpoint endpoint() {
    return ProviderEndpoint.builder()
        .party(Fixtures.POLICE)
        .credentials(PKI.credentials(Fixtures.POLICE))
        .trustStore(PKI.trust)
        .directory(PKI.directory)
        .idempotencyStore(store)
        .accessPolicy(
            AccessPolicy.allowList(Map.of(RESOURCE, Set.of(Fixtures.HOTLINE.department()))))
        .transferSpool(spool)
        .maxTransferBytes(8L << 20)
        .files(
            RESOURCE,
            f -> {
              synchronized (contents) {
                contents.put(f.transferId(), Files.readAllBytes(f.path()));
              }
              received.add(f);
            })
        .build();
  }

  // ------------------------------------------------------------------------------------ helpers

  private static ProviderResponse call(
      ProviderEndpoint e, String method, String path, PartyId caller, byte[] body, String... hs) {
    Map<String, String> h = new HashMap<>();
    h.put("X-Gdx-Party", caller.toString());
    for (int i = 0; i < hs.length; i += 2) {
      h.put(hs[i], hs[i + 1]);
    }
    return e.handle(ProviderRequest.of(method, path, h, body));
  }

  private ProviderResponse create(String id, SealedFile f, PartyId caller) {
    return create(endpoint, id, f.sealed().length, f.sha256(), PART, caller);
  }

  private static ProviderResponse create(
      ProviderEndpoint e, String id, long size, String sha256, int partSize, PartyId caller) {
    String json =
        "{\"transferId\":\""
            + id
            + "\",\"resourceCode\":\""
            + RESOURCE
            + "\",\"size\":"
            + size
            + ",\"sha256\":\""
            + sha256
            + "\",\"partSize\":"
            + partSize
            + "}";
    return call(
        e,
        "POST",
        "/v1/transfers",
        caller,
        json.getBytes(StandardCharsets.UTF_8),
        "Content-Type",
        "application/json");
  }

  private static ProviderResponse put(
      ProviderEndpoint e, String id, int n, byte[] body, String digest, PartyId caller) {
    return call(
        e,
        "PUT",
        "/v1/transfers/" + id + "/parts/" + n,
        caller,
        body,
        "Content-Type",
        "application/octet-stream",
        "Content-Digest",
        digest);
  }

  private ProviderResponse put(String id, SealedFile f, int n) {
    byte[] b = f.part(n, PART);
    return put(endpoint, id, n, b, SealedFile.contentDigest(b), Fixtures.HOTLINE);
  }

  private static ProviderResponse complete(ProviderEndpoint e, String id, PartyId caller) {
    return call(e, "POST", "/v1/transfers/" + id + "/complete", caller, new byte[0]);
  }

  private static ProviderResponse get(ProviderEndpoint e, String id, PartyId caller) {
    return call(e, "GET", "/v1/transfers/" + id, caller, new byte[0]);
  }

  private static JsonNode json(ProviderResponse r) {
    return Json.parseObject(r.body());
  }

  private static String code(ProviderResponse r) {
    return json(r).path("code").asText();
  }

  private static String id() {
    return "t-" + UUID.randomUUID();
  }

  private SealedFile file(int length, long seed) {
    return SealedFile.random(PKI, Fixtures.HOTLINE, Fixtures.POLICE, RESOURCE, length, seed);
  }

  private void sendAll(String id, SealedFile f) {
    assertThat(create(id, f, Fixtures.HOTLINE).status()).isEqualTo(201);
    for (int n = 1; n <= f.partCount(PART); n++) {
      assertThat(put(id, f, n).status()).isEqualTo(200);
    }
  }

  // ------------------------------------------------------------------------------------ tests

  @Test
  void multiPartFile_receivedVerifiedAndHandledOnce_withAReceiptTheSenderVerifies() {
    SealedFile f = file(3 * 1024 * 1024 + 12_345, 1);
    String id = id();
    sendAll(id, f);
    assertThat(f.partCount(PART)).isGreaterThan(10);

    ProviderResponse done = complete(endpoint, id, Fixtures.HOTLINE);

    assertThat(done.status()).isEqualTo(200);
    assertThat(received).hasSize(1);
    ProviderFile got = received.get(0);
    assertThat(got.caller()).isEqualTo(Fixtures.HOTLINE);
    assertThat(got.resourceCode()).isEqualTo(RESOURCE);
    assertThat(got.transferId()).isEqualTo(id);
    assertThat(got.messageId()).isEqualTo(f.headers().messageId());
    assertThat(got.length()).isEqualTo(f.plaintext().length);
    assertThat(contents.get(id)).isEqualTo(f.plaintext());
    assertThat(got.path()).doesNotExist(); // the endpoint cleaned up after the handler
    assertThat(got.toString()).doesNotContain(spool.toString()).contains(id);
    JsonNode answer = json(done);
    assertThat(answer.path("state").asText()).isEqualTo("delivered");
    Receipt receipt = Receipt.parse(Json.bytes(answer.get("receipt")));
    // the sender verifies the provider's signed receipt over the sealed bytes it sent
    assertThat(
            receipt
                .verify(f.headers(), f.suiteDigest(Suite.GM), PKI.trust, Instant.now())
                .getSubjectX500Principal()
                .getName())
        .isNotEmpty();
    assertThatThrownBy(
            () -> receipt.verify(f.headers(), f.suiteDigest(Suite.INTL), PKI.trust, Instant.now()))
        .isInstanceOf(RuntimeException.class);

    // completing again (a lost answer): the same answer, the handler not called again
    ProviderResponse again = complete(endpoint, id, Fixtures.HOTLINE);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.headers()).containsEntry("Idempotency-Replayed", "true");
    assertThat(json(again).get("receipt")).isEqualTo(answer.get("receipt"));
    assertThat(received).hasSize(1);
    JsonNode state = json(get(endpoint, id, Fixtures.HOTLINE));
    assertThat(state.path("state").asText()).isEqualTo("delivered");
    assertThat(state.get("receipt")).isEqualTo(answer.get("receipt"));
    // the parts are gone once delivered
    assertThat(put(id, f, 1).status()).isEqualTo(409);
  }

  @Test
  void parts_writeOnce_sameDigestAgainOk_otherDigestRefused_corruptedRefused() {
    SealedFile f = file(700 * 1024, 2);
    String id = id();
    assertThat(create(id, f, Fixtures.HOTLINE).status()).isEqualTo(201);
    // the same create again: the same transfer
    assertThat(create(id, f, Fixtures.HOTLINE).status()).isEqualTo(200);
    assertThat(code(create(endpoint, id, 99, f.sha256(), PART, Fixtures.HOTLINE)))
        .isEqualTo("GDX-3008");

    byte[] p1 = f.part(1, PART);
    ProviderResponse first = put(id, f, 1);
    assertThat(first.status()).isEqualTo(200);
    assertThat(json(first).path("sha256").asText()).hasSize(64);
    // a retry after a lost answer
    assertThat(put(id, f, 1).status()).isEqualTo(200);
    // another body for a stored part: write-once
    byte[] other = p1.clone();
    other[10] ^= 1;
    ProviderResponse conflict =
        put(endpoint, id, 1, other, SealedFile.contentDigest(other), Fixtures.HOTLINE);
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(code(conflict)).isEqualTo("GDX-3208");
    // corrupted in transit: the body does not match its Content-Digest
    byte[] p2 = f.part(2, PART);
    byte[] bent = p2.clone();
    bent[5] ^= 1;
    ProviderResponse corrupted =
        put(endpoint, id, 2, bent, SealedFile.contentDigest(p2), Fixtures.HOTLINE);
    assertThat(corrupted.status()).isEqualTo(422);
    assertThat(code(corrupted)).isEqualTo("GDX-3011");
    assertThat(json(corrupted).path("source").asText()).isEqualTo("provider");
    // wrong length, no digest, out of range
    assertThat(
            code(
                put(
                    endpoint,
                    id,
                    2,
                    java.util.Arrays.copyOf(p2, 10),
                    SealedFile.contentDigest(java.util.Arrays.copyOf(p2, 10)),
                    Fixtures.HOTLINE)))
        .isEqualTo("GDX-3001");
    assertThat(code(put(endpoint, id, 2, p2, "md5=:abc:", Fixtures.HOTLINE))).isEqualTo("GDX-3001");
    assertThat(code(put(endpoint, id, 9, p2, SealedFile.contentDigest(p2), Fixtures.HOTLINE)))
        .isEqualTo("GDX-3001");
    // the state lists part 1 only, with its digest
    JsonNode state = json(get(endpoint, id, Fixtures.HOTLINE));
    assertThat(state.path("parts")).hasSize(1);
    assertThat(state.path("parts").get(0).path("sha256").asText())
        .isEqualTo(json(first).path("sha256").asText());
    // completion with parts missing names them
    ProviderResponse incomplete = complete(endpoint, id, Fixtures.HOTLINE);
    assertThat(incomplete.status()).isEqualTo(409);
    assertThat(code(incomplete)).isEqualTo("GDX-3218");
    assertThat(json(incomplete).path("details").toString()).contains("/parts/2", "/parts/3");
    assertThat(received).isEmpty();
    // another sender does not see the transfer
    assertThat(code(get(endpoint, id, Fixtures.OTHER))).isEqualTo("GDX-3220");
  }

  @Test
  void bodyCutShort_partNotStored_thenResentAndCompleted() {
    SealedFile f = file(600 * 1024, 3);
    String id = id();
    assertThat(create(id, f, Fixtures.HOTLINE).status()).isEqualTo(201);
    byte[] p1 = f.part(1, PART);
    InputStream breaking =
        new InputStream() {
          private final InputStream in = new ByteArrayInputStream(p1, 0, 100_000);

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
              throw new IOException("connection reset");
            }
            return b;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int r = in.read(b, off, len);
            if (r < 0) {
              throw new IOException("connection reset");
            }
            return r;
          }
        };
    Map<String, String> h = new HashMap<>();
    h.put("X-Gdx-Party", Fixtures.HOTLINE.toString());
    h.put("Content-Type", "application/octet-stream");
    h.put("Content-Digest", SealedFile.contentDigest(p1));
    String path = "/v1/transfers/" + id + "/parts/1";
    assertThat(endpoint.streamsBody("PUT", path)).isTrue();
    assertThat(endpoint.streamsBody("POST", "/v1/transfers")).isFalse();
    ProviderResponse cut =
        endpoint.handle(ProviderRequest.of("PUT", path, h, new byte[0]), breaking);
    assertThat(cut.status()).isEqualTo(400);
    assertThat(json(get(endpoint, id, Fixtures.HOTLINE)).path("parts")).isEmpty();
    // nothing half-written stays in the spool
    assertThat(spoolFiles()).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    for (int n = 1; n <= f.partCount(PART); n++) {
      assertThat(put(id, f, n).status()).isEqualTo(200);
    }
    assertThat(complete(endpoint, id, Fixtures.HOTLINE).status()).isEqualTo(200);
    assertThat(contents.get(id)).isEqualTo(f.plaintext());
  }

  @Test
  void restart_newEndpointOverTheSameSpoolAndStore_resumesAndHandlesOnce() {
    SealedFile f = file(2 * 1024 * 1024, 4);
    String id = id();
    assertThat(create(id, f, Fixtures.HOTLINE).status()).isEqualTo(201);
    int half = f.partCount(PART) / 2;
    for (int n = 1; n <= half; n++) {
      assertThat(put(id, f, n).status()).isEqualTo(200);
    }
    // the instance goes away; another one (a restart, or a second instance) takes over
    ProviderEndpoint restarted = endpoint();
    JsonNode state = json(get(restarted, id, Fixtures.HOTLINE));
    assertThat(state.path("parts")).hasSize(half);
    for (int n = half + 1; n <= f.partCount(PART); n++) {
      byte[] b = f.part(n, PART);
      assertThat(put(restarted, id, n, b, SealedFile.contentDigest(b), Fixtures.HOTLINE).status())
          .isEqualTo(200);
    }
    ProviderResponse done = complete(restarted, id, Fixtures.HOTLINE);
    assertThat(done.status()).isEqualTo(200);
    // the first instance, asked to complete again, answers from the store: once in all
    ProviderResponse again = complete(endpoint, id, Fixtures.HOTLINE);
    assertThat(again.status()).isEqualTo(200);
    assertThat(json(again).get("receipt")).isEqualTo(json(done).get("receipt"));
    assertThat(received).hasSize(1);
    assertThat(contents.get(id)).isEqualTo(f.plaintext());
  }

  @Test
  void concurrentCompletions_atTwoInstances_handlerCalledOnce() throws Exception {
    SealedFile f = file(1024 * 1024, 14);
    String id = id();
    sendAll(id, f);
    ProviderEndpoint other = endpoint(); // a second instance over the same spool and store
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<ProviderResponse>> answers = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        ProviderEndpoint e = i % 2 == 0 ? endpoint : other;
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return complete(e, id, Fixtures.HOTLINE);
                }));
      }
      go.countDown();
      int delivered = 0;
      for (java.util.concurrent.Future<ProviderResponse> a : answers) {
        ProviderResponse r = a.get(60, java.util.concurrent.TimeUnit.SECONDS);
        if (r.status() == 200) {
          delivered++;
        } else {
          // another instance was completing it at that moment: retryable
          assertThat(r.status()).isEqualTo(409);
          assertThat(code(r)).isEqualTo("GDX-3009");
        }
      }
      assertThat(delivered).isGreaterThanOrEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(received).hasSize(1);
    assertThat(complete(other, id, Fixtures.HOTLINE).status()).isEqualTo(200);
    assertThat(received).hasSize(1);
  }

  @Test
  void intlSuite_receivedAndReceiptOverTheSha256OfTheSealedBytes() {
    TestPki intl = new TestPki(Suite.INTL, Fixtures.HOTLINE, Fixtures.POLICE);
    ProviderEndpoint e =
        ProviderEndpoint.builder()
            .party(Fixtures.POLICE)
            .credentials(intl.credentials(Fixtures.POLICE))
            .trustStore(intl.trust)
            .directory(intl.directory)
            .transferSpool(spool.resolve("intl"))
            .files(RESOURCE, received::add)
            .build();
    SealedFile f =
        SealedFile.random(intl, Fixtures.HOTLINE, Fixtures.POLICE, RESOURCE, 600 * 1024, 15);
    String id = id();
    assertThat(create(e, id, f.sealed().length, f.sha256(), PART, Fixtures.HOTLINE).status())
        .isEqualTo(201);
    for (int n = 1; n <= f.partCount(PART); n++) {
      byte[] b = f.part(n, PART);
      assertThat(put(e, id, n, b, SealedFile.contentDigest(b), Fixtures.HOTLINE).status())
          .isEqualTo(200);
    }
    ProviderResponse done = complete(e, id, Fixtures.HOTLINE);
    assertThat(done.status()).isEqualTo(200);
    Receipt receipt = Receipt.parse(Json.bytes(json(done).get("receipt")));
    receipt.verify(f.headers(), f.suiteDigest(Suite.INTL), intl.trust, Instant.now());
    assertThat(receipt.suite()).isEqualTo(Suite.INTL);
    assertThat(received).hasSize(1);
  }

  @Test
  void handlerFailure_nothingRecorded_retryCallsItAgainOnce() {
    int[] calls = {0};
    ProviderEndpoint flaky =
        ProviderEndpoint.builder()
            .party(Fixtures.POLICE)
            .credentials(PKI.credentials(Fixtures.POLICE))
            .trustStore(PKI.trust)
            .directory(PKI.directory)
            .idempotencyStore(store)
            .transferSpool(spool)
            .files(
                RESOURCE,
                file -> {
                  if (++calls[0] == 1) {
                    throw new IOException("disk full");
                  }
                })
            .build();
    SealedFile f = file(300 * 1024, 5);
    String id = id();
    assertThat(create(flaky, id, f.sealed().length, f.sha256(), PART, Fixtures.HOTLINE).status())
        .isEqualTo(201);
    for (int n = 1; n <= f.partCount(PART); n++) {
      byte[] b = f.part(n, PART);
      put(flaky, id, n, b, SealedFile.contentDigest(b), Fixtures.HOTLINE);
    }
    ProviderResponse failed = complete(flaky, id, Fixtures.HOTLINE);
    assertThat(failed.status()).isEqualTo(500);
    assertThat(code(failed)).isEqualTo("GDX-3306");
    assertThat(complete(flaky, id, Fixtures.HOTLINE).status()).isEqualTo(200);
    assertThat(complete(flaky, id, Fixtures.HOTLINE).status()).isEqualTo(200);
    assertThat(calls[0]).isEqualTo(2);
  }

  @Test
  void tamperedStream_consistentDigests_refusedAtOpening() {
    SealedFile f = file(500 * 1024, 6);
    byte[] bad = f.sealed().clone();
    bad[bad.length / 2] ^= 1; // inside a chunk's ciphertext
    SealedFile tampered = new SealedFile(f.headers(), f.plaintext(), bad);
    String id = id();
    sendAll(id, tampered); // whoever altered it also fixed the transfer's sha256 and part digests
    ProviderResponse r = complete(endpoint, id, Fixtures.HOTLINE);
    assertThat(r.status()).isEqualTo(400);
    assertThat(code(r)).isEqualTo("GDX-3304");
    assertThat(json(r).path("message").asText()).contains("GDX-2603");
    assertThat(received).isEmpty();
    assertThat(spoolFiles()).noneMatch(p -> p.getFileName().toString().startsWith("content."));
  }

  @Test
  void storedPartAlteredOnDisk_refusedByTheWholeStreamDigest() throws IOException {
    SealedFile f = file(400 * 1024, 7);
    String id = id();
    sendAll(id, f);
    Path part =
        spoolFiles()
            .filter(p -> p.getFileName().toString().equals("part-000002"))
            .findFirst()
            .orElseThrow();
    byte[] b = Files.readAllBytes(part);
    b[0] ^= 1;
    Files.write(part, b);
    ProviderResponse r = complete(endpoint, id, Fixtures.HOTLINE);
    assertThat(r.status()).isEqualTo(422);
    assertThat(code(r)).isEqualTo("GDX-3219");
    assertThat(received).isEmpty();
  }

  @Test
  void misaddressedStream_refused() {
    // sealed by the hotline to another department, then offered to this provider
    SealedFile f =
        SealedFile.random(PKI, Fixtures.HOTLINE, Fixtures.OTHER, RESOURCE, 300 * 1024, 8);
    String id = id();
    sendAll(id, f);
    ProviderResponse r = complete(endpoint, id, Fixtures.HOTLINE);
    assertThat(r.status()).isEqualTo(400);
    assertThat(code(r)).isEqualTo("GDX-3304");
    assertThat(json(r).path("message").asText()).contains("GDX-2");
    assertThat(received).isEmpty();
  }

  @Test
  void streamOfAnotherSender_refused() {
    // a genuine stream of OTHER to this provider, forwarded as if the hotline had sent it
    SealedFile f = SealedFile.random(PKI, Fixtures.OTHER, Fixtures.POLICE, RESOURCE, 300 * 1024, 9);
    String id = id();
    sendAll(id, f);
    ProviderResponse r = complete(endpoint, id, Fixtures.HOTLINE);
    assertThat(r.status()).isEqualTo(400);
    assertThat(code(r)).isEqualTo("GDX-3304");
    assertThat(json(r).path("message").asText()).contains("X-Gdx-Party");
    assertThat(received).isEmpty();
  }

  @Test
  void replayedStream_underAnotherTransferId_refused() {
    SealedFile f = file(300 * 1024, 10);
    String first = id();
    sendAll(first, f);
    assertThat(complete(endpoint, first, Fixtures.HOTLINE).status()).isEqualTo(200);
    String second = id();
    sendAll(second, f);
    ProviderResponse r = complete(endpoint, second, Fixtures.HOTLINE);
    assertThat(r.status()).isEqualTo(400);
    assertThat(code(r)).isEqualTo("GDX-3304");
    assertThat(json(r).path("message").asText()).contains("GDX-2303");
    assertThat(received).hasSize(1);
  }

  @Test
  void limitsAndRefusals_atCreation() {
    String sha = "0".repeat(64);
    ProviderResponse big = create(endpoint, id(), (8L << 20) + 1, sha, PART, Fixtures.HOTLINE);
    assertThat(big.status()).isEqualTo(413);
    assertThat(code(big)).isEqualTo("GDX-3003");
    assertThat(code(create(endpoint, id(), 1000, sha, 1024, Fixtures.HOTLINE)))
        .isEqualTo("GDX-3001");
    assertThat(code(create(endpoint, id(), 1000, sha, 32 << 20, Fixtures.HOTLINE)))
        .isEqualTo("GDX-3001");
    assertThat(code(create(endpoint, id(), 1000, "ABC", PART, Fixtures.HOTLINE)))
        .isEqualTo("GDX-3001");
    assertThat(code(create(endpoint, "bad/id", 1000, sha, PART, Fixtures.HOTLINE)))
        .isEqualTo("GDX-3001");
    ProviderResponse denied = create(endpoint, id(), 1000, sha, PART, Fixtures.OTHER);
    assertThat(denied.status()).isEqualTo(403);
    assertThat(code(denied)).isEqualTo("GDX-3301");
    assertThat(code(get(endpoint, "t-unknown-transfer", Fixtures.HOTLINE))).isEqualTo("GDX-3220");
    assertThat(code(call(endpoint, "GET", "/v1/transfers", Fixtures.HOTLINE, new byte[0])))
        .isEqualTo("GDX-3005");
    assertThat(
            call(
                    endpoint,
                    "POST",
                    "/v1/transfers",
                    Fixtures.HOTLINE,
                    "{}".getBytes(StandardCharsets.UTF_8),
                    "Content-Type",
                    "text/plain")
                .status())
        .isEqualTo(415);
  }

  @Test
  void builder_filesNeedASpool() {
    assertThatThrownBy(
            () ->
                ProviderEndpoint.builder()
                    .party(Fixtures.POLICE)
                    .credentials(PKI.credentials(Fixtures.POLICE))
                    .trustStore(PKI.trust)
                    .directory(PKI.directory)
                    .files(RESOURCE, f -> {})
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("transferSpool");
    assertThatThrownBy(() -> ProviderEndpoint.builder().maxPartBytes(1000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Stream<Path> spoolFiles() {
    try (Stream<Path> s = Files.walk(spool)) {
      return s.filter(Files::isRegularFile).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
