package io.github.govdx.crypto.evidence;

/**
 * Where an {@link EvidenceLog} keeps its hash chain (DESIGN section 7): a file for one process
 * ({@link EvidenceLog#open(java.nio.file.Path, java.time.Clock)}), or a database table shared by every instance of
 * a department ({@code govdx-store-jdbc}), so that all instances append to one chain and one verification covers
 * them all.
 *
 * <p><b>Atomicity contract.</b> {@link #append(Linker)} reads the chain's head (the last entry's {@code seq} and
 * hash, or 0 and {@link EvidenceLog#GENESIS} when empty), asks the {@link Linker} for the next line and stores it,
 * as one atomic step with respect to every appender of the same chain, in this and in other processes: two
 * appends never link to the same head (no fork), and a stored entry is never lost or half-written. An append
 * either stores the line and returns it, or stores nothing and throws.
 *
 * <p><b>Failure contract: fail closed.</b> A store that cannot answer throws
 * {@link io.github.govdx.core.state.StateStoreException} ({@code GDX-1601}, retryable) or {@link EvidenceException}
 * ({@code GDX-2503}); the caller's step that needed the evidence fails.
 *
 * <p>Implementations must be thread-safe.
 */
public interface EvidenceStore extends AutoCloseable {

  /** Builds the next line of the chain from its position. */
  @FunctionalInterface
  interface Linker {
    /**
     * Builds the line that follows the current head.
     *
     * @param seq the new line's sequence number (the head's plus one, 1 for the first line)
     * @param prev the head's hash ({@link EvidenceLog#GENESIS} for the first line)
     * @return the complete line, with its hash
     */
    Entry link(long seq, String prev);
  }

  /**
   * One line of the chain.
   *
   * @param seq its sequence number, from 1
   * @param line the line, a JSON object without a trailing newline (format: {@link EvidenceLog})
   * @param hash the line's hash, lowercase hex
   */
  record Entry(long seq, String line, String hash) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code line} or {@code hash} is {@code null}
     */
    public Entry {
      java.util.Objects.requireNonNull(line, "line == null");
      java.util.Objects.requireNonNull(hash, "hash == null");
    }
  }

  /** Receives the lines of a chain in order, for verification. */
  @FunctionalInterface
  interface LineVisitor {
    /**
     * Takes one line.
     *
     * @param line the line as stored (without a newline)
     * @return {@code true} to go on, {@code false} to stop reading
     */
    boolean visit(String line);
  }

  /**
   * Appends the next line atomically (see the class comment).
   *
   * @param linker builds the line from the head
   * @return the stored entry
   * @throws io.github.govdx.core.state.StateStoreException if the store cannot answer
   * @throws EvidenceException {@code GDX-2503} on I/O errors of a file store
   */
  Entry append(Linker linker);

  /**
   * Reads every line in chain order, oldest first, in constant memory.
   *
   * @param visitor receives the lines
   * @throws io.github.govdx.core.state.StateStoreException if the store cannot answer
   * @throws EvidenceException {@code GDX-2503} on I/O errors of a file store
   */
  void read(LineVisitor visitor);

  /**
   * A name for messages and {@code toString()}, without secrets (e.g. the file name or the chain's name).
   *
   * @return the name
   */
  String name();

  /**
   * Releases what the store holds (a file handle); a store on a caller's {@code DataSource} closes nothing of it.
   *
   * @throws EvidenceException {@code GDX-2503} on I/O errors
   */
  @Override
  void close();
}
