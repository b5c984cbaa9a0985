package io.github.govdx.crypto.evidence;

import io.github.govdx.crypto.CryptoErrorCode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file {@link EvidenceStore}: one JSON line per entry, appended and flushed under a lock. Only one process
 * may append to a file. Thread-safe.
 */
final class FileEvidenceStore implements EvidenceStore {

  private final Path file;
  private final BufferedWriter out;
  private long seq;
  private String head;

  private FileEvidenceStore(Path file, BufferedWriter out, long seq, String head) {
    this.file = file;
    this.out = out;
    this.seq = seq;
    this.head = head;
  }

  /** Opens a file, verifying its existing lines first; refuses a broken one ({@code GDX-2502}). */
  static FileEvidenceStore open(Path file) {
    long seq = 0;
    String head = EvidenceLog.GENESIS;
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
      return new FileEvidenceStore(file, w, seq, head);
    } catch (IOException e) {
      throw new EvidenceException(
          CryptoErrorCode.EVIDENCE_LOG_IO, "cannot open evidence log " + file.getFileName(), e);
    }
  }

  synchronized long size() {
    return seq;
  }

  synchronized String head() {
    return head;
  }

  @Override
  public synchronized Entry append(Linker linker) {
    Entry e = linker.link(seq + 1, head);
    try {
      out.write(e.line());
      out.write('\n');
      out.flush();
    } catch (IOException ex) {
      throw new EvidenceException(
          CryptoErrorCode.EVIDENCE_LOG_IO, "cannot append to evidence log", ex);
    }
    seq = e.seq();
    head = e.hash();
    return e;
  }

  @Override
  public void read(LineVisitor visitor) {
    synchronized (this) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new EvidenceException(
            CryptoErrorCode.EVIDENCE_LOG_IO, "cannot flush evidence log", e);
      }
    }
    EvidenceLogVerifier.readLines(file, visitor);
  }

  @Override
  public String name() {
    return String.valueOf(file.getFileName());
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new EvidenceException(CryptoErrorCode.EVIDENCE_LOG_IO, "cannot close evidence log", e);
    }
  }
}
