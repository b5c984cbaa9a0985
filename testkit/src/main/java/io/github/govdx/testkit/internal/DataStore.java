package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records the sandbox holds when it acts as a provider itself: seeded datasets plus every stored push batch,
 * per resource. Batches are stored all or nothing. Thread-safe.
 */
public final class DataStore {

  /**
   * A stored batch.
   *
   * @param resourceCode the resource
   * @param batchId the batch id
   * @param sender the pushing party
   * @param messageId the push's message id
   * @param storedAt when it was stored
   * @param records the records
   */
  public record Batch(
      String resourceCode,
      String batchId,
      PartyId sender,
      String messageId,
      Instant storedAt,
      List<JsonNode> records) {
    /**
     * Copies the records.
     *
     * @param resourceCode the resource
     * @param batchId the id
     * @param sender the sender
     * @param messageId the message id
     * @param storedAt the time
     * @param records the records
     */
    public Batch {
      records = List.copyOf(records);
    }
  }

  private final Map<String, List<JsonNode>> records = new ConcurrentHashMap<>();
  private final Map<String, List<Batch>> batches = new ConcurrentHashMap<>();

  /**
   * Adds seed records.
   *
   * @param resourceCode the resource
   * @param seed the records
   */
  public synchronized void seed(String resourceCode, List<? extends JsonNode> seed) {
    List<JsonNode> list = records.computeIfAbsent(resourceCode, k -> new ArrayList<>());
    seed.forEach(r -> list.add(r.deepCopy()));
  }

  /**
   * Stores a batch atomically.
   *
   * @param batch the batch
   */
  public synchronized void store(Batch batch) {
    records.computeIfAbsent(batch.resourceCode(), k -> new ArrayList<>()).addAll(batch.records());
    batches.computeIfAbsent(batch.resourceCode(), k -> new ArrayList<>()).add(batch);
  }

  /**
   * The records of a resource (a snapshot).
   *
   * @param resourceCode the resource
   * @return the records
   */
  public synchronized List<JsonNode> records(String resourceCode) {
    return new ArrayList<>(records.getOrDefault(resourceCode, List.of()));
  }

  /**
   * The batches stored for a resource (a snapshot, in order).
   *
   * @param resourceCode the resource
   * @return the batches
   */
  public synchronized List<Batch> batches(String resourceCode) {
    return new ArrayList<>(batches.getOrDefault(resourceCode, List.of()));
  }

  /**
   * The records matching every member of a filter (values compared as text).
   *
   * @param resourceCode the resource
   * @param filter the filter
   * @return the matches
   */
  public synchronized List<JsonNode> find(String resourceCode, ObjectNode filter) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : records.getOrDefault(resourceCode, List.of())) {
      boolean all = true;
      var it = filter.fields();
      while (it.hasNext() && all) {
        var f = it.next();
        JsonNode v = r.get(f.getKey());
        all = v != null && v.asText().equals(f.getValue().asText());
      }
      if (all) {
        out.add(r);
      }
    }
    return out;
  }
}
