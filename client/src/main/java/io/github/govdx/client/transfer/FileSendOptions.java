package io.github.govdx.client.transfer;

import io.github.govdx.core.party.PartyId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a file send ({@link SendFileRequest}) and a dataset export ({@link ExportDatasetRequest}) both say: the
 * receiver, the resource, how the upload is cut and resumed, and where it is spooled. Implementations are immutable
 * and thread-safe.
 */
public interface FileSendOptions {

  /** @return the receiving party */
  PartyId receiver();

  /** @return the catalog resource the file or the dataset belongs to */
  String resourceCode();

  /**
   * The key that makes the send resumable across restarts: 16 to 128 of {@code [A-Za-z0-9._:-]} for a file, 16 to
   * 100 for a dataset (its parts' keys add a suffix).
   *
   * @return the key, or empty
   */
  Optional<String> idempotencyKey();

  /** @return where the sealed spool files are written; default the system temporary directory */
  Optional<Path> spoolDirectory();

  /** @return bytes per upload part, 1 MiB to 8 MiB; default 4 MiB */
  Optional<Integer> partSize();

  /**
   * How long a send keeps resuming after connection failures before it gives up with the last (retryable) error;
   * default 10 minutes. Resumes wait 250 ms doubling to 30 s between them, 20 at most.
   *
   * @return the resume budget
   */
  @Value.Default
  default Duration resumeTimeout() {
    return Duration.ofMinutes(10);
  }
}
