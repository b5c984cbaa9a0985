package io.github.govdx.client.catalog;

import io.github.govdx.client.internal.ValueStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One information item (信息项) of a resource: its name, data type, data element, representation format, code
 * table, whether it is required and its data security level ({@code docs/protocol.md} section 6.2).
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class ResourceItem {

  ResourceItem() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the item name as used in records, e.g. {@code sfzh} */
  public abstract String name();

  /** @return the Chinese name, e.g. 公民身份号码, or empty */
  public abstract Optional<String> nameZh();

  /** @return the catalog guide data type letter (C, N, Y, D, T, L, M, G, B, I, F), or empty */
  public abstract Optional<String> dataType();

  /** @return the data element identifier, or empty */
  public abstract Optional<String> element();

  /** @return the representation format, e.g. {@code an..50}, or empty */
  public abstract Optional<String> format();

  /** @return the code table, e.g. {@code GB/T 2261.1-2003}, or empty */
  public abstract Optional<String> codeTable();

  /** @return the edition of the code table, e.g. {@code 2020-12} for GB/T 2260; empty means the
   *     default (newest) */
  public abstract Optional<String> codeTableEdition();

  /** @return the identifier check of the item's values, a govdx-core check key: {@code gb11643}
   *     (citizen id number, GB 11643-1999), {@code gb32100} (unified social credit code, GB 32100-2015),
   *     {@code gb11714}, {@code mobile} or {@code postal}; or empty */
  public abstract Optional<String> identifier();

  /** @return whether every record must carry the item (default {@code false}) */
  @Value.Default
  public boolean required() {
    return false;
  }

  /** @return the data security level, 1 (lowest) to 4, or empty */
  public abstract Optional<Integer> sensitivity();

  /**
   * Builds a {@link ResourceItem}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutableResourceItem.Builder {
    Builder() {}
  }
}
