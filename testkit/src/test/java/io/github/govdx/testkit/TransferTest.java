package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.client.CuttingProxy;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.transfer.ListTransfersRequest;
import io.github.govdx.client.transfer.ReceivedFile;
import io.github.govdx.client.transfer.SendFileRequest;
import io.github.govdx.client.transfer.Transfer;
import io.github.govdx.client.transfer.TransferResult;
import io.github.govdx.client.transfer.TransferState;
import io.github.govdx.crypto.evidence.Receipt;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File transfers (docs/protocol.md §15) between two clients through the sandbox. */
class TransferTest {

  private static final String DEMANDS = "335002001/00003";
  private static final int MIB = 1024 * 1024;

  private static ExchangeSandbox sandbox;
  private static ExchangeClient hotline;
  private static ExchangeClient bigdata;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    sandbox = ExchangeSandbox.builder().start();
    hotline = sandbox.client("hotline");
    bigdata = sandbox.client("bigdata");
  }

  @AfterAll
  static void stop() {
    hotline.close();
    bigdata.close();
    sandbox.close();
  }

  private Path randomFile(String name, long size, long seed) throws IOException {
    Path p = tmp.resolve(name);
    Random r = new Random(seed);
    byte[] buf = new byte[64 * 1024];
    try (OutputStream o = Files.newOutputStream(p)) {
      for (long left = size; left > 0; left -= buf.length) {
        r.nextBytes(buf);
        o.write(buf, 0, (int) Math.min(buf.length, left));
      }
    }
    return p;
  }

  private static String sha256(Path p) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (var in = Files.newInputStream(p)) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private SendFileRequest.Builder request(Path source) {
    return SendFileRequest.builder()
        .receiver(sandbox.party("bigdata").partyId())
        .resourceCode(DEMANDS)
        .source(source)
        .spoolDirectory(tmp.resolve("spool"))
        .partSize(MIB);
  }

  @Test
  void sendListReceiveAcknowledge_plaintextIdentical_receiptVerifies() throws Exception {
    Path src = randomFile("case-file.bin", 5L * MIB + 12_345, 1);
    TransferResult sent = hotline.transfers().send(request(src).build());
    assertThat(sent.partCount()).isEqualTo(6); // 5 MiB + chunk overhead in 1 MiB parts
    assertThat(sent.partsUploaded()).isEqualTo(6);
    assertThat(sent.plaintextLength()).isEqualTo(Files.size(src));
    assertThat(sent.sealedLength()).isGreaterThan(Files.size(src));
    try (Stream<Path> spool = Files.list(tmp.resolve("spool"))) {
      assertThat(spool).as("the spool file is removed once complete").isEmpty();
    }
    // the sender cannot verify a receipt that does not exist yet
    assertThatThrownBy(() -> hotline.transfers().verifyReceipt(sent))
        .isInstanceOf(ExchangeException.class)
        .hasMessageContaining("GDX-3208");

    Transfer waiting =
        bigdata
            .transfers()
            .list(ListTransfersRequest.builder().state(TransferState.AVAILABLE).build())
            .items()
            .stream()
            .filter(t -> t.transferId().equals(sent.transferId()))
            .findFirst()
            .orElseThrow();
    assertThat(waiting.sender()).isEqualTo(sandbox.party("hotline").partyId());
    assertThat(waiting.storedParts()).containsExactly(1, 2, 3, 4, 5, 6);

    Path out = tmp.resolve("received.bin");
    ReceivedFile got = bigdata.transfers().receive(sent.transferId(), out);
    assertThat(sha256(out)).isEqualTo(sha256(src));
    assertThat(got.length()).isEqualTo(Files.size(src));
    assertThat(got.messageId()).isEqualTo(sent.messageId());
    assertThat(got.sender()).isEqualTo(sandbox.party("hotline").partyId());
    try (Stream<Path> dir = Files.list(tmp)) {
      assertThat(dir.map(p -> p.getFileName().toString()))
          .as("no temporary or spool file left beside the output")
          .noneMatch(n -> n.startsWith(".received.bin"));
    }

    Receipt receipt = hotline.transfers().verifyReceipt(sent);
    assertThat(receipt.messageId()).isEqualTo(sent.messageId());
    assertThat(receipt.envelopeDigest()).isEqualTo(sent.sealedDigest());
    assertThat(hotline.transfers().get(sent.transferId()).state())
        .isEqualTo(TransferState.DELIVERED);
  }

  @Test
  void receiveCutShortBeforeItsAcknowledgement_isReceivedAgain() throws Exception {
    Path src = randomFile("cut-short.bin", MIB + 4_321, 7);
    TransferResult sent = hotline.transfers().send(request(src).build());
    Path out = tmp.resolve("cut-short.out");
    // the stream was downloaded, opened and written, then the receiver stopped before acknowledging
    // it
    sandbox.inject(Route.TRANSFER_ACK, Fault.status(400).times(1));
    assertThatThrownBy(() -> bigdata.transfers().receive(sent.transferId(), out))
        .isInstanceOf(ExchangeException.class);
    sandbox.clearFaults();
    assertThat(hotline.transfers().get(sent.transferId()).state())
        .isNotEqualTo(TransferState.DELIVERED);

    ReceivedFile got = bigdata.transfers().receive(sent.transferId(), out);
    assertThat(sha256(out)).isEqualTo(sha256(src));
    assertThat(got.messageId()).isEqualTo(sent.messageId());
    assertThat(hotline.transfers().verifyReceipt(sent).messageId()).isEqualTo(sent.messageId());
    assertThat(hotline.transfers().get(sent.transferId()).state())
        .isEqualTo(TransferState.DELIVERED);
  }

  @Test
  void brokenFiveTimesAtRandomPoints_uploadAndDownloadResume() throws Exception {
    Path src = randomFile("extract.bin", 7L * MIB + 3, 2);
    TransferResult sent;
    ReceivedFile got;
    try (CuttingProxy up = new CuttingProxy(sandbox.baseUri(), 5, 200_000, 2 * MIB, 42);
        ExchangeClient viaProxy = tolerant("hotline", up)) {
      sent = viaProxy.transfers().send(request(src).build());
      assertThat(up.cutsDone()).isEqualTo(5);
    }
    assertThat(sent.resumes() + sent.partsUploaded())
        .as("the cuts cost resumes or part retries, and the transfer still completed")
        .isGreaterThanOrEqualTo(sent.partCount());
    try (CuttingProxy down = new CuttingProxy(sandbox.baseUri(), 5, 200_000, 2 * MIB, 43);
        ExchangeClient viaProxy = tolerant("bigdata", down)) {
      got = viaProxy.transfers().receive(sent.transferId(), tmp.resolve("extract.out"));
      assertThat(down.cutsDone()).isEqualTo(5);
    }
    assertThat(got.resumes()).isPositive();
    assertThat(sha256(tmp.resolve("extract.out"))).isEqualTo(sha256(src));
    hotline.transfers().verifyReceipt(sent);
  }

  /** A client through the proxy whose circuit breaker tolerates the test's five cuts in a row. */
  private static ExchangeClient tolerant(String alias, CuttingProxy proxy) {
    return sandbox
        .clientBuilder(alias)
        .endpoint(proxy.uri())
        .circuitBreaker(
            io.github.govdx.client.CircuitBreakerPolicy.builder().failureThreshold(20).build())
        .build();
  }

  @Test
  void sameIdempotencyKeyAfterAnAbortedSend_resumesTheSameTransfer() throws Exception {
    Path src = randomFile("scan.bin", 4L * MIB, 3);
    String key = "scan-" + UUID.randomUUID();
    SendFileRequest r =
        request(src).idempotencyKey(key).resumeTimeout(java.time.Duration.ofSeconds(1)).build();
    // the network dies for good in the middle of the second part: the send fails, retryable
    try (CuttingProxy dying = CuttingProxy.dyingAfter(sandbox.baseUri(), MIB + MIB / 2);
        ExchangeClient viaProxy =
            sandbox
                .clientBuilder("hotline")
                .endpoint(dying.uri())
                .retryPolicy(io.github.govdx.client.RetryPolicy.none())
                .build()) {
      assertThatThrownBy(() -> viaProxy.transfers().send(r))
          .isInstanceOf(ExchangeException.class)
          .satisfies(e -> assertThat(((ExchangeException) e).retryable()).isTrue());
    }
    assertThat(tmp.resolve("spool").resolve("govdx-" + key + ".gdxs")).exists();

    TransferResult sent = hotline.transfers().send(r);
    assertThat(sent.partsUploaded())
        .as("the first part was stored before the network died; it is not sent again")
        .isLessThan(sent.partCount());
    assertThat(
            hotline
                .transfers()
                .list(ListTransfersRequest.builder().sent(true).pageSize(100).build())
                .items())
        .as("one transfer for the key, not two")
        .filteredOn(t -> t.size() == sent.sealedLength())
        .hasSize(1);
    ReceivedFile got = bigdata.transfers().receive(sent.transferId(), tmp.resolve("scan.out"));
    assertThat(got.messageId()).isEqualTo(sent.messageId());
    assertThat(sha256(tmp.resolve("scan.out"))).isEqualTo(sha256(src));
  }

  @Test
  void someoneElse_cannotReadOrDownload() throws Exception {
    Path src = randomFile("private.bin", 100_000, 4);
    TransferResult sent = hotline.transfers().send(request(src).build());
    try (ExchangeClient city = sandbox.client("citymgmt")) {
      assertThatThrownBy(() -> city.transfers().get(sent.transferId()))
          .hasMessageContaining("GDX-3216");
      assertThatThrownBy(() -> city.transfers().receive(sent.transferId(), tmp.resolve("x")))
          .hasMessageContaining("GDX-3216");
    }
    // the sender is not the receiver either
    assertThatThrownBy(() -> hotline.transfers().receive(sent.transferId(), tmp.resolve("y")))
        .hasMessageContaining("GDX-3216");
    assertThat(tmp.resolve("x")).doesNotExist();
    assertThatThrownBy(() -> hotline.transfers().get("t-no-such")).hasMessageContaining("GDX-3220");
  }
}
