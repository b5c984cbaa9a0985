package io.github.govdx.client.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.internal.ValueStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * A pushed batch as the provider's handler sees it ({@code docs/protocol.md} section 10). {@link #toString()}
 * never shows the records.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class ProviderPush implements VerifiedCall {

  ProviderPush() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the records, already validated; unmodifiable */
  @Value.Redacted
  public abstract List<JsonNode> records();

  /** @return the idempotency key */
  public abstract String idempotencyKey();

  /**
   * Builds a {@link ProviderPush}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutableProviderPush.Builder {
    Builder() {}
  }
}
