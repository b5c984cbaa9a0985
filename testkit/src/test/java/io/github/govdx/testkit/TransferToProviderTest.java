package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.govdx.client.CuttingProxy;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.ProviderFile;
import io.github.govdx.client.provider.QueryAnswer;
import io.github.govdx.client.transfer.SendFileRequest;
import io.github.govdx.client.transfer.Transfer;
import io.github.govdx.client.transfer.TransferResult;
import io.github.govdx.client.transfer.TransferState;
import io.github.govdx.crypto.evidence.Receipt;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox delivers a completed file transfer to the receiver's provider endpoint ({@code docs/protocol.md}
 * §15.8): in parts, resuming after connection resets from the parts the endpoint lists, and records the provider's
 * signed receipt, so that the sender sees the transfer {@code delivered} and verifies the receipt.
 */
class TransferToProviderTest {

  private static final String DEMANDS = "335002001/00003";
  private static final int MIB = 1024 * 1024;

  @TempDir Path tmp;

  private ExchangeSandbox sandbox;
  private ExchangeClient hotline;
  private TestParty bigdata;
  private final List<ProviderFile> received = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> contents = new ConcurrentHashMap<>();

  @BeforeEach
  void start() {
    sandbox = ExchangeSandbox.builder().start();
    hotline = sandbox.client("hotline");
    bigdata = sandbox.party("bigdata");
  }

  @AfterEach
  void stop() {
    hotline.close();
    sandbox.close();
  }

  private ProviderEndpoint endpoint() {
    return ProviderEndpoint.builder()
        .party(bigdata.partyId())
        .credentials(bigdata.credentials())
        .trustStore(sandbox.trustStore())
        .directory(sandbox.directory())
        .transferSpool(tmp.resolve("provider-spool"))
        .files(
            DEMANDS,
            f -> {
              contents.put(f.transferId(), Files.readAllBytes(f.path()));
              received.add(f);
            })
        .build();
  }

  private Path randomFile(long size, long seed) throws IOException {
    Path p = tmp.resolve("file-" + seed + ".bin");
    byte[] b = new byte[(int) size];
    new Random(seed).nextBytes(b);
    Files.write(p, b);
    return p;
  }

  private TransferResult send(Path src) {
    return hotline
        .transfers()
        .send(
            SendFileRequest.builder()
                .receiver(bigdata.partyId())
                .resourceCode(DEMANDS)
                .source(src)
                .spoolDirectory(tmp.resolve("sender-spool"))
                .partSize(MIB)
                .build());
  }

  private Transfer awaitDelivered(String transferId) throws InterruptedException {
    long until = System.nanoTime() + 30_000_000_000L;
    Transfer t = hotline.transfers().get(transferId);
    while (t.state() != TransferState.DELIVERED && System.nanoTime() < until) {
      Thread.sleep(50);
      t = hotline.transfers().get(transferId);
    }
    return t;
  }

  @Test
  void inProcessEndpoint_receivesTheFileOnce_senderVerifiesTheProvidersReceipt() throws Exception {
    sandbox.registerProvider(bigdata.partyId(), ExchangeSandbox.provider(endpoint()));
    Path src = randomFile(3L * MIB + 777, 21);

    TransferResult sent = send(src);
    Transfer t = awaitDelivered(sent.transferId());

    assertThat(t.state()).isEqualTo(TransferState.DELIVERED);
    Receipt receipt = hotline.transfers().verifyReceipt(sent);
    assertThat(receipt.messageId()).isEqualTo(sent.messageId());
    assertThat(receipt.envelopeDigest()).isEqualTo(sent.sealedDigest());
    assertThat(received).hasSize(1);
    assertThat(received.get(0).caller()).isEqualTo(sandbox.party("hotline").partyId());
    assertThat(contents.get(sent.transferId())).isEqualTo(Files.readAllBytes(src));
  }

  @Test
  void endpointOverHttp_connectionsReset_deliveryResumes_handlerOnce() throws Exception {
    ProviderEndpoint endpoint = endpoint();
    HttpServer server = ProviderHttp.serve(endpoint, "/v1/transfers");
    URI direct = ProviderHttp.base(server);
    Path src = randomFile(4L * MIB, 22);
    try (CuttingProxy proxy = new CuttingProxy(direct, 3, 300_000, 1_500_000, 7)) {
      sandbox.registerProvider(bigdata.partyId(), SandboxProvider.forwardingTo(proxy.uri()));

      TransferResult sent = send(src);
      Transfer t = awaitDelivered(sent.transferId());

      assertThat(t.state()).isEqualTo(TransferState.DELIVERED);
      assertThat(proxy.cutsDone()).isEqualTo(3);
      hotline.transfers().verifyReceipt(sent);
      assertThat(received).hasSize(1);
      assertThat(contents.get(sent.transferId())).isEqualTo(Files.readAllBytes(src));
      JsonNode delivery = rawTransfer(sent.transferId()).path("x-sandbox-delivery");
      assertThat(delivery.path("attempts").asInt()).isGreaterThan(1);
      // resumed from the stored parts, not sent again whole after every reset
      assertThat(delivery.path("partsSent").asInt()).isLessThan(t.partCount() * 3);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void endpointWithSmallerPartLimit_getsSmallerParts() throws Exception {
    ProviderEndpoint small =
        ProviderEndpoint.builder()
            .party(bigdata.partyId())
            .credentials(bigdata.credentials())
            .trustStore(sandbox.trustStore())
            .directory(sandbox.directory())
            .transferSpool(tmp.resolve("small-spool"))
            .maxPartBytes(256 * 1024) // below the 1 MiB the sender uploaded in
            .files(
                DEMANDS,
                f -> {
                  contents.put(f.transferId(), Files.readAllBytes(f.path()));
                  received.add(f);
                })
            .build();
    sandbox.registerProvider(bigdata.partyId(), ExchangeSandbox.provider(small));
    Path src = randomFile(2L * MIB, 24);
    TransferResult sent = send(src);
    assertThat(awaitDelivered(sent.transferId()).state()).isEqualTo(TransferState.DELIVERED);
    assertThat(contents.get(sent.transferId())).isEqualTo(Files.readAllBytes(src));
    // 2 MiB and the stream's overhead in 256 KiB parts
    assertThat(rawTransfer(sent.transferId()).path("x-sandbox-delivery").path("partsSent").asInt())
        .isEqualTo(9);
  }

  @Test
  void endpointWithoutFiles_transferStaysAvailableForTheReceiver() throws Exception {
    ProviderEndpoint queriesOnly =
        ProviderEndpoint.builder()
            .party(bigdata.partyId())
            .credentials(bigdata.credentials())
            .trustStore(sandbox.trustStore())
            .directory(sandbox.directory())
            .query(
                hotline.catalog().detail(DEMANDS),
                q -> QueryAnswer.builder().records(List.<JsonNode>of()).build())
            .build();
    sandbox.registerProvider(bigdata.partyId(), ExchangeSandbox.provider(queriesOnly));
    TransferResult sent = send(randomFile(100_000, 23));
    long until = System.nanoTime() + 10_000_000_000L;
    JsonNode raw = rawTransfer(sent.transferId());
    while (raw.path("x-sandbox-delivery").isMissingNode() && System.nanoTime() < until) {
      Thread.sleep(20);
      raw = rawTransfer(sent.transferId());
    }
    assertThat(raw.path("x-sandbox-delivery").path("attempts").asInt()).isEqualTo(1);
    assertThat(hotline.transfers().get(sent.transferId()).state())
        .isEqualTo(TransferState.AVAILABLE);
  }

  /** The transfer as the sandbox's JSON (with its delivery report), read through the platform's own routes. */
  private JsonNode rawTransfer(String transferId) throws Exception {
    return SandboxHttp.json(new SandboxHttp(sandbox, "hotline").get("/v1/transfers/" + transferId));
  }
}
