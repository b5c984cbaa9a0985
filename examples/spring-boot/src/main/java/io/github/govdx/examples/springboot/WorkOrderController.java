package io.github.govdx.examples.springboot;

import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.client.outbox.OutboxEntry;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The bureau's own view: the work orders received and whether each answer reached the hotline. */
@RestController
public class WorkOrderController {

  private final WorkOrders orders;
  private final Outbox outbox;

  /**
   * @param orders the store
   * @param outbox the outbox
   */
  public WorkOrderController(WorkOrders orders, Outbox outbox) {
    this.orders = orders;
    this.outbox = outbox;
  }

  /** @return every work order received */
  @GetMapping("/work-orders")
  public List<WorkOrders.Entry> all() {
    return orders.all();
  }

  /**
   * One work order and the delivery state of its answer.
   *
   * @param gdbh the work order number
   * @return its state
   */
  @GetMapping("/work-orders/{gdbh}")
  public Map<String, Object> one(@PathVariable("gdbh") String gdbh) {
    WorkOrders.Entry e = orders.get(gdbh);
    if (e == null) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }
    OutboxEntry answer = outbox.get(e.outboxEntry()).orElseThrow();
    return Map.of(
        "gdbh", e.gdbh(),
        "category", e.category(),
        "answer", answer.state().name(),
        "receipt", answer.receipt().isPresent());
  }
}
