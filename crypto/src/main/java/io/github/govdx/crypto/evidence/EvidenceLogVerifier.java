package io.github.govdx.crypto.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.internal.StrictJson;
import io.github.govdx.crypto.key.TrustStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Verifies an {@link EvidenceLog} file or {@link EvidenceStore} and reports the first broken line: a modified line (its hash does not
 * match its content), a deleted, inserted or reordered line ({@code seq} out of order or {@code prev} not
 * the previous hash), or a line that is not a log record. Lines are read one at a time (at most 64 KiB each),
 * so any file size verifies in constant memory. Thread-safe.
 */
public final class EvidenceLogVerifier {

  private static final int MAX_LINE = 64 * 1024;
  private static final Pattern TAIL = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"}$");

  private EvidenceLogVerifier() {}

  /** The outcome of a verification. Immutable and thread-safe. */
  public static final class Result {

    private final long entries;
    private final String head;
    private final long brokenLine;
    private final @Nullable String problem;
    private final long timestamps;
    private final @Nullable Instant latestTimestamp;

    Result(long entries, String head, long brokenLine, @Nullable String problem) {
      this(entries, head, brokenLine, problem, 0, null);
    }

    Result(
        long entries,
        String head,
        long brokenLine,
        @Nullable String problem,
        long timestamps,
        @Nullable Instant latestTimestamp) {
      this.entries = entries;
      this.head = head;
      this.brokenLine = brokenLine;
      this.problem = problem;
      this.timestamps = timestamps;
      this.latestTimestamp = latestTimestamp;
    }

    /**
     * The number of time-stamps verified (only with {@link #verify(Path, TrustStore)}).
     *
     * @return the count
     */
    public long timestamps() {
      return timestamps;
    }

    /**
     * The latest time a verified time-stamp vouches for.
     *
     * @return the instant, or empty when none was verified
     */
    public Optional<Instant> latestTimestamp() {
      return Optional.ofNullable(latestTimestamp);
    }

    /**
     * Whether every line is intact and chained.
     *
     * @return {@code true} if intact
     */
    public boolean intact() {
      return problem == null;
    }

    /**
     * The number of intact lines before the first broken one (all lines when intact).
     *
     * @return the count
     */
    public long entries() {
      return entries;
    }

    /**
     * The hash of the last intact line ({@link EvidenceLog#GENESIS} when none).
     *
     * @return lowercase hex
     */
    public String head() {
      return head;
    }

    /**
     * The 1-based number of the first broken line.
     *
     * @return the line number, or empty when intact
     */
    public OptionalLong firstBrokenLine() {
      return problem == null ? OptionalLong.empty() : OptionalLong.of(brokenLine);
    }

    /**
     * What is wrong with the first broken line.
     *
     * @return the problem, or empty when intact
     */
    public Optional<String> problem() {
      return Optional.ofNullable(problem);
    }

    @Override
    public String toString() {
      return intact()
          ? "intact, " + entries + " lines, head " + head
          : "broken at line " + brokenLine + ": " + problem;
    }
  }

  /**
   * Verifies a log file.
   *
   * @param file the log file
   * @return the result
   * @throws EvidenceException {@code GDX-2503} if the file cannot be read
   */
  public static Result verify(Path file) {
    Objects.requireNonNull(file, "file == null");
    Walk walk = new Walk(null);
    String problem = readLines(file, walk::visit);
    return walk.result(walk.problem == null ? problem : null);
  }

  /**
   * Verifies the chain in a store (for example the table that several instances append to), exactly as a file
   * is verified: no entry lost, modified, inserted or reordered.
   *
   * @param store the store
   * @return the result
   * @throws io.github.govdx.core.state.StateStoreException if the store cannot answer
   * @throws EvidenceException {@code GDX-2503} if a file store cannot be read
   */
  public static Result verify(EvidenceStore store) {
    Objects.requireNonNull(store, "store == null");
    Walk walk = new Walk(null);
    store.read(walk::visit);
    return walk.result(null);
  }

  /**
   * Verifies a chain in a store (a shared database chain) and, offline, every time-stamp in it against the anchors
   * of its time-stamping authority, as {@link #verify(Path, TrustStore)} does for a file.
   *
   * @param store the store
   * @param tsaTrust the anchors of the time-stamping authority
   * @return the result
   * @throws io.github.govdx.core.state.StateStoreException if the store cannot answer
   */
  public static Result verify(EvidenceStore store, TrustStore tsaTrust) {
    Objects.requireNonNull(store, "store == null");
    Walk walk = new Walk(Objects.requireNonNull(tsaTrust, "tsaTrust == null"));
    store.read(walk::visit);
    return walk.result(null);
  }

  /**
   * Verifies a log file and, offline, every time-stamp in it ({@code TIMESTAMPED} lines) against the anchors of its
   * time-stamping authority; a time-stamp that does not verify breaks the log at its line.
   *
   * @param file the log file
   * @param tsaTrust the anchors of the time-stamping authority
   * @return the result, with the number of time-stamps verified and the latest time they vouch for
   * @throws EvidenceException {@code GDX-2503} if the file cannot be read
   */
  public static Result verify(Path file, TrustStore tsaTrust) {
    Objects.requireNonNull(file, "file == null");
    Walk walk = new Walk(Objects.requireNonNull(tsaTrust, "tsaTrust == null"));
    String problem = readLines(file, walk::visit);
    return walk.result(walk.problem == null ? problem : null);
  }

  /** Checks lines in order, stopping at the first broken one. */
  private static final class Walk {
    private final @Nullable TrustStore tsaTrust;
    private String prev = EvidenceLog.GENESIS;
    private long n;
    private long timestamps;
    private @Nullable Instant latest;
    private @Nullable String problem;

    Walk(@Nullable TrustStore tsaTrust) {
      this.tsaTrust = tsaTrust;
    }

    boolean visit(String line) {
      problem = check(line, n + 1, prev);
      if (problem == null && tsaTrust != null && line.contains("\"event\":\"TIMESTAMPED\"")) {
        problem = checkTimestamp(line, prev, tsaTrust);
      }
      if (problem != null) {
        return false;
      }
      var m = TAIL.matcher(line);
      m.find();
      prev = m.group(1);
      n++;
      return true;
    }

    private @Nullable String checkTimestamp(String line, String prevHash, TrustStore trust) {
      try {
        JsonNode node = StrictJson.parse(line.getBytes(StandardCharsets.UTF_8));
        String tst = node == null ? null : node.path("tst").textValue();
        if (tst == null || !StrictJson.isCanonicalBase64Url(tst)) {
          return "time-stamp line without a token";
        }
        Instant at =
            TimestampToken.parse(new com.nimbusds.jose.util.Base64URL(tst).decode())
                .verify(io.github.govdx.crypto.internal.Hex.decode(prevHash), trust);
        timestamps++;
        latest = latest == null || at.isAfter(latest) ? at : latest;
        return null;
      } catch (IOException | RuntimeException e) {
        return "time-stamp does not verify: " + e.getMessage();
      }
    }

    Result result(@Nullable String readProblem) {
      if (problem != null) {
        return new Result(n, prev, n + 1, problem, timestamps, latest);
      }
      return new Result(n, prev, n + 1, readProblem, timestamps, latest);
    }
  }

  /**
   * Reads a log file line by line (each at most 64 KiB) in constant memory.
   *
   * @return {@code null}, or what is wrong with the file's shape (a line too long: reading stopped before it;
   *     the last line lacks its newline: it was still visited)
   */
  static @Nullable String readLines(Path file, EvidenceStore.LineVisitor visitor) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      StringBuilder sb = new StringBuilder();
      while (true) {
        sb.setLength(0);
        int c;
        while ((c = r.read()) != -1 && c != '\n') {
          if (sb.length() >= MAX_LINE) {
            return "line longer than 64 KiB";
          }
          sb.append((char) c);
        }
        if (c == -1 && sb.length() == 0) {
          return null;
        }
        if (!visitor.visit(sb.toString())) {
          return null;
        }
        if (c == -1) {
          return "last line lacks its newline (truncated write)";
        }
      }
    } catch (IOException e) {
      throw new EvidenceException(
          CryptoErrorCode.EVIDENCE_LOG_IO, "cannot read evidence log " + file.getFileName(), e);
    }
  }

  private static @Nullable String check(String line, long expectedSeq, String prev) {
    var m = TAIL.matcher(line);
    if (!m.find()) {
      return "not a log record (no hash)";
    }
    String body = line.substring(0, m.start()) + "}";
    if (!MessageDigest.isEqual(
        EvidenceLog.hashOf(body).getBytes(StandardCharsets.US_ASCII),
        m.group(1).getBytes(StandardCharsets.US_ASCII))) {
      return "hash mismatch: the line was modified";
    }
    JsonNode n;
    try {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      if (StrictJson.deeperThan(bytes, 2)) {
        return "not a log record (nested JSON)";
      }
      n = StrictJson.parse(bytes);
    } catch (IOException e) {
      return "not a log record (not JSON)";
    }
    if (n == null || !n.path("seq").canConvertToLong() || !n.path("prev").isTextual()) {
      return "not a log record (no seq or prev)";
    }
    if (n.path("seq").longValue() != expectedSeq) {
      return "seq "
          + n.path("seq").longValue()
          + " where "
          + expectedSeq
          + " was expected: a line was deleted, inserted or reordered";
    }
    if (!prev.equals(n.path("prev").textValue())) {
      return "prev does not match the previous line's hash: a line was deleted, inserted or reordered";
    }
    return null;
  }
}
