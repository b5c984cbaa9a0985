package io.github.govdx.crypto.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.internal.StrictJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
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

    Result(long entries, String head, long brokenLine, @Nullable String problem) {
      this.entries = entries;
      this.head = head;
      this.brokenLine = brokenLine;
      this.problem = problem;
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
    Walk walk = new Walk();
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
    Walk walk = new Walk();
    store.read(walk::visit);
    return walk.result(null);
  }

  /** Checks lines in order, stopping at the first broken one. */
  private static final class Walk {
    private String prev = EvidenceLog.GENESIS;
    private long n;
    private @Nullable String problem;

    boolean visit(String line) {
      problem = check(line, n + 1, prev);
      if (problem != null) {
        return false;
      }
      var m = TAIL.matcher(line);
      m.find();
      prev = m.group(1);
      n++;
      return true;
    }

    Result result(@Nullable String readProblem) {
      if (problem != null) {
        return new Result(n, prev, n + 1, problem);
      }
      return new Result(n, prev, n + 1, readProblem);
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
