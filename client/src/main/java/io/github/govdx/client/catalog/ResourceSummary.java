package io.github.govdx.client.catalog;

import io.github.govdx.client.internal.ValueStyle;
import io.github.govdx.core.party.PartyId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One catalog entry as listed by a search ({@code docs/protocol.md} section 6.1).
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class ResourceSummary {

  ResourceSummary() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the resource code (信息资源代码), {@code classCode/sequence} */
  public abstract String resourceCode();

  /** @return the resource name (信息资源名称) */
  public abstract String name();

  /** @return the provider department (信息资源提供方) */
  public abstract PartyId provider();

  /** @return the provider's name, or empty */
  public abstract Optional<String> providerName();

  /** @return the summary (信息资源摘要), or empty */
  public abstract Optional<String> summary();

  /** @return the share type (共享类型) */
  public abstract ShareType shareType();

  /** @return the update cycle (更新周期), e.g. {@code daily}, or empty */
  public abstract Optional<String> updateCycle();

  /** @return the resource format (信息资源格式), or empty */
  public abstract Optional<String> format();

  /** @return the publication date (发布日期), or empty */
  public abstract Optional<LocalDate> publishedOn();

  /**
   * Builds a {@link ResourceSummary}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutableResourceSummary.Builder {
    Builder() {}
  }
}
