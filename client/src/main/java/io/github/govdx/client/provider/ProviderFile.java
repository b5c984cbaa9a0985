package io.github.govdx.client.provider;

import io.github.govdx.client.internal.ValueStyle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A file received by file transfer as the provider's {@link FileHandler} sees it ({@code docs/protocol.md}
 * section 15.8): the whole sealed stream was stored, its SHA-256 checked, and it was opened — header envelope,
 * every chunk and the sender's trailer signature verified — into {@link #path()} before the handler is called.
 * {@link #toString()} never shows the path.
 *
 * <p>Immutable and thread-safe (the file itself is the handler's to read or move while it runs; the endpoint
 * deletes it when the handler returns, unless the handler moved it away).
 */
@ValueStyle
public abstract class ProviderFile implements VerifiedCall {

  ProviderFile() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the platform's transfer id */
  public abstract String transferId();

  /** @return when the sender sealed the file */
  public abstract Instant issuedAt();

  /** @return the verified plaintext, a temporary file in the endpoint's spool directory */
  @Value.Redacted
  public abstract Path path();

  /** @return plaintext bytes */
  public abstract long length();

  /** @return the digest of the plaintext the sender signed (SM3 for GM, SHA-256 for INTL), lowercase hex */
  public abstract String digest();

  /**
   * Opens the verified plaintext for reading.
   *
   * @return a new stream over {@link #path()}; the caller closes it
   * @throws IOException if the file cannot be opened
   */
  public InputStream openStream() throws IOException {
    return Files.newInputStream(path());
  }

  /**
   * Builds a {@link ProviderFile}; {@code build()} throws {@link IllegalStateException} naming any missing
   * attribute. Not thread-safe.
   */
  public static final class Builder extends ImmutableProviderFile.Builder {
    Builder() {}
  }
}
