package io.github.govdx.examples.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The bureau's work orders as received (a real department keeps them in its own business database). Thread-safe.
 */
@Component
public class WorkOrders {

  /** A received work order and what became of it. */
  public record Entry(
      String gdbh, String category, String area, String state, String outboxEntry) {}

  private final Map<String, Entry> byNumber = new ConcurrentHashMap<>();

  /**
   * Records a work order.
   *
   * @param order the record
   * @param outboxEntry the outbox entry of its answer
   */
  public void received(JsonNode order, String outboxEntry) {
    String gdbh = order.path("gdbh").asText();
    byNumber.put(
        gdbh,
        new Entry(
            gdbh,
            order.path("sqlx").asText(),
            order.path("xzqh").asText(),
            "answered",
            outboxEntry));
  }

  /** @return every work order received, without personal data (no address, no phone) */
  public List<Entry> all() {
    return List.copyOf(byNumber.values());
  }

  /**
   * One work order.
   *
   * @param gdbh its number
   * @return it, or null
   */
  public Entry get(String gdbh) {
    return byNumber.get(gdbh);
  }
}
