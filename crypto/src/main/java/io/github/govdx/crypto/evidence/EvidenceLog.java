package io.github.govdx.crypto.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.internal.Hex;
import io.github.govdx.crypto.internal.StrictJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * <p>Opening an existing log verifies it first and refuses a broken one. Each record is written and flushed
 * under a lock. Thread-safe within one JVM; only one process may append to a file.
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
    RECEIPTED
  }

  private final Path file;
  private final Clock clock;
  private final BufferedWriter out;
  private long seq;
  private String head;

  private EvidenceLog(Path file, Clock clock, BufferedWriter out, long seq, String head) {
    this.file = file;
    this.clock = clock;
    this.out = out;
    this.seq = seq;
    this.head = head;
  }

  /**
   * Opens (or creates) a log, verifying the existing lines first.
   *
   * @param file the log file
   * @param clock the clock for the {@code time} member
   * @return the log, positioned at its end
   * @throws EvidenceException {@code GDX-2502} if the existing log is broken, {@code GDX-2503} on I/O errors
   */
  public static EvidenceLog open(Path file, Clock clock) {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(clock, "clock == null");
    long seq = 0;
    String head = GENESIS;
    if (Files.exists(file)) {
      EvidenceLogVerifier.Result r = EvidenceLogVerifier.verify(file);
      if (!r.intact()) {
        throw new EvidenceException(
            CryptoErrorCode.EVIDENCE_LOG_BROKEN,
            "evidence log broken at line "
                + r.firstBrokenLine().orElse(0)
                + ": "
                + r.problem().orElse(""),
            null);
      }
      seq = r.entries();
      head = r.head();
    }
    try {
      BufferedWriter w =
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE);
      return new EvidenceLog(file, clock, w, seq, head);
    } catch (IOException e) {
      throw new EvidenceException(
          CryptoErrorCode.EVIDENCE_LOG_IO, "cannot open evidence log " + file.getFileName(), e);
    }
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

  private synchronized String record(
      Event event, Envelope envelope, @Nullable String receiptDigest) {
    Objects.requireNonNull(envelope, "envelope == null");
    RoutingHeaders h = envelope.headers();
    ObjectNode n = StrictJson.mapper().createObjectNode();
    n.put("seq", seq + 1);
    n.put("time", Instant.now(clock).toString());
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
    n.put("prev", head);
    String body = n.toString();
    String hash = hashOf(body);
    String line = body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}";
    try {
      out.write(line);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new EvidenceException(
          CryptoErrorCode.EVIDENCE_LOG_IO, "cannot append to evidence log", e);
    }
    seq++;
    head = hash;
    return hash;
  }

  static String hashOf(String body) {
    return Hex.encode(Hex.sm3(body.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The hash of the last line (the chain head), {@link #GENESIS} for an empty log. Keep it elsewhere to detect
   * truncation.
   *
   * @return lowercase hex
   */
  public synchronized String head() {
    return head;
  }

  /**
   * The number of lines.
   *
   * @return the count
   */
  public synchronized long size() {
    return seq;
  }

  /**
   * Closes the file.
   *
   * @throws EvidenceException {@code GDX-2503} on I/O errors
   */
  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new EvidenceException(CryptoErrorCode.EVIDENCE_LOG_IO, "cannot close evidence log", e);
    }
  }

  @Override
  public String toString() {
    return "EvidenceLog{" + file.getFileName() + ", " + size() + " lines}";
  }
}
