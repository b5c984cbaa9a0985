package io.github.govdx.crypto.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.internal.Hex;
import io.github.govdx.crypto.internal.StrictJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An append-only, SM3 hash-chained evidence log (证据日志) of sealed, opened and receipted messages.
 *
 * <p>One JSON object per line (UTF-8, {@code \n}), members in this order:
 * <pre>
 * {"seq":1,"time":"2026-11-24T12:00:00Z","event":"SEALED","mid":"…","digest":"…","sender":"…",
 *  "receiver":"…","resource":"…","action":"…","prev":"000…0","hash":"…"}
 * </pre>
 * {@code seq} counts from 1; {@code prev} is the previous line's {@code hash} (64 zeros for the first);
 * {@code hash} is the lowercase hex SM3 (GB/T 32905) of the line's UTF-8 bytes without its
 * {@code ,"hash":"…"} member, i.e. of everything before {@code ,"hash":} followed by {@code }}. A receipt
 * line adds {@code "receipt"} (the digest of the receipt). Lines hold message ids, party ids (organisation
 * codes), resource codes, actions and digests — never payloads or personal data.
 *
 * <p>{@link EvidenceLogVerifier} finds the first line that was modified, deleted, inserted or reordered. Cutting
 * lines off the end, or rewriting the whole tail consistently, can only be detected against a {@link #head()}
 * kept elsewhere (e.g. in a signed checkpoint or a receipt); see {@code docs/security.md}.
 *
 * <p>The chain lives in an {@link EvidenceStore}: a file ({@link #open(Path, Clock)}; opening an existing file
 * verifies it first and refuses a broken one; each record is written and flushed under a lock; one process per
 * file), or a database table that every instance of a department appends to ({@link #create(EvidenceStore,
 * Clock)} with the JDBC store of {@code govdx-store-jdbc}). Thread-safe.
 */
public final class EvidenceLog implements AutoCloseable {

  /** The {@code prev} of the first line: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  /** The kinds of events recorded. */
  public enum Event {
    /** This party sealed (or signed) and sent a message. */
    SEALED,
    /** This party opened (or verified) a received message. */
    OPENED,
    /** This party issued or received a receipt for a message. */
    RECEIPTED,
    /**
     * An RFC 3161 time-stamp over the previous line's hash ({@code tst}, base64url DER): every line up to it existed
     * at the time-stamp's time, by the word of a time-stamping authority rather than this party's clock.
     */
    TIMESTAMPED
  }

  private final EvidenceStore store;
  private final Clock clock;
  private volatile long size;
  private volatile String head;

  private EvidenceLog(EvidenceStore store, Clock clock, long size, String head) {
    this.store = store;
    this.clock = clock;
    this.size = size;
    this.head = head;
  }

  /**
   * Opens (or creates) a log file, verifying the existing lines first. Only one process may append to a file;
   * several instances share a chain through {@link #create(EvidenceStore, Clock)} on a database store.
   *
   * @param file the log file
   * @param clock the clock for the {@code time} member
   * @return the log, positioned at its end
   * @throws EvidenceException {@code GDX-2502} if the existing log is broken, {@code GDX-2503} on I/O errors
   */
  public static EvidenceLog open(Path file, Clock clock) {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(clock, "clock == null");
    FileEvidenceStore store = FileEvidenceStore.open(file);
    return new EvidenceLog(store, clock, store.size(), store.head());
  }

  /**
   * A log on a store, e.g. the JDBC evidence store of {@code govdx-store-jdbc} that every instance of a
   * department appends to. The store's chain is not verified here (that reads it whole): run
   * {@link EvidenceLogVerifier#verify(EvidenceStore)} or {@code govdx evidence verify --jdbc} for that.
   *
   * @param store the store; closed by {@link #close()}
   * @param clock the clock for the {@code time} member
   * @return the log
   */
  public static EvidenceLog create(EvidenceStore store, Clock clock) {
    return new EvidenceLog(
        Objects.requireNonNull(store, "store == null"),
        Objects.requireNonNull(clock, "clock == null"),
        0,
        GENESIS);
  }

  /**
   * Records that this party sealed or signed an envelope.
   *
   * @param envelope the envelope sent
   * @return the new line's hash
   * @throws EvidenceException {@code GDX-2503} on I/O errors
   */
  public String recordSealed(Envelope envelope) {
    return record(Event.SEALED, envelope, null);
  }

  /**
   * Records that this party opened or verified a message.
   *
   * @param opened the opened message
   * @return the new line's hash
   * @throws EvidenceException {@code GDX-2503} on I/O errors
   */
  public String recordOpened(OpenedMessage opened) {
    return record(Event.OPENED, opened.envelope(), null);
  }

  /**
   * Records a receipt issued or received for an envelope.
   *
   * @param envelope the receipted envelope
   * @param receipt the receipt
   * @return the new line's hash
   * @throws EvidenceException {@code GDX-2503} on I/O errors
   */
  public String recordReceipted(Envelope envelope, Receipt receipt) {
    Objects.requireNonNull(receipt, "receipt == null");
    return record(Event.RECEIPTED, envelope, Hex.encode(Hex.sm3(receipt.toBytes())));
  }

  /**
   * Appends a trusted time-stamp over the chain head (the previous line's hash), asked of a time-stamping
   * authority while the chain is held, so no other line can come between. {@link EvidenceLogVerifier#verify(Path,
   * io.github.govdx.crypto.key.TrustStore)} checks the tokens offline.
   *
   * @param tsa the time-stamping authority (keep its timeout short: appends wait for it)
   * @return the new line's hash
   * @throws EvidenceException {@code GDX-2504} if the TSA fails, {@code GDX-2503} on I/O errors
   */
  public String timestamp(TimestampAuthority tsa) {
    Objects.requireNonNull(tsa, "tsa == null");
    String time = Instant.now(clock).toString();
    EvidenceStore.Entry e =
        store.append(
            (seq, prev) -> {
              TimestampToken token = TimestampToken.request(tsa, Hex.decode(prev), Suite.GM);
              ObjectNode n = StrictJson.mapper().createObjectNode();
              n.put("seq", seq);
              n.put("time", time);
              n.put("event", Event.TIMESTAMPED.name());
              n.put("tst", com.nimbusds.jose.util.Base64URL.encode(token.toBytes()).toString());
              n.put("prev", prev);
              return link(seq, n);
            });
    return advance(e);
  }

  private static EvidenceStore.Entry link(long seq, ObjectNode n) {
    String body = n.toString();
    String hash = hashOf(body);
    return new EvidenceStore.Entry(
        seq, body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}", hash);
  }

  private String advance(EvidenceStore.Entry e) {
    synchronized (this) {
      if (e.seq() > size) {
        size = e.seq();
        head = e.hash();
      }
    }
    return e.hash();
  }

  private String record(Event event, Envelope envelope, @Nullable String receiptDigest) {
    Objects.requireNonNull(envelope, "envelope == null");
    RoutingHeaders h = envelope.headers();
    String time = Instant.now(clock).toString();
    EvidenceStore.Entry e =
        store.append(
            (seq, prev) -> {
              ObjectNode n = StrictJson.mapper().createObjectNode();
              n.put("seq", seq);
              n.put("time", time);
              n.put("event", event.name());
              n.put("mid", h.messageId());
              n.put("digest", envelope.digest());
              n.put("sender", h.sender().toString());
              n.put("receiver", h.receiver().toString());
              n.put("resource", h.resourceCode());
              n.put("action", h.action());
              if (receiptDigest != null) {
                n.put("receipt", receiptDigest);
              }
              n.put("prev", prev);
              return link(seq, n);
            });
    return advance(e);
  }

  static String hashOf(String body) {
    return Hex.encode(Hex.sm3(body.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The hash of the last line this log appended or found when it opened its file (the chain head),
   * {@link #GENESIS} before any. Keep it elsewhere to detect truncation. With a store shared by several
   * instances, the others may have appended since.
   *
   * @return lowercase hex
   */
  public String head() {
    return head;
  }

  /**
   * The number of lines up to {@link #head()}.
   *
   * @return the count
   */
  public long size() {
    return size;
  }

  /**
   * The store the chain lives in.
   *
   * @return the store
   */
  public EvidenceStore store() {
    return store;
  }

  /**
   * Closes the store.
   *
   * @throws EvidenceException {@code GDX-2503} on I/O errors
   */
  @Override
  public void close() {
    store.close();
  }

  @Override
  public String toString() {
    return "EvidenceLog{" + store.name() + ", " + size() + " lines}";
  }
}
