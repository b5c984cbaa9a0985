package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
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
import java.util.concurrent.ConcurrentHashMap;
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
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
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
    ObjectNode body = Json.parseObject(call.body());
    String receiverText = Json.requiredText(body, "receiver");
    if (!PartyId.isValid(receiverText)) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "receiver is not a valid party id");
    }
    PartyId receiver = PartyId.parse(receiverText);
    if (!knownParty.apply(receiver)) {
      throw new ApiException(
          WireCode.PARTY_NOT_FOUND, "no party " + receiver + " in the directory");
    }
    String resource = Json.requiredText(body, "resourceCode");
    if (catalog.apply(resource).isEmpty()) {
      throw new ApiException(WireCode.RESOURCE_NOT_FOUND, "no resource " + resource);
    }
    JsonNode sizeNode = body.get("size");
    if (sizeNode == null || !sizeNode.isIntegralNumber() || sizeNode.asLong() < 1) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "size must be a positive integer");
    }
    long size = sizeNode.asLong();
    if (size > maxSize) {
      throw new ApiException(
          WireCode.PAYLOAD_TOO_LARGE, "size is over the platform's limit of " + maxSize + " bytes");
    }
    String sha = Json.requiredText(body, "sha256");
    if (!HEX64.matcher(sha).matches()) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "sha256 must be 64 lowercase hex digits");
    }
    int partSize = DEFAULT_PART;
    JsonNode ps = body.get("partSize");
    if (ps != null && !ps.isNull()) {
      if (!ps.isIntegralNumber() || ps.asLong() < MIN_PART || ps.asLong() > maxPart) {
        throw new ApiException(
            WireCode.MALFORMED_REQUEST,
            "partSize must be " + MIN_PART + " to " + maxPart + " bytes");
      }
      partSize = ps.asInt();
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
      return Reply.json(201, Json.write(json(t)));
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
            d.put("message", "part " + n + " is missing");
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
      return Reply.json(200, Json.write(json(t)));
    }
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
    ObjectNode body = Json.parseObject(call.body());
    JsonNode receipt = body.get("receipt");
    if (receipt == null || !receipt.isObject()) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "receipt must be an object");
    }
    ObjectNode claims = receiptClaims(receipt);
    synchronized (t) {
      if (t.state.equals("delivered")) {
        return Reply.json(200, Json.write(json(t)));
      }
      if (!t.state.equals("available")) {
        throw new ApiException(WireCode.STATE_CONFLICT, "the transfer is " + t.state);
      }
      if (!t.sender.toString().equals(Json.text(claims, "snd"))
          || !t.receiver.toString().equals(Json.text(claims, "rcv"))) {
        throw new ApiException(
            WireCode.MALFORMED_REQUEST, "the receipt does not name this transfer's parties");
      }
      t.receipt = receipt;
      t.state = "delivered";
      return Reply.json(200, Json.write(json(t)));
    }
  }

  /** Reads the receipt's payload claims (the platform keeps the receipt; the sender verifies its signature). */
  private static ObjectNode receiptClaims(JsonNode receipt) {
    JsonNode payload = receipt.get("payload");
    if (payload == null || !payload.isTextual()) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "receipt.payload must be a string");
    }
    try {
      return Json.parseObject(Base64.getUrlDecoder().decode(payload.asText()));
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
    transfers.clear();
    delete(dir);
  }
}
