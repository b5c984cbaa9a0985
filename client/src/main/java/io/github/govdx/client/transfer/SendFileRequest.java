package io.github.govdx.client.transfer;

import io.github.govdx.client.internal.ValueStyle;
import java.nio.file.Path;
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
@ValueStyle
public abstract class SendFileRequest implements FileSendOptions {

  SendFileRequest() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the file to send (plaintext; read once, never changed) */
  public abstract Path source();

  /** Checks the part size and key. */
  @Value.Check
  protected void check() {
    SendChecks.check(this, 128);
  }

  /** Builds a {@link SendFileRequest}. Not thread-safe. */
  public static final class Builder extends ImmutableSendFileRequest.Builder {
    Builder() {}
  }
}
