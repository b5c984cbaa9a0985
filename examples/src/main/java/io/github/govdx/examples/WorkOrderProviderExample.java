package io.github.govdx.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.testkit.ExchangeSandbox;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Focused example: answering 12345 work orders as a provider department (接诉即办). 市城市管理局 runs a
 * {@link ProviderEndpoint} for its work-order resource; the sandbox forwards the hotline's sealed dispatch to it
 * unchanged; the department handles the order and answers by pushing the result to the hotline's
 * 工单办理结果 resource. In production the endpoint sits behind the department's own HTTP server. Run:
 * {@code mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.github.govdx.examples.WorkOrderProviderExample}.
 */
public final class WorkOrderProviderExample {

  private WorkOrderProviderExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().start();
        ExchangeClient city = sandbox.client("citymgmt");
        ExchangeClient hotline = sandbox.client("hotline")) {
      // The department's endpoint: every dispatched work order lands in its inbox.
      List<JsonNode> inbox = new CopyOnWriteArrayList<>();
      ResourceDetail orders = city.catalog().detail("335003001/00031");
      ProviderEndpoint endpoint =
          ProviderEndpoint.builder()
              .party(sandbox.party("citymgmt").partyId())
              .credentials(sandbox.party("citymgmt").credentials())
              .trustStore(sandbox.trustStore())
              .directory(sandbox.directory())
              .push(
                  orders,
                  push -> {
                    inbox.addAll(push.records());
                    return "wo-" + inbox.size();
                  })
              .build();
      sandbox.registerProvider(
          sandbox.party("citymgmt").partyId(), ExchangeSandbox.provider(endpoint));

      // The hotline dispatches (派单).
      ObjectNode order = json.createObjectNode();
      order.put("gdbh", "GD2026112400017");
      order.put("sqlx", "投诉");
      order.put("sqnr", "小区路灯不亮，夜间出行不便");
      order.put("xzqh", "320505");
      order.put("pdsj", "2026-11-24T08:20:00Z");
      order.put("blsx", "2026-11-27");
      hotline
          .data()
          .push(
              PushRequest.builder()
                  .resourceCode("335003001/00031")
                  .addRecord(order)
                  .idempotencyKey(UUID.randomUUID().toString())
                  .build());
      out.println(
          "市城市管理局 received "
              + inbox.size()
              + " work order(s): "
              + inbox.get(0).get("gdbh").asText());

      // The department answers (答复): a push to the hotline's 工单办理结果.
      for (JsonNode o : inbox) {
        ObjectNode reply = json.createObjectNode();
        reply.put("gdbh", o.get("gdbh").asText());
        reply.put("cbdw", sandbox.party("citymgmt").partyId().creditCode());
        reply.put("blzt", "已办结");
        reply.put("bljg", "已更换路灯，回访满意");
        reply.put("bjsj", "2026-11-25T10:00:00Z");
        String batch =
            city.data()
                .push(
                    PushRequest.builder()
                        .resourceCode("335004001/00001")
                        .addRecord(reply)
                        .idempotencyKey(UUID.randomUUID().toString())
                        .build())
                .batchId();
        out.println("answered " + o.get("gdbh").asText() + " in batch " + batch);
      }
      out.println("the hotline holds " + sandbox.records("335004001/00001").size() + " answer(s)");
    }
  }
}
