package io.github.govdx.client.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ErrorDetail;
import io.github.govdx.client.internal.Json;
import io.github.govdx.client.internal.MessageSealer;
import io.github.govdx.client.provider.ProviderEndpoint.Refusal;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.OpenedStream;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.Receipt;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider side of file transfers ({@code docs/protocol.md} section 15.8): the platform creates a transfer,
 * puts its parts (each streamed to a file in the spool directory, write-once, checked against its
 * {@code Content-Digest}), reads the stored parts to resume, and completes it; completion checks the whole sealed
 * stream, opens it into a temporary file, claims the transfer and the stream's message id in the idempotency
 * store, calls the department's {@link FileHandler} and answers with a signed receipt.
 *
 * <p>Spool layout, one directory per (sender, transfer id): {@code transfer.json} (the facts as created),
 * {@code part-NNNNNN} (write-once: created by a hard link, so of two writers exactly one wins),
 * {@code part-NNNNNN.sha256} (its digest, rewritten from the part if lost), {@code delivered.json} (the stored
 * answer, once delivered; the parts are then deleted). Several instances may share the spool directory.
 *
 * <p>Thread-safe.
 */
final class TransferInbox {

  private static final Logger LOG = LoggerFactory.getLogger(TransferInbox.class);
  static final Pattern ROUTE =
      Pattern.compile(
          "/v1/transfers(?:/([A-Za-z0-9._-]{8,128})(?:/(complete)|/parts/([0-9]{1,6}))?)?");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern CONTENT_DIGEST =
      Pattern.compile("(?:^|,)\\s*sha-256=:([A-Za-z0-9+/=]{44}):\\s*(?:,|$)");
  private static final String ACTION = "transfer";
  private static final int BUFFER = 64 * 1024;
  private static final int MAX_HEADER = 1 << 20;
  private static final byte[] MAGIC = {'G', 'D', 'X', 'S', 1};
  static final int MIN_PART = 64 * 1024;
  private static final int SWEEP_LIMIT = 64;
  private static final int MAX_ANNOUNCEMENT = 64 * 1024;

  private final PartyId self;
  private final MessageSealer sealer;
  private final AccessPolicy accessPolicy;
  private final Map<String, FileHandler> handlers;
  private final Claims claims;
  private final Clock clock;
  private final Path spool;
  private final long maxTransferBytes;
  private final int maxPartBytes;
  private final Duration retention;

  TransferInbox(
      PartyId self,
      MessageSealer sealer,
      AccessPolicy accessPolicy,
      Map<String, FileHandler> handlers,
      Claims claims,
      Clock clock,
      Path spool,
      long maxTransferBytes,
      int maxPartBytes,
      Duration retention) {
    this.self = self;
    this.sealer = sealer;
    this.accessPolicy = accessPolicy;
    this.handlers = Map.copyOf(handlers);
    this.claims = claims;
    this.clock = clock;
    this.spool = spool;
    this.maxTransferBytes = maxTransferBytes;
    this.maxPartBytes = maxPartBytes;
    this.retention = retention;
  }

  /** @return the operation name of a transfer route, or null if the path is not one */
  static @Nullable String operationOf(String path) {
    Matcher m = ROUTE.matcher(path);
    return m.matches() ? operation(m) : null;
  }

  private static String operation(Matcher route) {
    return route.group(1) == null
        ? "transfer.create"
        : route.group(2) != null
            ? "transfer.complete"
            : route.group(3) != null ? "transfer.part" : "transfer.get";
  }

  /** @return whether the request's body is a part to stream to disk rather than read into memory */
  static boolean streamsBody(String method, String path) {
    Matcher m = ROUTE.matcher(path);
    return m.matches() && m.group(3) != null && method.equalsIgnoreCase("PUT");
  }

  ProviderResponse route(ProviderRequest request, InputStream body, String requestId) {
    try {
      return dispatch(request, body, requestId);
    } catch (Refusal r) {
      throw r;
    } catch (RuntimeException e) {
      // never thrown for bad input; a fault of this provider (its spool, its sealer) is a 500,
      // never an exception
      LOG.warn("file transfer request failed: {}", e.getClass().getName());
      throw new Refusal(
          ClientErrorCode.PROVIDER_HANDLER_FAILED, "the provider could not handle the transfer");
    }
  }

  private ProviderResponse dispatch(ProviderRequest request, InputStream body, String requestId) {
    Matcher m = ROUTE.matcher(request.path());
    if (!m.matches()) {
      throw new Refusal(ClientErrorCode.ROUTE_NOT_FOUND, "no such route");
    }
    String operation = operation(m);
    String expected =
        switch (operation) {
          case "transfer.part" -> "PUT";
          case "transfer.get" -> "GET";
          default -> "POST";
        };
    if (!request.method().equals(expected)) {
      throw new Refusal(ClientErrorCode.METHOD_NOT_ALLOWED, "use " + expected);
    }
    PartyId caller = ProviderEndpoint.callerOf(request);
    String transferId = m.group(1);
    return switch (operation) {
      case "transfer.create" -> create(request, caller, requestId);
      case "transfer.complete" -> complete(caller, transferId, requestId);
      case "transfer.part" ->
          putPart(request, body, caller, transferId, Integer.parseInt(m.group(3)), requestId);
      default -> state(200, caller, transferId, requestId);
    };
  }

  // ------------------------------------------------------------------------------------ create

  private ProviderResponse create(ProviderRequest request, PartyId caller, String requestId) {
    if (!io.github.govdx.client.internal.MediaTypes.isJson(
        request.header("Content-Type").orElse(null))) {
      throw new Refusal(ClientErrorCode.UNSUPPORTED_MEDIA_TYPE, "expected application/json");
    }
    if (request.body().length > MAX_ANNOUNCEMENT) {
      throw Refusal.tooLarge(MAX_ANNOUNCEMENT);
    }
    JsonNode o;
    try {
      o = Json.parseObject(request.body());
    } catch (Json.MalformedJsonException e) {
      throw malformed("body is not a JSON object", "");
    }
    String transferId = text(o, "transferId");
    if (!transferId.matches("[A-Za-z0-9._-]{8,128}")) {
      throw malformed("transferId must be 8 to 128 of A-Z a-z 0-9 . _ -", "/transferId");
    }
    String resourceCode = text(o, "resourceCode");
    long size = o.path("size").canConvertToLong() ? o.path("size").asLong() : -1;
    String sha256 = text(o, "sha256");
    int partSize = o.path("partSize").canConvertToInt() ? o.path("partSize").asInt() : -1;
    if (size < 1) {
      throw malformed("size must be a positive number", "/size");
    }
    if (size > maxTransferBytes) {
      throw new Refusal(
          ClientErrorCode.PAYLOAD_TOO_LARGE,
          "the file is over this provider's limit of " + maxTransferBytes + " bytes");
    }
    if (!SHA256_HEX.matcher(sha256).matches()) {
      throw malformed("sha256 must be 64 lowercase hex digits", "/sha256");
    }
    if (partSize < MIN_PART || partSize > maxPartBytes) {
      throw malformed(
          "partSize must be " + MIN_PART + " to " + maxPartBytes + " bytes", "/partSize");
    }
    if ((size + partSize - 1) / partSize > 999_999) {
      throw malformed("more than 999999 parts", "/partSize");
    }
    if (!handlers.containsKey(resourceCode)) {
      throw new Refusal(
          ClientErrorCode.ACTION_NOT_SUPPORTED, "no file transfers on " + resourceCode);
    }
    permit(caller, resourceCode);
    sweep();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    ObjectNode facts = Json.object();
    facts.put("transferId", transferId);
    facts.put("sender", caller.toString());
    facts.put("resourceCode", resourceCode);
    facts.put("size", size);
    facts.put("sha256", sha256);
    facts.put("partSize", partSize);
    facts.put("createdAt", now.toString());
    facts.put("expiresAt", now.plus(retention).toString());
    Path dir = dir(caller, transferId);
    Path file = dir.resolve("transfer.json");
    boolean created;
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve("transfer.json." + UUID.randomUUID() + ".tmp");
      Files.write(tmp, Json.bytes(facts));
      try {
        Files.createLink(file, tmp);
        created = true;
      } catch (FileAlreadyExistsException e) {
        created = false;
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw spoolFailed("could not record the transfer", e);
    }
    if (!created) {
      Facts existing = facts(caller, transferId);
      if (!existing.resourceCode.equals(resourceCode)
          || existing.size != size
          || !existing.sha256.equals(sha256)
          || existing.partSize != partSize) {
        throw new Refusal(
            ClientErrorCode.IDEMPOTENCY_KEY_REUSED,
            "transfer " + transferId + " was created before with other facts");
      }
    }
    return state(created ? 201 : 200, caller, transferId, requestId);
  }

  // ------------------------------------------------------------------------------------ state

  private ProviderResponse state(int status, PartyId caller, String transferId, String requestId) {
    Facts f = facts(caller, transferId);
    ObjectNode o = Json.object();
    o.put("transferId", f.transferId);
    o.put("sender", caller.toString());
    o.put("receiver", self.toString());
    o.put("resourceCode", f.resourceCode);
    o.put("size", f.size);
    o.put("sha256", f.sha256);
    o.put("partSize", f.partSize);
    o.put("partCount", f.partCount());
    JsonNode delivered = delivered(f.dir);
    o.put("state", delivered != null ? "delivered" : "uploading");
    ArrayNode parts = o.putArray("parts");
    if (delivered == null) {
      for (int n = 1; n <= f.partCount(); n++) {
        Path p = part(f.dir, n);
        if (Files.isRegularFile(p)) {
          String sha = partDigest(p);
          parts.addObject().put("partNumber", n).put("size", f.partLength(n)).put("sha256", sha);
        }
      }
    }
    o.put("createdAt", f.createdAt.toString());
    o.put("expiresAt", f.expiresAt.toString());
    if (delivered != null) {
      o.set("receipt", delivered.get("receipt"));
    }
    return json(status, o, requestId);
  }

  // ------------------------------------------------------------------------------------ parts

  private ProviderResponse putPart(
      ProviderRequest request,
      InputStream body,
      PartyId caller,
      String transferId,
      int n,
      String requestId) {
    Facts f = facts(caller, transferId);
    if (delivered(f.dir) != null) {
      throw new Refusal(ClientErrorCode.STATE_CONFLICT, "transfer " + transferId + " is delivered");
    }
    if (n < 1 || n > f.partCount()) {
      throw malformed("part number out of range 1.." + f.partCount(), "/partNumber");
    }
    String contentType = request.header("Content-Type").orElse("");
    if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/octet-stream")) {
      throw new Refusal(
          ClientErrorCode.UNSUPPORTED_MEDIA_TYPE, "expected application/octet-stream");
    }
    Matcher d = CONTENT_DIGEST.matcher(request.header("Content-Digest").orElse(""));
    byte[] declared;
    if (!d.find() || (declared = decode(d.group(1))) == null || declared.length != 32) {
      throw malformed("Content-Digest with a sha-256 member required (RFC 9530)", "");
    }
    long length = f.partLength(n);
    String declaredLength = request.header("Content-Length").orElse(null);
    if (declaredLength != null && !declaredLength.trim().equals(Long.toString(length))) {
      throw malformed("part " + n + " must be " + length + " bytes", "");
    }
    Path target = part(f.dir, n);
    Path tmp = f.dir.resolve(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    MessageDigest sha = sha256();
    long got = 0;
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        byte[] buf = new byte[BUFFER];
        while (got <= length) {
          int r;
          try {
            r = body.read(buf, 0, (int) Math.min(buf.length, length + 1 - got));
          } catch (IOException e) {
            throw malformed("the body of part " + n + " was cut short", "");
          }
          if (r < 0) {
            break;
          }
          out.write(buf, 0, r);
          sha.update(buf, 0, r);
          got += r;
        }
      } catch (IOException e) {
        throw spoolFailed("could not write part " + n, e);
      }
      if (got != length) {
        throw malformed("part " + n + " must be " + length + " bytes", "");
      }
      byte[] actual = sha.digest();
      if (!MessageDigest.isEqual(actual, declared)) {
        throw new Refusal(
            ClientErrorCode.PART_DIGEST_MISMATCH,
            "part " + n + " does not match its Content-Digest; send it again");
      }
      String hex = HexFormat.of().formatHex(actual);
      try {
        Files.createLink(target, tmp);
      } catch (FileAlreadyExistsException e) {
        if (!partDigest(target).equals(hex)) {
          throw new Refusal(
              ClientErrorCode.STATE_CONFLICT,
              "part " + n + " is stored with another digest (parts are write-once)");
        }
        LOG.debug("part {} of a transfer stored before with the same digest", n);
      } catch (IOException | UnsupportedOperationException e) {
        throw spoolFailed("could not store part " + n, e);
      }
      writeDigest(target, hex);
      ObjectNode o = Json.object();
      o.put("partNumber", n);
      o.put("size", length);
      o.put("sha256", hex);
      return json(200, o, requestId);
    } finally {
      delete(tmp);
    }
  }

  // ------------------------------------------------------------------------------------ complete

  private ProviderResponse complete(PartyId caller, String transferId, String requestId) {
    Facts f = facts(caller, transferId);
    JsonNode delivered = delivered(f.dir);
    if (delivered != null) {
      return Claims.replayed(json(200, delivered, ""), requestId);
    }
    try {
      return verifyAndHandle(caller, f, requestId);
    } catch (Refusal r) {
      // another instance may have delivered it meanwhile and removed the parts under us
      JsonNode now = delivered(f.dir);
      if (now != null) {
        return Claims.replayed(json(200, now, ""), requestId);
      }
      throw r;
    }
  }

  private ProviderResponse verifyAndHandle(PartyId caller, Facts f, String requestId) {
    List<ErrorDetail> missing = new ArrayList<>();
    for (int n = 1; n <= f.partCount(); n++) {
      if (!Files.isRegularFile(part(f.dir, n))) {
        missing.add(new ErrorDetail("/parts/" + n, "part.missing", ""));
      }
    }
    if (!missing.isEmpty()) {
      throw new Refusal(
          ClientErrorCode.TRANSFER_INCOMPLETE,
          missing.size() + " part(s) missing",
          missing.size() > 100 ? missing.subList(0, 100) : missing);
    }
    Suite suite = sealer.streamSuite().orElseThrow();
    String suiteDigest = checkWhole(f, suite);
    String messageId = messageIdOf(f);
    Path plain = f.dir.resolve("content." + UUID.randomUUID() + ".tmp");
    try {
      OpenedStream opened = open(f, plain);
      bound(opened, caller, f);
      ProviderResponse answer =
          claims.once(
              "xfer " + caller + " " + f.transferId,
              "sha256 " + f.sha256,
              "mid " + caller + " " + messageId,
              "xfer " + f.transferId,
              "transfer " + f.transferId + " was completed before with another file",
              "the completion of transfer " + f.transferId + " is in progress",
              "stream " + messageId + " was already received in another transfer",
              false,
              requestId,
              () -> handle(caller, f, opened, plain, suiteDigest));
      finish(f, answer);
      return answer.with("X-Request-Id", requestId);
    } finally {
      delete(plain);
    }
  }

  /** Records the delivered answer in the spool and drops the parts (the answer is already stored). */
  private void finish(Facts f, ProviderResponse answer) {
    try {
      Path tmp = f.dir.resolve("delivered.json." + UUID.randomUUID() + ".tmp");
      Files.write(tmp, answer.body());
      Files.move(tmp, f.dir.resolve("delivered.json"), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("could not record a delivered transfer in the spool: {}", e.getClass().getName());
      return;
    }
    for (int n = 1; n <= f.partCount(); n++) {
      Path p = part(f.dir, n);
      delete(p);
      delete(p.resolveSibling(p.getFileName() + ".sha256"));
    }
  }

  private ProviderResponse handle(
      PartyId caller, Facts f, OpenedStream opened, Path plain, String suiteDigest) {
    FileHandler handler = handlers.get(f.resourceCode);
    if (handler == null) {
      throw new Refusal(
          ClientErrorCode.ACTION_NOT_SUPPORTED, "no file transfers on " + f.resourceCode);
    }
    try {
      handler.receive(
          ProviderFile.builder()
              .caller(caller)
              .resourceCode(f.resourceCode)
              .transferId(f.transferId)
              .messageId(opened.headers().messageId())
              .issuedAt(opened.headers().issuedAt())
              .path(plain)
              .length(opened.length())
              .digest(opened.digest())
              .build());
    } catch (Exception e) {
      LOG.warn("file handler for {} failed: {}", f.resourceCode, e.getClass().getName());
      throw new Refusal(
          ClientErrorCode.PROVIDER_HANDLER_FAILED, "the provider's file handler failed");
    }
    Receipt receipt;
    try {
      receipt = sealer.streamReceipt(opened, suiteDigest);
    } catch (GovdxException | IllegalArgumentException e) {
      LOG.warn("cannot issue the receipt of a transfer: {}", e.getClass().getName());
      throw new Refusal(ClientErrorCode.PROVIDER_HANDLER_FAILED, "cannot issue the receipt");
    }
    ObjectNode o = Json.object();
    o.put("transferId", f.transferId);
    o.put("messageId", opened.headers().messageId());
    o.put("state", "delivered");
    o.put("deliveredAt", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    o.set("receipt", Json.parseObject(receipt.toJson().getBytes(StandardCharsets.UTF_8)));
    return json(200, o, "");
  }

  /** Reads every part once: lengths, the SHA-256 the transfer declared, and the suite's digest for the receipt. */
  private String checkWhole(Facts f, Suite suite) {
    MessageDigest sha = sha256();
    Digest sd = suite == Suite.GM ? new SM3Digest() : new SHA256Digest();
    byte[] buf = new byte[BUFFER];
    for (int n = 1; n <= f.partCount(); n++) {
      Path p = part(f.dir, n);
      long len = 0;
      try (InputStream in = Files.newInputStream(p)) {
        int r;
        while ((r = in.read(buf)) > 0) {
          sha.update(buf, 0, r);
          sd.update(buf, 0, r);
          len += r;
        }
      } catch (IOException e) {
        throw spoolFailed("could not read part " + n, e);
      }
      if (len != f.partLength(n)) {
        throw new Refusal(
            ClientErrorCode.TRANSFER_DIGEST_MISMATCH, "stored part " + n + " has the wrong length");
      }
    }
    if (!HexFormat.of().formatHex(sha.digest()).equals(f.sha256)) {
      throw new Refusal(
          ClientErrorCode.TRANSFER_DIGEST_MISMATCH,
          "the parts do not make a stream with the transfer's sha256");
    }
    byte[] out = new byte[sd.getDigestSize()];
    sd.doFinal(out, 0);
    return HexFormat.of().formatHex(out);
  }

  /** The stream's message id, from its header envelope's authenticated routing header (not yet decrypted). */
  private String messageIdOf(Facts f) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(whole(f), BUFFER))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw Refusal.envelope(
            CryptoErrorCode.STREAM_MALFORMED.code(), "not a sealed stream (magic or version)");
      }
      int h = in.readInt();
      if (h < 1 || h > MAX_HEADER) {
        throw Refusal.envelope(
            CryptoErrorCode.STREAM_MALFORMED.code(), "sealed stream header length out of range");
      }
      byte[] header = new byte[h];
      in.readFully(header);
      return Envelope.parse(header).headers().messageId();
    } catch (java.io.EOFException e) {
      throw Refusal.envelope(CryptoErrorCode.STREAM_MALFORMED.code(), "sealed stream too short");
    } catch (GovdxException e) {
      throw Refusal.envelope(e.code(), e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      throw spoolFailed("could not read the stored stream", e);
    }
  }

  private OpenedStream open(Facts f, Path plain) {
    try (InputStream in = new BufferedInputStream(whole(f), BUFFER);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(plain), BUFFER)) {
      return sealer.openStreamClaimed(in, out);
    } catch (GovdxException e) {
      throw Refusal.envelope(e.code(), e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      throw spoolFailed("could not open the stored stream", e);
    }
  }

  /** The opened stream must be the one this transfer announced: its sender, this provider, its resource. */
  private void bound(OpenedStream opened, PartyId caller, Facts f) {
    if (!opened.headers().sender().equals(caller)) {
      throw Refusal.envelope(null, "the stream's sender is not X-Gdx-Party");
    }
    if (!opened.headers().receiver().equals(self)
        && !opened.headers().receiver().equals(self.department())) {
      throw Refusal.envelope(
          CryptoErrorCode.WRONG_RECEIVER.code(), "the stream is addressed to another party");
    }
    if (!opened.headers().resourceCode().equals(f.resourceCode)
        || !opened.headers().action().equals(ACTION)) {
      throw Refusal.envelope(
          null, "the stream's resource code or action does not match the transfer");
    }
    permit(caller, f.resourceCode);
  }

  private void permit(PartyId caller, String resourceCode) {
    if (!accessPolicy.permits(caller, resourceCode, ACTION)) {
      throw new Refusal(
          ClientErrorCode.PROVIDER_ACCESS_DENIED,
          caller + " may not transfer files of " + resourceCode);
    }
  }

  /**
   * The stored parts as one stream: one part file open at a time, the next opened when the previous one ends
   * (closing it closes only the open part). A part that cannot be opened throws {@link UncheckedIOException}.
   */
  private static InputStream whole(Facts f) {
    class Parts implements Enumeration<InputStream> {
      private int next = 1;

      @Override
      public boolean hasMoreElements() {
        return next <= f.partCount();
      }

      @Override
      public InputStream nextElement() {
        try {
          return Files.newInputStream(part(f.dir, next++));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    Parts parts = new Parts();
    return new SequenceInputStream(parts) {
      @Override
      public void close() throws IOException {
        parts.next = f.partCount() + 1;
        super.close();
      }
    };
  }

  // ------------------------------------------------------------------------------------ spool

  /** The facts of a transfer as created; 404 if unknown to this sender or expired. */
  private Facts facts(PartyId caller, String transferId) {
    Path dir = dir(caller, transferId);
    Facts f;
    try {
      JsonNode o = Json.parseObject(Files.readAllBytes(dir.resolve("transfer.json")));
      f =
          new Facts(
              dir,
              Json.member(o, "transferId", String.class),
              Json.member(o, "resourceCode", String.class),
              o.path("size").asLong(),
              Json.member(o, "sha256", String.class),
              o.path("partSize").asInt(),
              Json.member(o, "createdAt", Instant.class),
              Json.member(o, "expiresAt", Instant.class));
    } catch (NoSuchFileException e) {
      throw notFound(transferId);
    } catch (IOException | RuntimeException e) {
      throw spoolFailed("could not read the transfer", e);
    }
    if (!f.transferId.equals(transferId) || f.size < 1 || f.partSize < 1) {
      throw spoolFailed("the transfer's record in the spool is damaged", null);
    }
    if (!f.expiresAt.isAfter(clock.instant())) {
      deleteTree(dir);
      throw notFound(transferId);
    }
    return f;
  }

  /** Deletes expired transfers (a few per call, so that a create never waits long). */
  private void sweep() {
    Instant now = clock.instant();
    int seen = 0;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(spool)) {
      for (Path d : dirs) {
        if (++seen > SWEEP_LIMIT) {
          break;
        }
        try {
          JsonNode o = Json.parseObject(Files.readAllBytes(d.resolve("transfer.json")));
          if (!Json.member(o, "expiresAt", Instant.class).isAfter(now)) {
            deleteTree(d);
          }
        } catch (IOException | RuntimeException e) {
          // being created, or not ours: left alone
        }
      }
    } catch (IOException e) {
      LOG.debug("could not sweep the transfer spool: {}", e.getClass().getName());
    }
  }

  private @Nullable JsonNode delivered(Path dir) {
    try {
      return Json.parseObject(Files.readAllBytes(dir.resolve("delivered.json")));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | Json.MalformedJsonException e) {
      throw spoolFailed("could not read the transfer's answer", e);
    }
  }

  private Path dir(PartyId caller, String transferId) {
    byte[] h = sha256().digest((caller + " " + transferId).getBytes(StandardCharsets.UTF_8));
    return spool.resolve("t-" + HexFormat.of().formatHex(h, 0, 20));
  }

  private static Path part(Path dir, int n) {
    return dir.resolve(String.format(java.util.Locale.ROOT, "part-%06d", n));
  }

  private String partDigest(Path part) {
    Path side = part.resolveSibling(part.getFileName() + ".sha256");
    try {
      String s = Files.readString(side, StandardCharsets.US_ASCII).trim();
      if (SHA256_HEX.matcher(s).matches()) {
        return s;
      }
    } catch (IOException e) {
      // lost or not yet written: computed from the part below
    }
    MessageDigest sha = sha256();
    try (InputStream in = Files.newInputStream(part)) {
      in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha));
    } catch (IOException e) {
      throw spoolFailed("could not read a stored part", e);
    }
    String hex = HexFormat.of().formatHex(sha.digest());
    writeDigest(part, hex);
    return hex;
  }

  private static void writeDigest(Path part, String hex) {
    Path side = part.resolveSibling(part.getFileName() + ".sha256");
    Path tmp = part.resolveSibling(part.getFileName() + ".sha256." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(tmp, hex, StandardCharsets.US_ASCII);
      Files.move(tmp, side, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      delete(tmp);
      LOG.debug("could not write a part's digest: {}", e.getClass().getName());
    }
  }

  private static void deleteTree(Path dir) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path p : files) {
        delete(p);
      }
    } catch (IOException e) {
      LOG.debug("could not list {}: {}", dir.getFileName(), e.getClass().getName());
    }
    delete(dir);
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.debug("could not delete {}: {}", p.getFileName(), e.getClass().getName());
    }
  }

  // ------------------------------------------------------------------------------------ answers

  private static ProviderResponse json(int status, JsonNode body, String requestId) {
    ProviderResponse answer =
        new ProviderResponse(status, Map.of("Content-Type", "application/json"), Json.bytes(body));
    return requestId.isEmpty() ? answer : answer.with("X-Request-Id", requestId);
  }

  private static String text(JsonNode o, String name) {
    JsonNode v = o.get(name);
    if (v == null || !v.isTextual()) {
      throw malformed(name + " required", "/" + name);
    }
    return v.asText();
  }

  private static byte @Nullable [] decode(String b64) {
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Refusal malformed(String message, String pointer) {
    return new Refusal(
        ClientErrorCode.MALFORMED_REQUEST,
        message,
        pointer.isEmpty() ? List.of() : List.of(new ErrorDetail(pointer, "transfer.member", "")));
  }

  private static Refusal notFound(String transferId) {
    return new Refusal(
        ClientErrorCode.TRANSFER_NOT_FOUND, "no transfer " + transferId + " (or it expired)");
  }

  private static Refusal spoolFailed(String what, @Nullable Exception e) {
    LOG.warn("{}: {}", what, e == null ? "" : e.getClass().getName());
    return new Refusal(
        ClientErrorCode.PROVIDER_SPOOL_UNAVAILABLE, what + " in the provider's spool");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A transfer's facts as created. */
  private record Facts(
      Path dir,
      String transferId,
      String resourceCode,
      long size,
      String sha256,
      int partSize,
      Instant createdAt,
      Instant expiresAt) {

    int partCount() {
      return (int) ((size + partSize - 1) / partSize);
    }

    long partLength(int n) {
      return Math.min(partSize, size - (long) (n - 1) * partSize);
    }
  }
}
