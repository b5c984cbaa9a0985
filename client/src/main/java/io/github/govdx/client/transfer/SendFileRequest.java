package io.github.govdx.client.transfer;

import io.github.govdx.core.party.PartyId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A file to send to another party ({@code docs/files.md}): sealed to the receiver as a sealed stream in a spool
 * file, then uploaded in parts. {@code build()} throws {@link IllegalStateException} naming a missing attribute and
 * {@link IllegalArgumentException} for an invalid part size or idempotency key.
 *
 * <p>With an {@link #idempotencyKey()} the spool file is named after the key and kept until the transfer is
 * complete, so that sending the same request again — after a crash or a restart — resumes the same transfer from its
 * last stored part instead of starting over. Without one, a random key is used and a broken send can only be
 * resumed within the same call.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class SendFileRequest {

  SendFileRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** @return the receiving party */
  public abstract PartyId receiver();

  /** @return the catalog resource the file belongs to */
  public abstract String resourceCode();

  /** @return the file to send (plaintext; read once, never changed) */
  public abstract Path source();

  /** @return the key that makes the send resumable across restarts (16–128 of {@code [A-Za-z0-9._:-]}) */
  public abstract Optional<String> idempotencyKey();

  /** @return where the sealed spool file is written; default the system temporary directory */
  public abstract Optional<Path> spoolDirectory();

  /** @return bytes per part, 1 MiB to 8 MiB; default 4 MiB */
  public abstract Optional<Integer> partSize();

  /**
   * How long the send keeps resuming after connection failures before it gives up with the last (retryable) error;
   * default 10 minutes. Resumes wait 250 ms doubling to 30 s between them, 20 at most.
   *
   * @return the resume budget
   */
  @Value.Default
  public Duration resumeTimeout() {
    return Duration.ofMinutes(10);
  }

  /** Checks the part size and key. */
  @Value.Check
  protected void check() {
    partSize()
        .filter(n -> n < 1024 * 1024 || n > 8 * 1024 * 1024)
        .ifPresent(
            n -> {
              throw new IllegalArgumentException("partSize must be 1 MiB to 8 MiB: " + n);
            });
    if (resumeTimeout().isNegative()) {
      throw new IllegalArgumentException("resumeTimeout < 0");
    }
    idempotencyKey()
        .filter(k -> !k.matches("[A-Za-z0-9._:-]{16,128}"))
        .ifPresent(
            k -> {
              throw new IllegalArgumentException(
                  "idempotencyKey must be 16-128 characters of [A-Za-z0-9._:-]");
            });
  }

  /** Builds a {@link SendFileRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableSendFileRequest.Builder {
    Builder() {}
  }
}
