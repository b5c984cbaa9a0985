package io.github.govdx.client.transfer;

import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.evidence.Receipt;
import java.nio.file.Path;

/**
 * A file received, opened and verified: the plaintext is at {@link #path()}, and our signed receipt was sent to the
 * platform.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class ReceivedFile {

  ReceivedFile() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the transfer id */
  public abstract String transferId();

  /** @return the message id of the sealed stream */
  public abstract String messageId();

  /** @return the sender, as signed in the stream */
  public abstract PartyId sender();

  /** @return the resource code, as signed in the stream */
  public abstract String resourceCode();

  /** @return where the plaintext was written */
  public abstract Path path();

  /** @return bytes of plaintext */
  public abstract long length();

  /** @return the suite's digest (SM3 or SHA-256, hex) of the plaintext, covered by the sender's signature */
  public abstract String digest();

  /** @return how many times the download resumed after a failure */
  public abstract int resumes();

  /** @return the receipt we issued and sent */
  public abstract Receipt receipt();

  /** Builds a {@link ReceivedFile}. Not thread-safe. */
  public static final class Builder extends ImmutableReceivedFile.Builder {
    Builder() {}
  }
}
