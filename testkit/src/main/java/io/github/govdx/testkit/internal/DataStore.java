package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The records the sandbox holds when it acts as a provider itself: seeded datasets plus every stored push batch,
 * per resource. Batches are stored all or nothing. Thread-safe.
 *
 * <p>The seed is kept in this JVM; pushed batches are kept here too, or, for sandbox processes that act as one
 * platform ({@code --state}), in the shared database ({@link StateTables}), so a batch pushed through one instance
 * is answered by a query through any other.
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
  private final AtomicLong batchNumbers = new AtomicLong();
  private final @Nullable StateTables shared;

  /** A store in this JVM. */
  public DataStore() {
    this(null);
  }

  /**
   * A store whose pushed batches live in shared tables (or in this JVM when {@code shared} is null).
   *
   * @param shared the tables, or null
   */
  public DataStore(@Nullable StateTables shared) {
    this.shared = shared;
  }

  /**
   * The next batch number: unique across every instance sharing the tables.
   *
   * @return the number, from 1
   */
  public long nextBatchNumber() {
    return shared == null ? batchNumbers.incrementAndGet() : shared.next("batch");
  }

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
    if (shared != null) {
      shared.addBatch(batch);
      return;
    }
    records.computeIfAbsent(batch.resourceCode(), k -> new ArrayList<>()).addAll(batch.records());
    batches.computeIfAbsent(batch.resourceCode(), k -> new ArrayList<>()).add(batch);
  }

  /**
   * The records of a resource (a snapshot).
   *
   * @param resourceCode the resource
   * @return the records
   */
  public List<JsonNode> records(String resourceCode) {
    List<JsonNode> out;
    synchronized (this) {
      out = new ArrayList<>(records.getOrDefault(resourceCode, List.of()));
    }
    if (shared != null) {
      for (Batch b : shared.batches(resourceCode)) {
        out.addAll(b.records());
      }
    }
    return out;
  }

  /**
   * The batches stored for a resource (a snapshot, in order).
   *
   * @param resourceCode the resource
   * @return the batches
   */
  public List<Batch> batches(String resourceCode) {
    if (shared != null) {
      return shared.batches(resourceCode);
    }
    synchronized (this) {
      return new ArrayList<>(batches.getOrDefault(resourceCode, List.of()));
    }
  }

  /**
   * The records matching every member of a filter (values compared as text).
   *
   * @param resourceCode the resource
   * @param filter the filter
   * @return the matches
   */
  public List<JsonNode> find(String resourceCode, ObjectNode filter) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : records(resourceCode)) {
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
