package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.mask.MaskingPolicy;
import io.github.govdx.core.mask.PiiKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Masks chosen items of records for {@code govdx query --mask ITEM=KIND}, with govdx-core's {@link MaskingPolicy}.
 * Every scalar inside a masked item is masked: a string or number as the item's kind, each element of an array,
 * each member of an object (an address given as parts); {@code null} stays {@code null}. Items not named pass
 * unchanged. Immutable and thread-safe.
 */
final class RecordMask {

  private static final RecordMask NONE = new RecordMask(Map.of(), MaskingPolicy.defaultPolicy());

  private final Map<String, PiiKind> items;
  private final MaskingPolicy policy;

  private RecordMask(Map<String, PiiKind> items, MaskingPolicy policy) {
    this.items = items;
    this.policy = policy;
  }

  /**
   * Builds the mask of a command line.
   *
   * @param items item name to kind; empty for no masking
   * @param level the data security level's rules, or {@code null} for the default ({@code L3})
   * @return the mask
   * @throws CliException {@code GDX-1502} (exit 2) for a level without shipped rules, {@code GDX-5001} when a level
   *     is given without any item
   */
  static RecordMask of(Map<String, PiiKind> items, @Nullable String level) {
    Objects.requireNonNull(items, "items == null");
    if (items.isEmpty()) {
      if (level != null) {
        throw CliException.error(
            io.github.govdx.cli.CliErrorCode.USAGE,
            "--mask-level needs at least one --mask ITEM=KIND");
      }
      return NONE;
    }
    MaskingPolicy policy;
    try {
      policy = level == null ? MaskingPolicy.defaultPolicy() : MaskingPolicy.forLevel(level);
    } catch (GovdxException e) {
      throw CliException.inputFailure("--mask-level", e);
    }
    return new RecordMask(Map.copyOf(new LinkedHashMap<>(items)), policy);
  }

  /** @return the level whose rules apply */
  String level() {
    return policy.level();
  }

  /**
   * Masks one record.
   *
   * @param record the record as returned
   * @return the record itself when nothing is masked, else a masked copy
   */
  JsonNode apply(JsonNode record) {
    if (items.isEmpty() || !record.isObject()) {
      return record;
    }
    ObjectNode copy = record.deepCopy();
    items.forEach(
        (item, kind) -> {
          JsonNode v = copy.get(item);
          if (v != null) {
            copy.set(item, mask(v, kind));
          }
        });
    return copy;
  }

  private JsonNode mask(JsonNode v, PiiKind kind) {
    if (v.isNull()) {
      return v;
    }
    if (v.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      v.forEach(e -> out.add(mask(e, kind)));
      return out;
    }
    if (v.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      v.fields().forEachRemaining(e -> out.set(e.getKey(), mask(e.getValue(), kind)));
      return out;
    }
    return JsonNodeFactory.instance.textNode(policy.mask(kind, v.asText()));
  }
}
