package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.testkit.SandboxProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's file transfers ({@code docs/protocol.md} §15): sealed streams stored in parts on disk and
 * forwarded to the receiver, never opened. Metadata lives in memory, bytes in a private temporary directory that is
 * removed on {@link #close()}; nothing of a body is held in memory beyond one part on its way in and a 64 KiB
 * buffer on its way out. Thread-safe: each transfer is guarded by its own lock.
 */
public final class TransferHub implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TransferHub.class);

  /** The smallest part size (except for the last part). */
  public static final int MIN_PART = 1024 * 1024;

  /** The default part size. */
  public static final int DEFAULT_PART = 4 * 1024 * 1024;

  /** The largest part size. */
  public static final int MAX_PART = 8 * 1024 * 1024;

  private static final Duration LIFE = Duration.ofHours(24);
  private static final Pattern CONTENT_DIGEST =
      Pattern.compile("(?:^|,)\\s*sha-256=:([A-Za-z0-9+/]+={0,2}):\\s*(?:,|$)");
  private static final Pattern RANGE = Pattern.compile("bytes=([0-9]{1,19})-([0-9]{0,19})");

  private final Clock clock;
  private final Function<String, Optional<ObjectNode>> catalog;
  private final Function<PartyId, Boolean> knownParty;
  private final long maxSize;
  private final int maxPart;
  private final Path dir;
  private final Map<String, Transfer> transfers = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile Function<PartyId, Optional<SandboxProvider>> fileProviders =
      p -> Optional.empty();
  private final ExecutorService deliveries =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "govdx-sandbox-transfer-delivery");
            t.setDaemon(true);
            return t;
          });
  private volatile Duration deliveryPause = Duration.ofMillis(200);

  /**
   * Creates the hub with a new temporary directory.
   *
   * @param clock the clock
   * @param catalog looks up a catalog entry by resource code
   * @param knownParty whether a party is in the directory
   * @param maxSize the largest sealed stream accepted
   * @param maxBody the largest request body the server reads (caps the part size)
   */
  public TransferHub(
      Clock clock,
      Function<String, Optional<ObjectNode>> catalog,
      Function<PartyId, Boolean> knownParty,
      long maxSize,
      long maxBody) {
    this.clock = clock;
    this.catalog = catalog;
    this.knownParty = knownParty;
    this.maxSize = maxSize;
    this.maxPart = (int) Math.min(MAX_PART, maxBody);
    try {
      this.dir = Files.createTempDirectory("govdx-sandbox-transfers-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the transfer directory", e);
    }
  }

  private static final class Transfer {
    final String id;
    final PartyId sender;
    final PartyId receiver;
    final String resourceCode;
    final long size;
    final String sha256;
    final int partSize;
    final int partCount;
    final Instant createdAt;
    final Path dir;
    final TreeMap<Integer, String> parts = new TreeMap<>();
    String state = "uploading";
    @Nullable JsonNode receipt;
    int deliveryAttempts;
    int forwardPartSize;
    int partsDelivered;
    @Nullable String deliveryError;

    Transfer(
        String id,
        PartyId sender,
        PartyId receiver,
        String resourceCode,
        long size,
        String sha256,
        int partSize,
        Instant createdAt,
        Path dir) {
      this.id = id;
      this.sender = sender;
      this.receiver = receiver;
      this.resourceCode = resourceCode;
      this.size = size;
      this.sha256 = sha256;
      this.partSize = partSize;
      this.partCount = (int) ((size + partSize - 1) / partSize);
      this.createdAt = createdAt;
      this.dir = dir;
    }

    long partLength(int n) {
      return n < partCount ? partSize : size - (long) (partCount - 1) * partSize;
    }

    Path part(int n) {
      return dir.resolve(String.format("part-%07d", n));
    }
  }

  /**
   * {@code POST /v1/transfers}.
   *
   * @param call the call
   * @return {@code 201} with the transfer
   */
  public Reply create(Call call) {
    Requests.NewTransfer body = Json.read(call.body(), Requests.NewTransfer.class);
    PartyId receiver = PartyId.parse(body.receiver());
    if (!knownParty.apply(receiver)) {
      throw new ApiException(
          WireCode.PARTY_NOT_FOUND, "no party " + receiver + " in the directory");
    }
    String resource = body.resourceCode();
    if (catalog.apply(resource).isEmpty()) {
      throw new ApiException(WireCode.RESOURCE_NOT_FOUND, "no resource " + resource);
    }
    long size = body.size();
    if (size > maxSize) {
      throw new ApiException(
          WireCode.PAYLOAD_TOO_LARGE, "size is over the platform's limit of " + maxSize + " bytes");
    }
    String sha = body.sha256();
    int partSize = DEFAULT_PART;
    Long ps = body.partSize();
    if (ps != null) {
      if (ps < MIN_PART || ps > maxPart) {
        throw new ApiException(
            WireCode.MALFORMED_REQUEST,
            "partSize must be " + MIN_PART + " to " + maxPart + " bytes");
      }
      partSize = ps.intValue();
    }
    partSize = Math.min(partSize, maxPart);
    if ((size + partSize - 1) / partSize > 9_999_999L) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "too many parts: use a larger partSize");
    }
    purgeExpired();
    String id = "t-" + ids.incrementAndGet() + "-" + Long.toHexString(clock.millis());
    Path d = dir.resolve(id);
    try {
      Files.createDirectories(d);
    } catch (IOException e) {
      throw new ApiException(WireCode.PLATFORM_INTERNAL_ERROR, "cannot store the transfer");
    }
    Transfer t =
        new Transfer(id, call.party(), receiver, resource, size, sha, partSize, clock.instant(), d);
    transfers.put(id, t);
    synchronized (t) {
      return Reply.json(201, Json.write(json(t))).withHeader("Location", "/v1/transfers/" + t.id);
    }
  }

  /**
   * {@code GET /v1/transfers/{transferId}}.
   *
   * @param call the call
   * @return the transfer
   */
  public Reply get(Call call) {
    Transfer t = find(call, null);
    synchronized (t) {
      return Reply.json(200, Json.write(json(t)));
    }
  }

  /**
   * The transfers a party sends or receives, for {@code GET /v1/transfers}.
   *
   * @param party the caller
   * @param role {@code sent} or {@code received}
   * @param state a state filter, or null
   * @param resourceCode a resource filter, or null
   * @return the transfers, oldest first
   */
  public List<ObjectNode> list(
      PartyId party, String role, @Nullable String state, @Nullable String resourceCode) {
    purgeExpired();
    List<ObjectNode> out = new ArrayList<>();
    transfers.values().stream()
        .sorted(Comparator.comparing((Transfer t) -> t.createdAt).thenComparing(t -> t.id))
        .forEach(
            t -> {
              synchronized (t) {
                boolean mine =
                    role.equals("sent") ? t.sender.equals(party) : t.receiver.equals(party);
                if (mine
                    && (state == null || state.equals(t.state))
                    && (resourceCode == null || resourceCode.equals(t.resourceCode))) {
                  out.add(json(t));
                }
              }
            });
    return out;
  }

  /**
   * {@code PUT /v1/transfers/{transferId}/parts/{partNumber}}.
   *
   * @param call the call
   * @return the stored part
   */
  public Reply putPart(Call call) {
    Transfer t = find(call, Side.SENDER);
    int n;
    try {
      n = Integer.parseInt(call.pathParams().get("partNumber"));
    } catch (NumberFormatException e) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "partNumber is not a number");
    }
    if (n < 1 || n > t.partCount) {
      throw new ApiException(
          WireCode.MALFORMED_REQUEST, "partNumber must be 1 to " + t.partCount + ": " + n);
    }
    byte[] body = call.body();
    if (body.length != t.partLength(n)) {
      throw new ApiException(
          WireCode.MALFORMED_REQUEST,
          "part " + n + " must be " + t.partLength(n) + " bytes, not " + body.length);
    }
    String declared = contentDigest(call.headers().get("content-digest"));
    byte[] actual = sha256().digest(body);
    if (!MessageDigest.isEqual(actual, Base64.getDecoder().decode(declared))) {
      throw new ApiException(
          WireCode.PART_DIGEST_MISMATCH,
          "part " + n + " does not match its Content-Digest; send it again");
    }
    String hex = HexFormat.of().formatHex(actual);
    synchronized (t) {
      if (!t.state.equals("uploading")) {
        throw new ApiException(WireCode.STATE_CONFLICT, "the transfer is " + t.state);
      }
      String stored = t.parts.get(n);
      if (stored != null && !stored.equals(hex)) {
        throw new ApiException(
            WireCode.STATE_CONFLICT, "part " + n + " is stored with another digest (write-once)");
      }
      if (stored == null) {
        Path tmp = t.dir.resolve("incoming-" + n);
        try {
          Files.write(tmp, body);
          Files.move(tmp, t.part(n), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new ApiException(WireCode.PLATFORM_INTERNAL_ERROR, "cannot store the part");
        }
        t.parts.put(n, hex);
      }
    }
    ObjectNode r = Json.object();
    r.put("partNumber", n);
    r.put("size", body.length);
    r.put("sha256", hex);
    return Reply.json(200, Json.write(r));
  }

  /**
   * {@code POST /v1/transfers/{transferId}/complete}.
   *
   * @param call the call
   * @return the available transfer
   */
  public Reply complete(Call call) {
    Transfer t = find(call, Side.SENDER);
    synchronized (t) {
      if (!t.state.equals("uploading")) {
        return Reply.json(200, Json.write(json(t)));
      }
      if (t.parts.size() < t.partCount) {
        ArrayNode details = Json.array();
        for (int n = 1; n <= t.partCount && details.size() < 100; n++) {
          if (!t.parts.containsKey(n)) {
            ObjectNode d = details.addObject();
            d.put("pointer", "/parts/" + n);
            d.put("rule", "part.missing");
          }
        }
        throw new ApiException(
                WireCode.TRANSFER_INCOMPLETE,
                (t.partCount - t.parts.size()) + " of " + t.partCount + " parts are missing")
            .withDetails(details);
      }
      MessageDigest md = sha256();
      byte[] buf = new byte[65536];
      for (int n = 1; n <= t.partCount; n++) {
        try (InputStream in = Files.newInputStream(t.part(n))) {
          int r;
          while ((r = in.read(buf)) > 0) {
            md.update(buf, 0, r);
          }
        } catch (IOException e) {
          throw new ApiException(WireCode.PLATFORM_INTERNAL_ERROR, "cannot read a stored part");
        }
      }
      if (!HexFormat.of().formatHex(md.digest()).equals(t.sha256)) {
        throw new ApiException(
            WireCode.TRANSFER_DIGEST_MISMATCH,
            "the stored parts do not make a stream with the declared sha256");
      }
      t.state = "available";
      fileProviders.apply(t.receiver).ifPresent(p -> deliveries.execute(() -> deliver(t, p)));
      return Reply.json(200, Json.write(json(t)));
    }
  }

  // ------------------------------------------------------------------------------------ delivery
  // to providers

  /**
   * Forwards every transfer completed from now on whose receiver has a registered provider endpoint to that
   * endpoint ({@code docs/protocol.md} §15.8), in the background.
   *
   * @param providers the registered endpoints by party
   * @param pause the first pause between attempts (doubling, at most 30 s)
   */
  public void deliverTo(Function<PartyId, Optional<SandboxProvider>> providers, Duration pause) {
    this.fileProviders = providers;
    this.deliveryPause = pause;
  }

  private static final int DELIVERY_ATTEMPTS = 12;

  /** Part sizes tried, largest first, when a provider refuses the stored part size as over its limit. */
  private static final int[] FORWARD_PART_SIZES = {4 << 20, 1 << 20, 256 << 10, 64 << 10};

  /** What an attempt at delivery came to. */
  private enum Delivery {
    DELIVERED,
    /** The endpoint does not take files (of this resource): the receiver downloads the transfer itself. */
    DECLINED,
    /** The endpoint refused the file for good (tampered, misaddressed, access denied). */
    REFUSED,
    RETRY
  }

  /**
   * Sends a transfer to the receiver's endpoint, resuming after each failure from the parts the endpoint lists,
   * and records its receipt: the transfer becomes {@code delivered} as if the receiver had acknowledged it.
   */
  private void deliver(Transfer t, SandboxProvider endpoint) {
    long pause = deliveryPause.toMillis();
    for (int attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
      Delivery d;
      try {
        d = deliverOnce(t, endpoint);
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
          return;
        }
        LOG.debug("delivery of transfer {} interrupted: {}", t.id, e.toString());
        d = Delivery.RETRY;
      }
      synchronized (t) {
        t.deliveryAttempts = attempt;
      }
      if (d != Delivery.RETRY) {
        LOG.debug("delivery of transfer {} to {}: {}", t.id, t.receiver, d);
        return;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      pause = Math.min(30_000, pause * 2);
    }
    LOG.warn("transfer {} could not be delivered to {}; it stays available", t.id, t.receiver);
  }

  private Delivery deliverOnce(Transfer t, SandboxProvider endpoint) throws Exception {
    synchronized (t) {
      if (!t.state.equals("available") || expired(t)) {
        return Delivery.DELIVERED;
      }
    }
    int fp;
    synchronized (t) {
      fp = t.forwardPartSize == 0 ? t.partSize : t.forwardPartSize;
    }
    SandboxProvider.Response r;
    while (true) {
      ObjectNode create = Json.object();
      create.put("transferId", t.id);
      create.put("resourceCode", t.resourceCode);
      create.put("size", t.size);
      create.put("sha256", t.sha256);
      create.put("partSize", fp);
      r =
          endpoint.handle(
              forwarded(t, "POST", "/v1/transfers", Json.bytes(create), "application/json", null));
      // a part size over the provider's limit: announce again with smaller parts (we can cut any
      // size)
      if (r.status() == 400
          && "GDX-3001".equals(code(r))
          && new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains("/partSize")
          && fp > FORWARD_PART_SIZES[FORWARD_PART_SIZES.length - 1]) {
        int smaller = fp;
        for (int size : FORWARD_PART_SIZES) {
          if (size < fp) {
            smaller = size;
            break;
          }
        }
        fp = smaller;
        continue;
      }
      break;
    }
    synchronized (t) {
      t.forwardPartSize = fp;
    }
    if (r.status() == 404 || r.status() == 405 || "GDX-3305".equals(code(r))) {
      return Delivery.DECLINED;
    }
    Delivery failed = failure(t, r);
    if (failed != null) {
      return failed;
    }
    SandboxProvider.Response state =
        endpoint.handle(forwarded(t, "GET", "/v1/transfers/" + t.id, new byte[0], null, null));
    failed = failure(t, state);
    if (failed != null) {
      return failed;
    }
    ObjectNode s = Json.parseObject(state.body());
    if (!"delivered".equals(s.path("state").asText())) {
      java.util.Set<Integer> stored = new java.util.HashSet<>();
      s.path("parts").forEach(p -> stored.add(p.path("partNumber").asInt()));
      int count = (int) ((t.size + fp - 1) / fp);
      for (int n = 1; n <= count; n++) {
        if (stored.contains(n)) {
          continue;
        }
        long from = (long) (n - 1) * fp;
        long length = Math.min(fp, t.size - from);
        ByteArrayOutputStream part = new ByteArrayOutputStream((int) length);
        write(t, from, length, part);
        byte[] b = part.toByteArray();
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(sha256().digest(b)) + ":";
        SandboxProvider.Response put =
            endpoint.handle(
                forwarded(
                    t,
                    "PUT",
                    "/v1/transfers/" + t.id + "/parts/" + n,
                    b,
                    "application/octet-stream",
                    digest));
        failed = failure(t, put);
        if (failed != null) {
          return failed;
        }
        synchronized (t) {
          t.partsDelivered++;
        }
      }
    }
    SandboxProvider.Response done =
        endpoint.handle(
            forwarded(t, "POST", "/v1/transfers/" + t.id + "/complete", new byte[0], null, null));
    failed = failure(t, done);
    if (failed != null) {
      return failed;
    }
    JsonNode receipt = Json.parseObject(done.body()).get("receipt");
    if (receipt == null || !receipt.isObject()) {
      LOG.warn("provider {} completed transfer {} without a receipt", t.receiver, t.id);
      return Delivery.RETRY;
    }
    Requests.ReceiptClaims claims = receiptClaims(receipt);
    synchronized (t) {
      if (!t.sender.toString().equals(claims.snd())
          || !t.receiver.toString().equals(claims.rcv())) {
        LOG.warn("provider {} answered transfer {} with a receipt for others", t.receiver, t.id);
        return Delivery.REFUSED;
      }
      if (t.state.equals("available")) {
        t.receipt = receipt;
        t.state = "delivered";
      }
    }
    return Delivery.DELIVERED;
  }

  /** Null for a success; otherwise whether to try again (network, 5xx, retryable codes) or stop. */
  private @Nullable Delivery failure(Transfer t, SandboxProvider.Response r) {
    if (r.status() >= 200 && r.status() < 300) {
      return null;
    }
    String code = code(r);
    boolean retry =
        r.status() >= 500
            || r.status() == 429
            || "GDX-3009".equals(code)
            || "GDX-3011".equals(code)
            || "GDX-3218".equals(code);
    if (!retry) {
      LOG.warn("provider {} refused transfer {}: {}", t.receiver, t.id, code);
      synchronized (t) {
        t.deliveryError = code == null ? "HTTP " + r.status() : code;
      }
      return Delivery.REFUSED;
    }
    return Delivery.RETRY;
  }

  private static @Nullable String code(SandboxProvider.Response r) {
    try {
      JsonNode c = Json.parseObject(r.body()).get("code");
      return c != null && c.isTextual() ? c.asText() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static SandboxProvider.Request forwarded(
      Transfer t,
      String method,
      String path,
      byte[] body,
      @Nullable String contentType,
      @Nullable String digest) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-Request-Id", UUID.randomUUID().toString());
    h.put("X-Gdx-Party", t.sender.toString());
    if (contentType != null) {
      h.put("Content-Type", contentType);
    }
    if (digest != null) {
      h.put("Content-Digest", digest);
    }
    return new SandboxProvider.Request(method, path, h, body);
  }

  /**
   * {@code GET /v1/transfers/{transferId}/content}, with an optional single {@code Range}.
   *
   * @param call the call
   * @return the stream, or the range of it
   */
  public Reply content(Call call) {
    Transfer t = find(call, Side.RECEIVER);
    synchronized (t) {
      if (t.state.equals("uploading")) {
        throw new ApiException(WireCode.STATE_CONFLICT, "the transfer is not complete yet");
      }
    }
    long from = 0;
    long to = t.size - 1;
    int status = 200;
    Map<String, String> h = new LinkedHashMap<>();
    List<String> range = call.headers().get("range");
    if (range != null && !range.isEmpty()) {
      Matcher m = RANGE.matcher(range.get(0).trim());
      if (!m.matches()) {
        throw new ApiException(
            WireCode.MALFORMED_REQUEST, "Range must be a single bytes=N- or bytes=N-M range");
      }
      try {
        from = Long.parseLong(m.group(1));
        if (!m.group(2).isEmpty()) {
          to = Math.min(to, Long.parseLong(m.group(2)));
        }
      } catch (NumberFormatException e) {
        throw new ApiException(WireCode.RANGE_NOT_SATISFIABLE, "the Range is out of bounds");
      }
      if (from >= t.size || to < from) {
        throw new ApiException(
            WireCode.RANGE_NOT_SATISFIABLE,
            "the Range lies outside the stream of " + t.size + " bytes");
      }
      status = 206;
      h.put("Content-Range", "bytes " + from + "-" + to + "/" + t.size);
    }
    h.put("Content-Type", "application/octet-stream");
    h.put("Accept-Ranges", "bytes");
    h.put("ETag", "\"" + t.sha256 + "\"");
    long start = from;
    long length = to - from + 1;
    return Reply.streamed(status, h, length, out -> write(t, start, length, out));
  }

  private static void write(Transfer t, long from, long length, OutputStream out)
      throws IOException {
    byte[] buf = new byte[65536];
    long remaining = length;
    int n = (int) (from / t.partSize) + 1;
    long skip = from - (long) (n - 1) * t.partSize;
    while (remaining > 0 && n <= t.partCount) {
      try (InputStream in = Files.newInputStream(t.part(n))) {
        in.skipNBytes(skip);
        int r;
        while (remaining > 0 && (r = in.read(buf, 0, (int) Math.min(buf.length, remaining))) > 0) {
          out.write(buf, 0, r);
          remaining -= r;
        }
      }
      skip = 0;
      n++;
    }
  }

  /**
   * {@code POST /v1/transfers/{transferId}/ack}.
   *
   * @param call the call
   * @return the delivered transfer
   */
  public Reply ack(Call call) {
    Transfer t = find(call, Side.RECEIVER);
    ObjectNode receipt = Json.read(call.body(), Requests.TransferAck.class).receipt();
    Requests.ReceiptClaims claims = receiptClaims(receipt);
    synchronized (t) {
      if (t.state.equals("delivered")) {
        return Reply.json(200, Json.write(json(t)));
      }
      if (!t.state.equals("available")) {
        throw new ApiException(WireCode.STATE_CONFLICT, "the transfer is " + t.state);
      }
      if (!t.sender.toString().equals(claims.snd())
          || !t.receiver.toString().equals(claims.rcv())) {
        throw new ApiException(
            WireCode.MALFORMED_REQUEST, "the receipt does not name this transfer's parties");
      }
      t.receipt = receipt;
      t.state = "delivered";
      return Reply.json(200, Json.write(json(t)));
    }
  }

  /** Reads the receipt's payload claims (the platform keeps the receipt; the sender verifies its signature). */
  private static Requests.ReceiptClaims receiptClaims(JsonNode receipt) {
    JsonNode payload = receipt.get("payload");
    if (payload == null || !payload.isTextual()) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "receipt.payload must be a string");
    }
    try {
      return Json.read(
          Base64.getUrlDecoder().decode(payload.asText()), Requests.ReceiptClaims.class);
    } catch (IllegalArgumentException e) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "receipt.payload is not base64url");
    }
  }

  private enum Side {
    SENDER,
    RECEIVER
  }

  private Transfer find(Call call, @Nullable Side side) {
    String id = call.pathParams().get("transferId");
    Transfer t = id == null ? null : transfers.get(id);
    if (t == null || expired(t)) {
      throw new ApiException(WireCode.TRANSFER_NOT_FOUND, "no transfer " + id);
    }
    boolean sender = t.sender.equals(call.party());
    boolean receiver = t.receiver.equals(call.party());
    if ((side == null && !sender && !receiver)
        || (side == Side.SENDER && !sender)
        || (side == Side.RECEIVER && !receiver)) {
      throw new ApiException(
          WireCode.NOT_A_PARTICIPANT,
          side == null
              ? "the caller is not a party to this transfer"
              : "only the transfer's " + side.name().toLowerCase(java.util.Locale.ROOT) + " may");
    }
    return t;
  }

  private boolean expired(Transfer t) {
    return !clock.instant().isBefore(t.createdAt.plus(LIFE));
  }

  private void purgeExpired() {
    transfers
        .values()
        .removeIf(
            t -> {
              if (!expired(t)) {
                return false;
              }
              delete(t.dir);
              return true;
            });
  }

  private ObjectNode json(Transfer t) {
    ObjectNode o = Json.object();
    o.put("transferId", t.id);
    o.put("sender", t.sender.toString());
    o.put("receiver", t.receiver.toString());
    o.put("resourceCode", t.resourceCode);
    o.put("size", t.size);
    o.put("sha256", t.sha256);
    o.put("partSize", t.partSize);
    o.put("partCount", t.partCount);
    o.put("state", t.state);
    ArrayNode parts = o.putArray("parts");
    t.parts.forEach(
        (n, hex) -> {
          ObjectNode p = parts.addObject();
          p.put("partNumber", n);
          p.put("size", t.partLength(n));
          p.put("sha256", hex);
        });
    o.put("createdAt", Json.instant(t.createdAt));
    o.put("expiresAt", Json.instant(t.createdAt.plus(LIFE)));
    if (t.receipt != null) {
      o.set("receipt", t.receipt);
    }
    if (t.deliveryAttempts > 0) {
      // the sandbox's own report of its delivery to the receiver's endpoint (not part of the
      // protocol)
      ObjectNode d = o.putObject("x-sandbox-delivery");
      d.put("attempts", t.deliveryAttempts);
      d.put("partsSent", t.partsDelivered);
      if (t.deliveryError != null) {
        d.put("refusedWith", t.deliveryError);
      }
    }
    return o;
  }

  private static String contentDigest(@Nullable List<String> values) {
    if (values == null || values.isEmpty()) {
      throw new ApiException(
          WireCode.MALFORMED_REQUEST, "Content-Digest with a sha-256 value is required");
    }
    Matcher m = CONTENT_DIGEST.matcher(String.join(",", values));
    if (!m.find()) {
      throw new ApiException(
          WireCode.MALFORMED_REQUEST, "Content-Digest must carry sha-256=:<base64>:");
    }
    byte[] d;
    try {
      d = Base64.getDecoder().decode(m.group(1));
    } catch (IllegalArgumentException e) {
      d = new byte[0];
    }
    if (d.length != 32) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "Content-Digest sha-256 is not 32 bytes");
    }
    return m.group(1);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void delete(Path p) {
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              f -> {
                try {
                  Files.deleteIfExists(f);
                } catch (IOException e) {
                  LOG.debug("cannot delete {}: {}", f, e.toString());
                }
              });
    } catch (IOException e) {
      LOG.debug("cannot delete {}: {}", p, e.toString());
    }
  }

  /** Removes every stored transfer and the directory. */
  @Override
  public void close() {
    deliveries.shutdownNow();
    transfers.clear();
    delete(dir);
  }
}
