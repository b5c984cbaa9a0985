package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.testkit.TestkitErrorCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * The catalog ({@code docs/protocol.md} §6): entries in their wire form, ordered by resource code. Thread-safe.
 */
public final class CatalogStore {

  /** A resource code, {@code classCode/sequence}. */
  public static final Pattern RESOURCE_CODE =
      Pattern.compile("[0-9A-Za-z]{1,32}/[0-9A-Za-z]{1,32}");

  private static final Set<String> SHARE_TYPES =
      Set.of("unconditional", "conditional", "not_shared");
  private static final Set<String> ACTIONS = Set.of("query", "push");
  private static final List<String> SUMMARY =
      List.of(
          "resourceCode",
          "name",
          "provider",
          "providerName",
          "summary",
          "shareType",
          "updateCycle",
          "format",
          "publishedOn");

  private final ConcurrentSkipListMap<String, ObjectNode> entries = new ConcurrentSkipListMap<>();

  /**
   * Checks an entry in the wire form of §6.2.
   *
   * @param entry the entry
   * @return the checked copy
   * @throws GovdxException {@code GDX-4001} naming the first problem
   */
  public static ObjectNode check(JsonNode entry) {
    if (!entry.isObject()) {
      throw seed("a catalog entry must be a JSON object");
    }
    ObjectNode e = ((ObjectNode) entry).deepCopy();
    String code = e.path("resourceCode").asText("");
    if (!RESOURCE_CODE.matcher(code).matches()) {
      throw seed("resourceCode must be classCode/sequence of [0-9A-Za-z]{1,32}: '" + code + "'");
    }
    if (e.path("name").asText("").isEmpty()) {
      throw seed("catalog entry " + code + " has no name");
    }
    if (!PartyId.isValid(e.path("provider").asText(null))) {
      throw seed("catalog entry " + code + " has no valid provider party id");
    }
    if (!SHARE_TYPES.contains(e.path("shareType").asText(""))) {
      throw seed("catalog entry " + code + ": shareType must be one of " + SHARE_TYPES);
    }
    JsonNode actions = e.get("actions");
    if (actions == null || !actions.isArray() || actions.isEmpty()) {
      throw seed("catalog entry " + code + " needs actions (query, push or both)");
    }
    for (JsonNode a : actions) {
      if (!ACTIONS.contains(a.asText())) {
        throw seed("catalog entry " + code + ": unknown action '" + a.asText() + "'");
      }
    }
    JsonNode items = e.get("items");
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw seed("catalog entry " + code + " needs items");
    }
    for (JsonNode i : items) {
      if (i.path("name").asText("").isEmpty()) {
        throw seed("catalog entry " + code + " has an item without a name");
      }
    }
    return e;
  }

  private static GovdxException seed(String detail) {
    return new GovdxException(TestkitErrorCode.SEED_INVALID, detail);
  }

  /**
   * Adds or replaces an entry.
   *
   * @param entry a checked entry
   * @return the names of the members that changed (empty for a new entry)
   */
  public List<String> put(ObjectNode entry) {
    String code = entry.get("resourceCode").asText();
    ObjectNode old = entries.put(code, entry);
    List<String> changed = new ArrayList<>();
    if (old != null) {
      Iterator<Map.Entry<String, JsonNode>> it = entry.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getValue().equals(old.get(f.getKey()))) {
          changed.add(f.getKey());
        }
      }
      old.fieldNames()
          .forEachRemaining(
              n -> {
                if (!entry.has(n)) {
                  changed.add(n);
                }
              });
    }
    return changed;
  }

  /**
   * An entry.
   *
   * @param resourceCode the code
   * @return the entry, or empty
   */
  public Optional<ObjectNode> get(String resourceCode) {
    return Optional.ofNullable(entries.get(resourceCode));
  }

  /**
   * An entry that must exist.
   *
   * @param resourceCode the code
   * @return the entry
   * @throws ApiException {@code GDX-3201}
   */
  public ObjectNode require(String resourceCode) {
    ObjectNode e = entries.get(resourceCode);
    if (e == null) {
      throw new ApiException(WireCode.RESOURCE_NOT_FOUND, "no catalog resource " + resourceCode);
    }
    return e;
  }

  /**
   * All entries, ordered by resource code.
   *
   * @return the entries
   */
  public List<ObjectNode> all() {
    return new ArrayList<>(entries.values());
  }

  /**
   * The provider of an entry.
   *
   * @param entry the entry
   * @return the provider
   */
  public static PartyId provider(ObjectNode entry) {
    return PartyId.parse(entry.get("provider").asText());
  }

  /**
   * Whether an entry accepts an action.
   *
   * @param entry the entry
   * @param action {@code query} or {@code push}
   * @return whether it is listed
   */
  public static boolean accepts(ObjectNode entry, String action) {
    for (JsonNode a : entry.path("actions")) {
      if (a.asText().equals(action)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The item names of an entry.
   *
   * @param entry the entry
   * @return the names
   */
  public static List<String> itemNames(ObjectNode entry) {
    List<String> names = new ArrayList<>();
    for (JsonNode i : entry.path("items")) {
      names.add(i.path("name").asText());
    }
    return names;
  }

  /**
   * The search result form of an entry (§6.1).
   *
   * @param entry the entry
   * @return the summary
   */
  public static ObjectNode summary(ObjectNode entry) {
    ObjectNode s = Json.object();
    for (String f : SUMMARY) {
      if (entry.has(f)) {
        s.set(f, entry.get(f));
      }
    }
    return s;
  }

  /**
   * Whether an entry passes the search filters of §6.1.
   *
   * @param e the entry
   * @param q the parameters
   * @return whether it matches
   */
  public static boolean matches(ObjectNode e, Map<String, String> q) {
    String words = q.get("q");
    if (words != null && !words.isBlank()) {
      String hay =
          (e.path("name").asText("") + " " + e.path("summary").asText("")).toLowerCase(Locale.ROOT);
      for (String w : words.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
        if (!hay.contains(w)) {
          return false;
        }
      }
    }
    if (!eq(e, "provider", q.get("provider"))
        || !eq(e, "shareType", q.get("shareType"))
        || !eq(e, "updateCycle", q.get("updateCycle"))
        || !eq(e, "format", q.get("format"))) {
      return false;
    }
    String cls = q.get("classCode");
    return cls == null || e.get("resourceCode").asText().startsWith(cls);
  }

  private static boolean eq(ObjectNode e, String member, String wanted) {
    return wanted == null || wanted.equals(e.path(member).asText(null));
  }

  /**
   * A JSON array of the entries' summaries.
   *
   * @param list the entries
   * @return the array
   */
  public static ArrayNode summaries(List<ObjectNode> list) {
    ArrayNode a = Json.array();
    list.forEach(e -> a.add(summary(e)));
    return a;
  }
}
