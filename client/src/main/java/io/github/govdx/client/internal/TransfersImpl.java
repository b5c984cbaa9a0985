package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ExchangeClientException;
import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.Page;
import io.github.govdx.client.data.RecordValidator;
import io.github.govdx.client.transfer.DatasetPartConsumer;
import io.github.govdx.client.transfer.ExportDatasetRequest;
import io.github.govdx.client.transfer.ExportedDataset;
import io.github.govdx.client.transfer.ImportDatasetRequest;
import io.github.govdx.client.transfer.ImportedDataset;
import io.github.govdx.client.transfer.ListTransfersRequest;
import io.github.govdx.client.transfer.ReceivedFile;
import io.github.govdx.client.transfer.SendFileRequest;
import io.github.govdx.client.transfer.Transfer;
import io.github.govdx.client.transfer.TransferResult;
import io.github.govdx.client.transfer.TransferState;
import io.github.govdx.client.transfer.TransfersClient;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.OpenedStream;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.Receipt;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File transfers ({@code docs/protocol.md} §15): seal to a spool file, upload by parts with resume, download with
 * {@code Range} and resume, open from the spool into a temporary file moved into place once verified, acknowledge
 * with a receipt. Memory use is one part (at most 8 MiB) plus fixed buffers, whatever the file size. Thread-safe.
 */
public final class TransfersImpl implements TransfersClient {

  private static final Logger LOG = LoggerFactory.getLogger(TransfersImpl.class);
  private static final String ACTION = "transfer";
  private static final int MAX_RESUMES = 20;
  private static final int BUFFER = 64 * 1024;

  private final Transport transport;
  private final @Nullable MessageSealer sealer;
  private final Datasets datasets;

  /**
   * @param transport the transport
   * @param sealer the sealer, or null when sealing is off (then every call fails)
   * @param catalog the catalog (resource details for datasets)
   * @param validator the record validator (datasets)
   */
  public TransfersImpl(
      Transport transport,
      @Nullable MessageSealer sealer,
      CatalogImpl catalog,
      RecordValidator validator) {
    this.transport = transport;
    this.sealer = sealer;
    this.datasets = new Datasets(this, transport, catalog, validator);
  }

  // ------------------------------------------------------------------------------------ datasets

  @Override
  public ExportedDataset exportDataset(
      ExportDatasetRequest request, Iterator<? extends JsonNode> records) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(records, "records == null");
    return datasets.export(request, records, sealer().streamSuite().orElseThrow());
  }

  @Override
  public ImportedDataset importDataset(ImportDatasetRequest request, DatasetPartConsumer consumer) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(consumer, "consumer == null");
    return datasets.importDataset(request, consumer, sealer().streamSuite().orElseThrow());
  }

  private MessageSealer sealer() {
    if (sealer == null || sealer.streamSuite().isEmpty()) {
      throw new IllegalStateException(
          "file transfers need sealing: configure credentials, trust store and directory");
    }
    return sealer;
  }

  // ------------------------------------------------------------------------------------ sending

  @Override
  public TransferResult send(SendFileRequest r) {
    MessageSealer s = sealer();
    Suite suite = s.streamSuite().orElseThrow();
    String key = r.idempotencyKey().orElse("xfer-" + UUID.randomUUID());
    Path dir = r.spoolDirectory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
    Path spool = dir.resolve("govdx-" + key + ".gdxs");
    Path meta = dir.resolve("govdx-" + key + ".gdxs.json");
    Spooled spooled = spooled(s, r, spool, meta);
    Routing routing = spooled.routing;
    Digests d = digests(spool, suite);
    int partSize = r.partSize().orElse(4 * 1024 * 1024);
    ObjectNode create = Json.object();
    create.put("receiver", r.receiver().toString());
    create.put("resourceCode", r.resourceCode());
    create.put("size", d.length);
    create.put("sha256", d.sha256);
    create.put("partSize", partSize);
    int resumes = 0;
    int uploaded = 0;
    long giveUpAt = System.nanoTime() + r.resumeTimeout().toNanos();
    Transfer t = null;
    while (true) {
      try {
        if (t == null) {
          boolean[] replayed = new boolean[1];
          t =
              transport.execute(
                  ApiCall.<Transfer>builder(
                          "POST",
                          (st, h, b, cs) -> {
                            replayed[0] = "true".equalsIgnoreCase(h.get("Idempotency-Replayed"));
                            return transfer(b);
                          })
                      .operation("transfers.create")
                      .path("transfers")
                      .json(Json.bytes(create))
                      .idempotencyKey(key)
                      .build());
          if (replayed[0]) {
            // created by an earlier call with this key: its stored answer predates the parts sent
            // since
            t = get(t.transferId());
          }
        } else {
          t = get(t.transferId());
        }
        if (t.state() == TransferState.UPLOADING) {
          Set<Integer> stored = new HashSet<>(t.storedParts());
          for (int n = 1; n <= t.partCount(); n++) {
            if (!stored.contains(n)) {
              putPart(t, spool, n);
              uploaded++;
            }
          }
          t =
              transport.execute(
                  ApiCall.<Transfer>builder("POST", (st, h, b, cs) -> transfer(b))
                      .operation("transfers.complete")
                      .path("transfers", t.transferId(), "complete")
                      .safeToRetry()
                      .build());
        }
        break;
      } catch (ExchangeException e) {
        if (!e.retryable() || ++resumes > MAX_RESUMES || System.nanoTime() - giveUpAt > 0) {
          throw e;
        }
        LOG.info(
            "transfer {} interrupted ({}); resuming from the last stored part",
            t == null ? key : t.transferId(),
            e.code());
        pause(resumes);
      }
    }
    delete(spool);
    delete(meta);
    return TransferResult.builder()
        .transferId(t.transferId())
        .messageId(routing.messageId())
        .issuedAt(routing.issuedAt())
        .sender(routing.sender())
        .receiver(routing.receiver())
        .resourceCode(routing.resourceCode())
        .plaintextLength(spooled.plaintextLength)
        .sealedLength(d.length)
        .sealedDigest(d.suiteDigest)
        .partCount(t.partCount())
        .partsUploaded(uploaded)
        .resumes(resumes)
        .build();
  }

  private record Spooled(Routing routing, long plaintextLength) {}

  /** Seals the source to the spool file, or finds the spool file of an earlier call with the same key. */
  private Spooled spooled(MessageSealer s, SendFileRequest r, Path spool, Path meta) {
    try {
      if (Files.isRegularFile(spool) && Files.isRegularFile(meta)) {
        ObjectNode m = Json.parseObject(Files.readAllBytes(meta));
        Routing routing =
            new Routing(
                Json.member(m, "messageId", String.class),
                Instant.parse(Json.member(m, "issuedAt", String.class)),
                transport.self(),
                PartyId.parse(Json.member(m, "receiver", String.class)),
                Json.member(m, "resourceCode", String.class),
                ACTION,
                null);
        if (routing.receiver().equals(r.receiver())
            && routing.resourceCode().equals(r.resourceCode())) {
          LOG.info("resuming a file transfer from its spool file");
          return new Spooled(routing, m.get("plaintextLength").asLong());
        }
        throw new ExchangeClientException(
            ClientErrorCode.IDEMPOTENCY_KEY_REUSED,
            "the idempotency key was used for a file to another receiver or resource",
            null,
            false,
            null,
            0);
      }
      Files.createDirectories(spool.getParent());
      Routing routing =
          new Routing(
              UUID.randomUUID().toString(),
              transport.clock().instant(),
              transport.self(),
              r.receiver(),
              r.resourceCode(),
              ACTION,
              null);
      Path tmp = spool.resolveSibling(spool.getFileName() + ".tmp");
      long plain;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(r.source()), BUFFER);
          OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), BUFFER)) {
        plain = s.sealStream(routing, in, out);
      } catch (GovdxException e) {
        delete(tmp);
        throw e;
      }
      Files.move(tmp, spool, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      ObjectNode m = Json.object();
      m.put("messageId", routing.messageId());
      m.put("issuedAt", routing.issuedAt().toString());
      m.put("receiver", routing.receiver().toString());
      m.put("resourceCode", routing.resourceCode());
      m.put("plaintextLength", plain);
      Files.write(meta, Json.bytes(m));
      return new Spooled(routing, plain);
    } catch (IOException | UncheckedIOException e) {
      throw fileFailed("could not seal " + r.source().getFileName() + " to the spool file", e);
    }
  }

  private void putPart(Transfer t, Path spool, int n) {
    long offset = (long) (n - 1) * t.partSize();
    int length = (int) Math.min(t.partSize(), t.size() - offset);
    byte[] part = new byte[length];
    try (FileChannel ch = FileChannel.open(spool, StandardOpenOption.READ)) {
      ByteBuffer bb = ByteBuffer.wrap(part);
      while (bb.hasRemaining()) {
        if (ch.read(bb, offset + bb.position()) < 0) {
          throw new IOException("spool file shorter than the transfer");
        }
      }
    } catch (IOException e) {
      throw fileFailed("could not read part " + n + " of the spool file", e);
    }
    String digest = Base64.getEncoder().encodeToString(sha256().digest(part));
    transport.execute(
        ApiCall.<Void>builder("PUT", (st, h, b, cs) -> null)
            .operation("transfers.part")
            .path("transfers", t.transferId(), "parts", Integer.toString(n))
            .octets(part)
            .header("Content-Digest", "sha-256=:" + digest + ":")
            .safeToRetry()
            .build());
  }

  // ------------------------------------------------------------------------------------ reading

  @Override
  public Transfer get(String transferId) {
    return transport.execute(
        ApiCall.<Transfer>builder("GET", (st, h, b, cs) -> transfer(b))
            .operation("transfers.get")
            .path("transfers", transferId)
            .build());
  }

  @Override
  public Page<Transfer> list(ListTransfersRequest r) {
    return transport.execute(
        ApiCall.<Page<Transfer>>builder(
                "GET", (st, h, b, cs) -> transfers(Json.page(b, JsonNode.class)))
            .operation("transfers.list")
            .path("transfers")
            .query("role", r.sent() ? "sent" : "received")
            .query("state", r.state().map(TransferState::wireName).orElse(null))
            .query("resourceCode", r.resourceCode().orElse(null))
            .query("pageSize", r.pageSize().orElse(null))
            .query("pageToken", r.pageToken().orElse(null))
            .build());
  }

  // ------------------------------------------------------------------------------------ receiving

  @Override
  public ReceivedFile receive(String transferId, Path out) {
    MessageSealer s = sealer();
    Suite suite = s.streamSuite().orElseThrow();
    Transfer t = get(transferId);
    if (!t.receiver().equals(transport.self())) {
      throw new ExchangeClientException(
          ClientErrorCode.NOT_A_PARTICIPANT,
          "transfer " + transferId + " is not addressed to us",
          null,
          false,
          null,
          0);
    }
    Path abs = out.toAbsolutePath();
    Path spool = abs.resolveSibling("." + abs.getFileName() + "." + transferId + ".gdxs");
    int resumes = download(t, spool);
    Digests d = digests(spool, suite);
    if (d.length != t.size() || !d.sha256.equals(t.sha256())) {
      delete(spool);
      throw new ExchangeClientException(
          ClientErrorCode.TRANSFER_DIGEST_MISMATCH,
          "the downloaded stream does not match the transfer's sha256; it was discarded",
          null,
          false,
          null,
          0);
    }
    Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + transferId + ".part");
    OpenedStream opened;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(spool), BUFFER);
        OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), BUFFER)) {
      opened = s.openTransferStream(transferId, in, o);
    } catch (IOException | UncheckedIOException e) {
      delete(tmp);
      throw fileFailed("could not open the downloaded stream", e);
    } catch (RuntimeException e) {
      delete(tmp);
      delete(spool);
      throw e;
    }
    if (!opened.headers().sender().equals(t.sender())
        || !opened.headers().resourceCode().equals(t.resourceCode())
        || !opened.headers().action().equals(ACTION)) {
      delete(tmp);
      delete(spool);
      throw new ExchangeClientException(
          ClientErrorCode.RESPONSE_NOT_BOUND,
          "the sealed stream does not belong to this transfer (sender, resource or action differ)",
          null,
          false,
          null,
          0);
    }
    try {
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw fileFailed("could not move the verified file into place", e);
    }
    Receipt receipt = s.streamReceipt(opened, d.suiteDigest);
    ObjectNode ack = Json.object();
    ack.set("receipt", Json.parseObject(receipt.toJson().getBytes(StandardCharsets.UTF_8)));
    transport.execute(
        ApiCall.<Transfer>builder("POST", (st, h, b, cs) -> transfer(b))
            .operation("transfers.ack")
            .path("transfers", transferId, "ack")
            .json(Json.bytes(ack))
            .safeToRetry()
            .build());
    delete(spool);
    return ReceivedFile.builder()
        .transferId(transferId)
        .messageId(opened.headers().messageId())
        .sender(opened.headers().sender())
        .resourceCode(opened.headers().resourceCode())
        .path(abs)
        .length(opened.length())
        .digest(opened.digest())
        .resumes(resumes)
        .receipt(receipt)
        .build();
  }

  /** Downloads the sealed stream into the spool file, resuming after what it already holds. */
  private int download(Transfer t, Path spool) {
    int resumes = 0;
    while (true) {
      long have;
      try {
        have = Files.exists(spool) ? Files.size(spool) : 0;
        if (have > t.size()) {
          Files.delete(spool);
          have = 0;
        }
      } catch (IOException e) {
        throw fileFailed("could not read the download spool file", e);
      }
      if (have == t.size()) {
        return resumes;
      }
      long from = have;
      try {
        transport.execute(
            ApiCall.<Void>builder("GET", (st, h, b, cs) -> null)
                .operation("transfers.content")
                .path("transfers", t.transferId(), "content")
                .header("Range", "bytes=" + from + "-")
                .stream(
                    (status, headers, body) -> {
                      String etag = headers.get("ETag");
                      if (etag != null && !etag.equals("\"" + t.sha256() + "\"")) {
                        throw new IOException("the transfer's content changed (ETag)");
                      }
                      if (status != 206 && from > 0) {
                        throw new IOException("the platform ignored the Range header");
                      }
                      append(spool, body);
                      return null;
                    })
                .build());
      } catch (ExchangeException e) {
        if (!e.retryable() || ++resumes > MAX_RESUMES) {
          throw e;
        }
        LOG.info("download of transfer {} interrupted ({}); resuming", t.transferId(), e.code());
        pause(resumes);
      }
    }
  }

  /**
   * Waits before a resume: 250 ms doubling to 30 s, so that a circuit breaker opened by the failures half-opens
   * and a network blip passes (20 resumes wait at most about 8 minutes in all).
   */
  private static void pause(int resumes) {
    long ms = Math.min(30_000L, 250L << Math.min(7, resumes - 1));
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExchangeClientException(
          ClientErrorCode.CANCELLED, "interrupted while resuming a transfer", e, false, null, 0);
    }
  }

  private static void append(Path spool, InputStream body) throws IOException {
    try (OutputStream o =
        Files.newOutputStream(spool, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      byte[] buf = new byte[BUFFER];
      int n;
      while ((n = body.read(buf)) > 0) {
        o.write(buf, 0, n);
      }
    }
  }

  @Override
  public Receipt verifyReceipt(TransferResult sent) {
    Transfer t = get(sent.transferId());
    if (t.state() != TransferState.DELIVERED || t.receipt().isEmpty()) {
      throw new ExchangeClientException(
          ClientErrorCode.STATE_CONFLICT,
          "transfer " + sent.transferId() + " is " + t.state().wireName() + ", not delivered",
          null,
          false,
          null,
          0);
    }
    Receipt receipt = t.receipt().get();
    Routing routing =
        new Routing(
            sent.messageId(),
            sent.issuedAt(),
            sent.sender(),
            sent.receiver(),
            sent.resourceCode(),
            ACTION,
            null);
    try {
      sealer().verifyStreamReceipt(receipt, routing, sent.sealedDigest());
    } catch (GovdxException e) {
      throw new ExchangeClientException(
          ClientErrorCode.RECEIPT_INVALID,
          "the receipt of transfer " + sent.transferId() + " does not verify: " + e.getMessage(),
          e,
          false,
          null,
          0);
    }
    return receipt;
  }

  // ------------------------------------------------------------------------------------ helpers

  private Page<Transfer> transfers(Page<JsonNode> p) {
    return Page.of(
        p.items().stream().map(this::transfer).collect(java.util.stream.Collectors.toList()),
        p.nextPageToken().orElse(null));
  }

  private Transfer transfer(byte[] body) {
    return transfer(Json.parseObject(body));
  }

  private Transfer transfer(JsonNode o) {
    if (!o.isObject()) {
      throw new Json.MalformedJsonException("a transfer is not a JSON object", null);
    }
    ArrayNode stored = ((ObjectNode) o).putArray("storedParts");
    o.path("parts").forEach(p -> stored.add(p.get("partNumber")));
    return Json.read(o, Transfer.class);
  }

  private record Digests(long length, String sha256, String suiteDigest) {}

  private Digests digests(Path spool, Suite suite) {
    MessageDigest sha = sha256();
    Digest sd = suite == Suite.GM ? new SM3Digest() : new SHA256Digest();
    long length = 0;
    try (InputStream in = Files.newInputStream(spool)) {
      byte[] buf = new byte[BUFFER];
      int n;
      while ((n = in.read(buf)) > 0) {
        sha.update(buf, 0, n);
        sd.update(buf, 0, n);
        length += n;
      }
    } catch (IOException e) {
      throw fileFailed("could not read the spool file", e);
    }
    byte[] out = new byte[sd.getDigestSize()];
    sd.doFinal(out, 0);
    return new Digests(
        length, HexFormat.of().formatHex(sha.digest()), HexFormat.of().formatHex(out));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static ExchangeClientException fileFailed(String what, Exception e) {
    return new ExchangeClientException(
        ClientErrorCode.TRANSFER_FILE_FAILED,
        what + " (" + e.getClass().getSimpleName() + ")",
        e,
        false,
        null,
        0);
  }

  static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.debug("could not delete {}: {}", p, e.toString());
    }
  }
}
