package io.github.govdx.examples.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.client.provider.ProviderPush;
import io.github.govdx.client.provider.PushHandler;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.spring.GovdxResource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * Provider of {@code 335003001/00031} (12345 work orders for city management): each pushed work order is recorded
 * and answered by pushing a result to the hotline's {@code 335004001/00001} through the durable outbox, so the
 * answer survives a restart and reaches the hotline once. govdx has already opened, verified, de-duplicated and
 * validated the push before this runs.
 */
@Component
@GovdxResource(WorkOrderHandler.WORK_ORDERS)
public class WorkOrderHandler implements PushHandler {

  /** The work-order resource this bureau provides. */
  public static final String WORK_ORDERS = "335003001/00031";

  /** The hotline's resource for answers. */
  public static final String ANSWERS = "335004001/00001";

  private final Outbox outbox;
  private final WorkOrders orders;
  private final PartyId self;

  /**
   * @param outbox the auto-configured outbox (govdx.outbox.enabled=true)
   * @param orders the bureau's store
   * @param self the bureau's party id (govdx.party-id)
   */
  public WorkOrderHandler(Outbox outbox, WorkOrders orders, PartyId self) {
    this.outbox = outbox;
    this.orders = orders;
    this.self = self;
  }

  @Override
  public String store(ProviderPush push) {
    for (JsonNode order : push.records()) {
      String gdbh = order.path("gdbh").asText();
      ObjectNode answer = JsonNodeFactory.instance.objectNode();
      answer.put("gdbh", gdbh);
      answer.put("cbdw", self.creditCode());
      answer.put("blzt", "已办结");
      answer.put("bljg", "已派员现场处理：" + order.path("sqlx").asText() + "诉求已解决");
      answer.put("bjsj", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      String entry =
          outbox.submit(
              PushRequest.builder()
                  .resourceCode(ANSWERS)
                  .addRecord(answer)
                  .idempotencyKey("answer-" + gdbh)
                  .build());
      orders.received(order, entry);
    }
    return "wo-" + push.messageId();
  }
}
